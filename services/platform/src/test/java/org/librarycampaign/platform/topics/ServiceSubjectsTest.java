package org.librarycampaign.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Notification;
import org.apache.avro.Schema;
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
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.registry.SchemaRegistryException;
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

  /** Answers HTTP 500 to the first registrations, as Apicurio does to racing first versions. */
  private static final class FailingFirst implements SchemaRegistry {
    private final SchemaRegistry real;
    private final AtomicInteger failuresLeft;

    FailingFirst(SchemaRegistry real, int failures) {
      this.real = real;
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public int register(String subject, Schema schema) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new SchemaRegistryException("HTTP 500 - unique key violation", 500);
      }
      return real.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      return real.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
      return real.schemaById(id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return real.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      return real.isCompatible(subject, schema);
    }

    @Override
    public String compatibility(String subject) {
      return real.compatibility(subject);
    }

    @Override
    public void setCompatibility(String subject, String level) {
      real.setCompatibility(subject, level);
    }

    @Override
    public List<String> subjects() {
      return real.subjects();
    }
  }

  private static RetryConfig tries(int attempts) {
    return RetryConfig.from(ServiceSubjects.START_WAIT)
        .maxAttempts(attempts)
        .waitDuration(Duration.ofMillis(1))
        .build();
  }

  @Test
  void waitsOutARegistryThatAnswers500AtStart() {
    TopicCatalogue flaky = new TopicCatalogue("t.", new FailingFirst(registry, 3), true);

    var subjects =
        ServiceSubjects.prepare(
            topology(), flaky, "campaign-test", Map.of("pending", Notification.class), tries(4));

    assertThat(subjects).contains("t.campaign.conflicts-value", "t.campaign.posts-value");
    assertThat(registry.subjects()).containsAll(subjects);
  }

  @Test
  void givesUpWhenTheRegistryStaysUnavailable() {
    TopicCatalogue down = new TopicCatalogue("t.", new FailingFirst(registry, 100), true);

    assertThatThrownBy(
            () ->
                ServiceSubjects.prepare(
                    topology(),
                    down,
                    "campaign-test",
                    Map.of("pending", Notification.class),
                    tries(3)))
        .hasMessageContaining("Cannot reach the schema registry");
    assertThat(registry.subjects()).isEmpty();
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
