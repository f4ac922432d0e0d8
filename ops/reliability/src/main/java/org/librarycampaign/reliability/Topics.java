package org.librarycampaign.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.platform.topics.Topic;

/** Reading a whole topic as {@code read_committed} sees it, producing raw bytes, transactions. */
final class Topics {

  /** One record read back: its key, decoded value ({@code null} for a tombstone), headers. */
  record Read<V>(String key, V value, Map<String, String> headers) {}

  private Topics() {}

  /** Every committed record of the topic, from the beginning to the end offsets of now. */
  static <V extends SpecificRecord> List<Read<V>> readAll(Env env, Topic<String, V> topic) {
    Map<String, Object> props = new HashMap<>(env.config().kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    List<Read<V>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(topic.name(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          V value =
              record.value() == null
                  ? null
                  : topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
          Map<String, String> headers = new HashMap<>();
          for (Header header : record.headers()) {
            headers.put(
                header.key(),
                header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
          }
          read.add(new Read<>(record.key(), value, headers));
        }
      }
    }
    return read;
  }

  /** An idempotent producer of raw bytes (acks=all), as any client could write the topics. */
  static KafkaProducer<String, byte[]> producer(Env env) {
    Map<String, Object> props = new HashMap<>(env.config().kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * The transactions still ONGOING whose transactional id starts with the prefix (the scenario's
   * application ids).
   */
  static Set<String> ongoingTransactions(Env env, String prefix) throws Exception {
    try (Admin admin = Admin.create(env.config().kafkaProperties())) {
      return admin
          .listTransactions(
              new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
          .all()
          .get()
          .stream()
          .map(TransactionListing::transactionalId)
          .filter(id -> id.startsWith(prefix))
          .collect(Collectors.toSet());
    }
  }
}
