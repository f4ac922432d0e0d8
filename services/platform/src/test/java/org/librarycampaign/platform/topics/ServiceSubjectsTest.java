package org.librarycampaign.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Notification;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerde;

/** The subjects of a topology's topics, stores and repartitions are registered before it runs. */
class ServiceSubjectsTest {

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopicCatalogue catalogue = new TopicCatalogue("t.", registry, true);

  private Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore("pending"),
            Serdes.String(),
            new AvroSerde<>(registry, Notification.class, true)));
    builder.stream(catalogue.milestones().name(), catalogue.milestones().consumed())
        .repartition(
            Repartitioned.<String, MilestoneEvent>as("by-branch")
                .withKeySerde(Serdes.String())
                .withValueSerde(new AvroSerde<>(registry, MilestoneEvent.class, true)))
        .process(
            () ->
                new Processor<String, MilestoneEvent, Void, Void>() {
                  @Override
                  public void process(Record<String, MilestoneEvent> r) {}
                },
            Named.as("use-pending"),
            "pending");
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .mapValues(post -> (ConflictEvent) null, Named.as("as-conflict"))
        .to(catalogue.conflicts().name(), catalogue.conflicts().produced());
    return builder.build();
  }

  @Test
  void registersTheCatalogueTopicsAndTheNamedInternalTopicsOfTheTopology() {
    var subjects =
        ServiceSubjects.prepare(
            topology(),
            catalogue,
            "campaign-test",
            Map.of("pending", Notification.class, "by-branch", MilestoneEvent.class));

    assertThat(subjects)
        .containsExactly(
            "campaign-test-by-branch-repartition-value",
            "campaign-test-pending-changelog-value",
            "t.campaign.conflicts-value",
            "t.campaign.milestones-value",
            "t.campaign.posts-value");
    assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
  }

  @Test
  void refusesAnInternalNameTheTopologyDoesNotHave() {
    assertThatThrownBy(
            () ->
                ServiceSubjects.prepare(
                    topology(), catalogue, "campaign-test", Map.of("gone", Notification.class)))
        .hasMessageContaining("gone");
  }
}
