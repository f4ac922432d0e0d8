package org.librarycampaign.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * On a real broker with exactly-once: garbage bytes and a record the processor throws on go to
 * campaign.dead-letters (committed, with the reason in headers) and the valid records around them
 * still come out.
 */
class DeadLettersIT {

  @Test
  void badRecordsGoToDeadLettersAndTheRestFlowsUnderExactlyOnce() throws Exception {
    SharedStack stack = SharedStack.get();
    CampaignConfig config = stack.configFor("dead-letters");
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    String copies = config.topicPrefix() + "copies";
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.createTopics(List.of(new NewTopic(copies, 1, (short) 1))).all().get();
    }
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .mapValues(
            (PostEvent event) -> {
              if (((PostDrafted) event.getEvent()).getPostId().equals("boom")) {
                throw new IllegalStateException("post boom cannot be processed");
              }
              return event;
            },
            Named.as("fail-on-boom"))
        .to(copies, catalogue.posts().produced());

    try (StreamsService service =
            new StreamsService(
                "dead-letters",
                builder.build(),
                StreamsSettings.forService(config, "dead-letters", catalogue));
        KafkaProducer<String, byte[]> producer = rawProducer(config)) {
      service.start(new Readiness());
      byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);
      var serializer = catalogue.posts().valueSerde().serializer();
      String posts = catalogue.posts().name();
      producer.send(
          new ProducerRecord<>(posts, "eastside", serializer.serialize(posts, post("p1"))));
      producer.send(new ProducerRecord<>(posts, "eastside", garbage));
      producer.send(
          new ProducerRecord<>(posts, "eastside", serializer.serialize(posts, post("boom"))));
      producer.send(
          new ProducerRecord<>(posts, "eastside", serializer.serialize(posts, post("p4"))));
      producer.flush();

      List<ConsumerRecord<String, byte[]>> copied = new ArrayList<>();
      List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer = committedConsumer(config)) {
        consumer.subscribe(List.of(copies, catalogue.deadLetters().name()));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  for (var record : consumer.poll(Duration.ofMillis(200))) {
                    (record.topic().equals(copies) ? copied : letters).add(record);
                  }
                  return copied.size() >= 2 && letters.size() >= 2;
                });
      }

      Deserializer<PostEvent> postReader = catalogue.posts().valueSerde().deserializer();
      assertThat(copied)
          .extracting(
              r -> ((PostDrafted) postReader.deserialize(copies, r.value()).getEvent()).getPostId())
          .containsExactly("p1", "p4");
      Deserializer<DeadLetter> letterReader = catalogue.deadLetters().valueSerde().deserializer();
      List<DeadLetter> decoded =
          letters.stream()
              .map(r -> letterReader.deserialize(catalogue.deadLetters().name(), r.value()))
              .toList();
      assertThat(decoded)
          .extracting(DeadLetter::getStage, DeadLetter::getOffset, DeadLetter::getSourceTopic)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(DeadLetterStage.DESERIALIZATION, 1L, posts),
              org.assertj.core.groups.Tuple.tuple(DeadLetterStage.PROCESSING, 2L, posts));
      assertThat(decoded.get(0).getValue().array()).isEqualTo(garbage);
      assertThat(decoded.get(1).getErrorMessage()).contains("post boom cannot be processed");
      assertThat(
              new String(
                  letters.get(0).headers().lastHeader(DeadLetters.HEADER_MESSAGE).value(),
                  StandardCharsets.UTF_8))
          .contains("magic byte");
      assertThat(
              new String(
                  letters.get(1).headers().lastHeader(DeadLetters.HEADER_APPLICATION_ID).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(config.applicationId("dead-letters"));
    }
  }

  /**
   * Kafka Streams 4.4 cannot write dead letters from the global thread; DeadLetters sends those
   * itself. (A bad record already on the topic when the client starts is restored into a global
   * table as raw bytes, without the handler: services that must survive that read global topics
   * through a processor of their own, as the dashboard does.)
   */
  @Test
  void aBadRecordInAGlobalStoreGoesToDeadLettersAndTheClientKeepsRunning() throws Exception {
    SharedStack stack = SharedStack.get();
    CampaignConfig config = stack.configFor("global-dead-letters");
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    String policies = catalogue.channelPolicies().name();
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(
        policies,
        catalogue.channelPolicies().consumed(),
        Materialized.<String, ChannelPolicy, KeyValueStore<Bytes, byte[]>>as("policies-by-channel")
            .withKeySerde(catalogue.channelPolicies().keySerde())
            .withValueSerde(catalogue.channelPolicies().valueSerde()));
    byte[] garbage = {1, 2, 3};
    ChannelPolicy policy =
        ChannelPolicy.newBuilder().setBranchId("eastside").setPlatform(Platform.X).build();

    try (StreamsService service =
            new StreamsService(
                "global-dead-letters",
                builder.build(),
                StreamsSettings.forService(config, "global-dead-letters", catalogue));
        KafkaProducer<String, byte[]> producer = rawProducer(config)) {
      service.start(new Readiness());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
      producer.send(new ProducerRecord<>(policies, "eastside/FACEBOOK", garbage));
      producer.send(
          new ProducerRecord<>(
              policies,
              "eastside/X",
              catalogue.channelPolicies().valueSerde().serializer().serialize(policies, policy)));
      producer.flush();
      ReadOnlyKeyValueStore<String, ChannelPolicy> store =
          service
              .streams()
              .store(
                  StoreQueryParameters.fromNameAndType(
                      "policies-by-channel", QueryableStoreTypes.keyValueStore()));
      await().atMost(Duration.ofSeconds(30)).until(() -> store.get("eastside/X") != null);
      assertThat(store.get("eastside/FACEBOOK")).isNull();
      List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer = committedConsumer(config)) {
        consumer.subscribe(List.of(catalogue.deadLetters().name()));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                  return !letters.isEmpty();
                });
      }
      DeadLetter letter =
          catalogue
              .deadLetters()
              .valueSerde()
              .deserializer()
              .deserialize(catalogue.deadLetters().name(), letters.get(0).value());
      assertThat(letter.getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
      assertThat(letter.getSourceTopic()).isEqualTo(policies);
      assertThat(letter.getValue().array()).isEqualTo(garbage);
      assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  @Test
  void aBadRecordAlreadyOnTheTopicOfAGlobalViewReadsAsAbsentAfterARestart() throws Exception {
    SharedStack stack = SharedStack.get();
    CampaignConfig config = stack.configFor("global-view-restore");
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    String policies = catalogue.channelPolicies().name();
    StreamsBuilder builder = new StreamsBuilder();
    GlobalView.addTo(builder, catalogue.channelPolicies(), "policies-view");
    ChannelPolicy policy =
        ChannelPolicy.newBuilder().setBranchId("eastside").setPlatform(Platform.X).build();
    try (KafkaProducer<String, byte[]> producer = rawProducer(config)) {
      producer
          .send(new ProducerRecord<>(policies, "eastside/FACEBOOK", new byte[] {1, 2, 3}))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  policies,
                  "eastside/X",
                  catalogue
                      .channelPolicies()
                      .valueSerde()
                      .serializer()
                      .serialize(policies, policy)))
          .get();
    }

    try (StreamsService service =
        new StreamsService(
            "global-view-restore",
            builder.build(),
            StreamsSettings.forService(config, "global-view-restore", catalogue))) {
      service.start(new Readiness());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
      ReadOnlyKeyValueStore<String, ChannelPolicy> view =
          service
              .streams()
              .store(
                  StoreQueryParameters.fromNameAndType(
                      "policies-view", QueryableStoreTypes.keyValueStore()));

      await().atMost(Duration.ofSeconds(30)).until(() -> view.get("eastside/X") != null);
      assertThat(view.get("eastside/X")).isEqualTo(policy);
      assertThat(view.get("eastside/FACEBOOK")).isNull();
      assertThat(service.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  private static KafkaProducer<String, byte[]> rawProducer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put("acks", "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, byte[]> committedConsumer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("dead-letters-reader"));
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
