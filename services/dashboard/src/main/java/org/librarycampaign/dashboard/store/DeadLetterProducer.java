package org.librarycampaign.dashboard.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the dashboard's unreadable records to {@code campaign.dead-letters}, in the platform's
 * dead-letter form (the original bytes, the reason in headers), with a producer of its own.
 *
 * <p>Once per bad record: the views are rebuilt from the beginning of every topic at each start, so
 * the same bad record is met again at each start. Before the views start, the dead letters this
 * application already wrote are read (their {@code topic/partition/offset} headers), and a record
 * that already has one is not sent again.
 */
public final class DeadLetterProducer implements UnreadableRecords, AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterProducer.class);

  /** How long the dead letters already sent are read at start, at most. */
  private static final Duration READ_LIMIT = Duration.ofSeconds(60);

  private final DeadLetters deadLetters;
  private final Producer<byte[], byte[]> producer;
  private final Set<String> alreadyWritten;

  /**
   * @param alreadyWritten the {@link #where} of the records that already have a dead letter from
   *     this application
   */
  DeadLetterProducer(
      DeadLetters deadLetters, Producer<byte[], byte[]> producer, Set<String> alreadyWritten) {
    this.deadLetters = deadLetters;
    this.producer = producer;
    this.alreadyWritten = new HashSet<>(alreadyWritten);
  }

  public static DeadLetterProducer start(
      CampaignConfig config, TopicCatalogue topics, String service) {
    Map<String, Object> properties = new TreeMap<>(config.kafkaProperties());
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(
        ProducerConfig.CLIENT_ID_CONFIG, config.applicationId(service) + "-dead-letters");
    String applicationId = config.applicationId(service);
    Set<String> written =
        alreadyWritten(config, topics.deadLetters().name(), applicationId, service);
    return new DeadLetterProducer(
        new DeadLetters(
            topics.deadLetters().name(),
            topics.deadLetters().valueSerde().serializer(),
            applicationId),
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()),
        written);
  }

  /** Reads the dead-letter topic from its beginning to its current end: the dead letters sent. */
  private static Set<String> alreadyWritten(
      CampaignConfig config, String topic, String applicationId, String service) {
    Map<String, Object> properties = new TreeMap<>(config.kafkaProperties());
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationId + "-dead-letters-sent");
    Set<String> written = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant giveUp = Instant.now().plus(READ_LIMIT);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(giveUp)) {
          // better a dead letter sent twice than a dashboard that does not start
          LOGGER
              .atWarn()
              .addKeyValue("topic", topic)
              .addKeyValue("limit", READ_LIMIT)
              .log("Dead letters not read to the end; some may be sent again");
          break;
        }
        for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
          String where = whereIfOurs(letter.headers(), applicationId);
          if (where != null) {
            written.add(where);
          }
        }
      }
    }
    LOGGER
        .atInfo()
        .addKeyValue("service", service)
        .addKeyValue("deadLetters", written.size())
        .log("Dead letters already written, not sent again");
    return written;
  }

  /** The {@link #where} of a dead letter written by {@code applicationId}; null for another's. */
  static String whereIfOurs(Headers headers, String applicationId) {
    if (!applicationId.equals(text(headers, DeadLetters.HEADER_APPLICATION_ID))) {
      return null;
    }
    return text(headers, DeadLetters.HEADER_TOPIC)
        + "/"
        + text(headers, DeadLetters.HEADER_PARTITION)
        + "/"
        + text(headers, DeadLetters.HEADER_OFFSET);
  }

  /** Where a failed record was read: {@code topic/partition/offset}. */
  static String where(DeadLetters.Failure failure) {
    return failure.sourceTopic() + "/" + failure.partition() + "/" + failure.offset();
  }

  private static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Sends the dead letter. Its time is the time of sending: the installed platform's {@link
   * DeadLetters} stamps it itself ({@code failedAt} is the stream's time, the same here).
   */
  @Override
  public void failed(DeadLetters.Failure failure, Instant failedAt) {
    if (failure.offset() >= 0 && !alreadyWritten.add(where(failure))) {
      return; // met again on a re-read from the beginning: sent at an earlier start
    }
    producer.send(
        deadLetters.record(failure),
        (metadata, error) -> {
          if (error != null) {
            LOGGER
                .atError()
                .addKeyValue("sourceTopic", failure.sourceTopic())
                .addKeyValue("partition", failure.partition())
                .addKeyValue("offset", failure.offset())
                .setCause(error)
                .log("Could not write a dead letter");
          }
        });
  }

  @Override
  public void close() {
    producer.close();
  }
}
