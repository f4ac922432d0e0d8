package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Official;
import library.campaign.events.Officials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * On a real broker with exactly-once: bad values written straight to a settings topic are
 * dead-lettered once by the owner's check (as ingest runs it), not by the services whose global
 * views read the topic, and not again when the owner restarts or a second reader starts; the views
 * take the valid values.
 */
class SettingsDeadLettersIT {

  private static final String VIEW = "officials-view";
  private static final String OWNER = "settings-owner";

  @Test
  void aBadSettingsValueHasOneDeadLetterWhateverRestartsAndReaders() throws Exception {
    CampaignConfig config = SharedStack.get().configFor("settings-dead-letters");
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    String officials = catalogue.officials().name();
    var serializer = catalogue.officials().valueSerde().serializer();
    try (KafkaProducer<String, byte[]> producer = rawProducer(config)) {
      producer.send(record(officials, "eastside", serializer.serialize(officials, good("east"))));
      producer.send(
          record(officials, "eastside", serializer.serialize(officials, badHandle("east"))));
      producer.send(record(officials, "westside", "not avro".getBytes(StandardCharsets.UTF_8)));
      producer.send(record(officials, "northside", serializer.serialize(officials, good("north"))));
      producer.flush();
    }

    try (StreamsService owner = started(config, catalogue, OWNER, ownerTopology(catalogue));
        StreamsService reader = started(config, catalogue, "reader-one", view(catalogue))) {
      ReadOnlyKeyValueStore<String, Officials> view = store(reader);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> view.get("northside") != null && committed(config, officials) == 4);
      assertThat(view.get("eastside")).as("its latest value is bad: absent").isNull();
      assertThat(view.get("westside")).isNull();
    }

    List<ConsumerRecord<String, byte[]>> letters = deadLetters(config, catalogue);
    assertThat(letters).hasSize(2);
    DeadLetter invalid = decode(catalogue, letters.get(0));
    assertThat(invalid.getOffset()).isEqualTo(1L);
    assertThat(invalid.getErrorMessage())
        .startsWith("INVALID: Officials officials[0].handles.TWITTER: not a platform");
    assertThat(header(letters.get(0), DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.INVALID);
    assertThat(header(letters.get(0), DeadLetters.HEADER_APPLICATION_ID))
        .isEqualTo(config.applicationId(OWNER));
    DeadLetter unreadable = decode(catalogue, letters.get(1));
    assertThat(unreadable.getOffset()).isEqualTo(2L);
    assertThat(unreadable.getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);

    // the owner again (a restart) and a second reader, which reads the topic from the start
    try (KafkaProducer<String, byte[]> producer = rawProducer(config)) {
      producer
          .send(record(officials, "eastside", serializer.serialize(officials, good("east-2"))))
          .get();
    }
    try (StreamsService owner = started(config, catalogue, OWNER, ownerTopology(catalogue));
        StreamsService reader = started(config, catalogue, "reader-two", view(catalogue))) {
      ReadOnlyKeyValueStore<String, Officials> view = store(reader);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> view.get("eastside") != null && committed(config, officials) == 5);
      assertThat(view.get("eastside").getBranchId()).isEqualTo("east-2");
      assertThat(view.get("northside").getBranchId()).isEqualTo("north");
    }
    assertThat(deadLetters(config, catalogue)).as("no dead letter written again").hasSize(2);
  }

  private static StreamsBuilder ownerTopology(TopicCatalogue catalogue) {
    StreamsBuilder builder = new StreamsBuilder();
    SettingsTopics.checkAll(builder, catalogue);
    return builder;
  }

  private static StreamsBuilder view(TopicCatalogue catalogue) {
    StreamsBuilder builder = new StreamsBuilder();
    GlobalView.addTo(builder, catalogue.officials(), VIEW);
    return builder;
  }

  private static StreamsService started(
      CampaignConfig config, TopicCatalogue catalogue, String name, StreamsBuilder builder) {
    StreamsService service =
        new StreamsService(
            name, builder.build(), StreamsSettings.forService(config, name, catalogue));
    service.start(new Readiness());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
    return service;
  }

  private static ReadOnlyKeyValueStore<String, Officials> store(StreamsService reader) {
    return reader
        .streams()
        .store(StoreQueryParameters.fromNameAndType(VIEW, QueryableStoreTypes.keyValueStore()));
  }

  /** The owner's committed offsets on the topic, summed over its partitions. */
  private static long committed(CampaignConfig config, String topic) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets(config.applicationId(OWNER))
              .partitionsToOffsetAndMetadata()
              .get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    }
  }

  /** Every committed dead letter, in the order of the records they refer to. */
  private static List<ConsumerRecord<String, byte[]>> deadLetters(
      CampaignConfig config, TopicCatalogue catalogue) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("settings-letters"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(catalogue.deadLetters().name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
    }
    letters.sort(Comparator.comparingLong(letter -> decode(catalogue, letter).getOffset()));
    return letters;
  }

  private static DeadLetter decode(TopicCatalogue catalogue, ConsumerRecord<?, byte[]> letter) {
    return catalogue
        .deadLetters()
        .valueSerde()
        .deserializer()
        .deserialize(catalogue.deadLetters().name(), letter.value());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Every record on partition 0, so that the offsets are known. */
  private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value) {
    return new ProducerRecord<>(topic, 0, key, value);
  }

  private static KafkaProducer<String, byte[]> rawProducer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put("acks", "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static Officials good(String branchId) {
    return directory(branchId, "X");
  }

  private static Officials badHandle(String branchId) {
    return directory(branchId, "TWITTER");
  }

  private static Officials directory(String branchId, String platform) {
    return Officials.newBuilder()
        .setBranchId(branchId)
        .setOfficials(
            List.of(
                Official.newBuilder()
                    .setName("Pat Lee")
                    .setOffice("County Executive")
                    .setHandles(Map.of(platform, "@CountyExec"))
                    .build()))
        .build();
  }
}
