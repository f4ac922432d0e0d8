package org.librarycampaign.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * A schema registry outage is not a bad record: a service that needs the registry for a record (the
 * writer's schema, its output subject) while the registry is down writes no dead letter, and
 * produces the record's output once the registry is back on the same port and data. The shared
 * registry cannot be stopped, so this test runs a registry of its own.
 */
class RegistryOutageIT {

  private static final String RETRIES = "campaign.registry.unavailable.retries";

  @Test
  void aRecordMetDuringARegistryOutageIsProcessedAfterItAndNeverDeadLettered() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Metrics.addRegistry(meters);
    SharedStack stack = SharedStack.get();
    Path storage = Files.createTempDirectory("registry-outage-");
    RegistryProcess registry = RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, storage);
    int port = registry.port();
    CampaignConfig config =
        stack
            .configFor("registry-outage")
            .with(
                Map.of(
                    CampaignConfig.REGISTRY_URL,
                    registry.confluentApiUrl(),
                    "campaign.registry.outage.pause",
                    "1s"));
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    String copies = config.topicPrefix() + "copies";
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.createTopics(List.of(new NewTopic(copies, 1, (short) 1))).all().get();
    }
    // the producer has a registry client of its own: the service has seen no schema id yet
    String posts = catalogue.posts().name();
    byte[] post =
        TopicCatalogue.forConfig(config)
            .posts()
            .valueSerde()
            .serializer()
            .serialize(posts, post("during-outage"));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(posts, catalogue.posts().consumed()).to(copies, catalogue.posts().produced());

    try (StreamsService service =
            new StreamsService(
                "registry-outage",
                builder.build(),
                StreamsSettings.forService(config, "registry-outage", catalogue));
        KafkaProducer<String, byte[]> producer = rawProducer(config);
        KafkaConsumer<String, byte[]> consumer = committedConsumer(config)) {
      service.start(new Readiness());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
      registry.kill();
      producer.send(new ProducerRecord<>(posts, "eastside", post)).get();

      await().atMost(Duration.ofSeconds(60)).until(() -> retries(meters) >= 2);
      consumer.subscribe(List.of(copies, catalogue.deadLetters().name()));
      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      seen.addAll(pollOnce(consumer));
      assertThat(seen).isEmpty();

      registry = RegistryProcess.start(RegistryProcess.locateRunnerJar(), port, storage);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                seen.addAll(pollOnce(consumer));
                return seen.stream().anyMatch(r -> r.topic().equals(copies));
              });
      assertThat(seen).extracting(ConsumerRecord::topic).containsExactly(copies);
      PostEvent copied =
          catalogue.posts().valueSerde().deserializer().deserialize(copies, seen.get(0).value());
      assertThat(((PostDrafted) copied.getEvent()).getPostId()).isEqualTo("during-outage");
    } finally {
      registry.close();
      Metrics.removeRegistry(meters);
    }
  }

  private static double retries(SimpleMeterRegistry meters) {
    return meters.find(RETRIES).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static List<ConsumerRecord<String, byte[]>> pollOnce(
      KafkaConsumer<String, byte[]> consumer) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    return records;
  }

  private static KafkaProducer<String, byte[]> rawProducer(CampaignConfig config) {
    return new KafkaProducer<>(
        config.kafkaProperties(), new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, byte[]> committedConsumer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("registry-outage-reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static PostEvent post(String postId) {
    return new PostEvent(
        PostDrafted.newBuilder()
            .setPostId(postId)
            .setRevision(1)
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setCategory(PostCategory.CONTENT)
            .setText("Story time at 10")
            .setScheduledAt(Instant.parse("2026-12-01T15:00:00Z"))
            .setDraftedAt(Instant.parse("2026-11-27T10:00:00Z"))
            .build());
  }
}
