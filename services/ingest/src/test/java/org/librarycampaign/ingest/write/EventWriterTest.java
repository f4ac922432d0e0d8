package org.librarycampaign.ingest.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.librarycampaign.ingest.Samples;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerializer;
import org.librarycampaign.platform.topics.TopicCatalogue;

class EventWriterTest {

  private final EventJson json = new EventJson();
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final TopicCatalogue catalogue = new TopicCatalogue("t.", registry, true);

  @Test
  void writesEachEventToItsTopicUnderItsKeyAndSaysWhere() throws WriteFailedException {
    MockProducer<String, byte[]> producer = producer(true);
    EventWriter writer = new EventWriter(producer, catalogue, Duration.ofSeconds(5));

    List<WrittenEvent> written =
        writer.write(List.of(event(Samples.POST_DRAFTED), event(Samples.CHANNEL_POLICY)));

    assertThat(written)
        .extracting(WrittenEvent::topic, WrittenEvent::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t.campaign.posts", "eastside"),
            org.assertj.core.groups.Tuple.tuple(
                "t.campaign.channel-policies", "eastside/FACEBOOK"));
    ProducerRecord<String, byte[]> post = producer.history().get(0);
    assertThat(
            catalogue.posts().valueSerde().deserializer().deserialize(post.topic(), post.value()))
        .isEqualTo((PostEvent) event(Samples.POST_DRAFTED).value());
    assertThat(producer.history()).hasSize(2);
  }

  @Test
  void sendsNothingWhenAnyEventCannotBeSerialized() {
    TopicCatalogue lookupOnly = new TopicCatalogue("t.", registry, false);
    registry.register(
        AvroSerializer.subject("t.campaign.posts", false), PostEvent.getClassSchema());
    MockProducer<String, byte[]> producer = producer(true);
    EventWriter writer = new EventWriter(producer, lookupOnly, Duration.ofSeconds(5));

    assertThatThrownBy(
            () -> writer.write(List.of(event(Samples.POST_DRAFTED), event(Samples.MILESTONE))))
        .isInstanceOf(WriteFailedException.class)
        .hasMessageContaining("Milestone");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void answersOnlyOnceTheBrokerAcknowledgedEveryRecord() throws Exception {
    MockProducer<String, byte[]> producer = producer(false);
    EventWriter writer = new EventWriter(producer, catalogue, Duration.ofSeconds(5));

    CompletableFuture<List<WrittenEvent>> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return writer.write(List.of(event(Samples.MILESTONE), event(Samples.MILESTONE)));
              } catch (WriteFailedException e) {
                throw new IllegalStateException(e);
              }
            });
    org.awaitility.Awaitility.await().until(() -> producer.history().size() == 2);
    producer.completeNext();

    assertThat(answer).isNotDone();
    producer.completeNext();
    assertThat(answer.get()).hasSize(2);
  }

  @Test
  void aRecordTheBrokerDidNotTakeFailsTheRequest() {
    MockProducer<String, byte[]> producer = producer(false);
    EventWriter writer = new EventWriter(producer, catalogue, Duration.ofSeconds(5));

    CompletableFuture<Throwable> failure =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                writer.write(List.of(event(Samples.INCIDENT_REPORTED)));
                return null;
              } catch (WriteFailedException e) {
                return e;
              }
            });
    org.awaitility.Awaitility.await().until(() -> producer.history().size() == 1);
    producer.errorNext(new NotEnoughReplicasException("min.insync.replicas not met"));

    assertThat(failure.join())
        .isInstanceOf(WriteFailedException.class)
        .hasRootCauseInstanceOf(NotEnoughReplicasException.class);
  }

  @Test
  void theProducerIsIdempotentWithAcksAllWhateverTheConfigSays() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                "acks", "1",
                "enable.idempotence", "false",
                "linger.ms", "20",
                "compression.type", "zstd"));

    Map<String, Object> props =
        EventWriter.producerProperties(config, "campaign-ingest", Duration.ofSeconds(10));

    assertThat(props)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 9_980)
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
        .containsEntry("compression.type", "zstd")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "campaign-ingest");
  }

  private ParsedEvent event(String line) {
    return json.parse(line);
  }

  private static MockProducer<String, byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), new ByteArraySerializer());
  }
}
