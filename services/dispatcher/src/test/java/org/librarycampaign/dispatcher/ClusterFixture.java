package org.librarycampaign.dispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/** The topics of one integration test on the shared broker: create, write, read back. */
final class ClusterFixture {

  private final CampaignConfig config;
  private final TopicCatalogue catalogue;

  ClusterFixture(CampaignConfig config) {
    this.config = config;
    this.catalogue = SharedStack.createTopics(config);
  }

  TopicCatalogue catalogue() {
    return catalogue;
  }

  void send(Collection<Notification> notifications) throws Exception {
    Map<String, Object> props = new LinkedHashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    Topic<String, Notification> topic = catalogue.notifications();
    try (KafkaProducer<String, Notification> producer =
        new KafkaProducer<>(props, new StringSerializer(), topic.valueSerde().serializer())) {
      for (Notification n : notifications) {
        producer
            .send(new ProducerRecord<>(topic.name(), n.getNotificationId(), n))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A read_committed reader of a topic from its beginning, accumulating what it has seen. */
  final class Reader<V> implements AutoCloseable {
    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    Reader(Topic<String, V> topic, Deserializer<V> values) {
      Map<String, Object> props = new LinkedHashMap<>(config.kafkaProperties());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    /** Reads what is there now (briefly waiting); everything seen so far. */
    List<ConsumerRecord<String, V>> poll() {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      return List.copyOf(seen);
    }

    List<V> values() {
      return seen.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  Reader<DeliveryReceipt> receipts() {
    return new Reader<>(
        catalogue.notificationReceipts(),
        catalogue.notificationReceipts().valueSerde().deserializer());
  }

  Reader<DeadLetter> deadLetters() {
    return new Reader<>(
        catalogue.deadLetters(), catalogue.deadLetters().valueSerde().deserializer());
  }

  /** Every receipt of each notification, in the order written. */
  static Map<String, List<DeliveryReceipt>> byNotification(List<DeliveryReceipt> receipts) {
    Map<String, List<DeliveryReceipt>> byId = new LinkedHashMap<>();
    receipts.forEach(
        r -> byId.computeIfAbsent(r.getNotificationId(), id -> new ArrayList<>()).add(r));
    return byId;
  }

  static long countWithStatus(List<DeliveryReceipt> receipts, DeliveryStatus status) {
    return receipts.stream().filter(r -> r.getStatus() == status).count();
  }
}
