package org.librarycampaign.calendars;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import library.campaign.events.MilestoneEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * What imports wrote before, read back from {@code campaign.milestones} itself: the memory an
 * import needs to tell a disappeared event from one never seen, kept in Kafka and not in a local
 * file, so that any machine (the CLI, the poller, a restarted poller) sees the same.
 *
 * <p>Reads the whole topic once (it is small: one record per milestone revision), then only what
 * was written since, each time {@link #catchUp} is asked. Keeps the highest revision of every
 * milestone whose id starts with {@code ics:}; an unreadable record is skipped (it cannot be one of
 * ours: we write with the registry's schema).
 */
public final class MilestoneMemory implements AutoCloseable {

  static final String IMPORTED_PREFIX = "ics:";

  private final KafkaConsumer<String, MilestoneEvent> consumer;
  private final List<TopicPartition> partitions;
  private final Map<String, MilestoneEvent> latest = new HashMap<>();

  private MilestoneMemory(
      KafkaConsumer<String, MilestoneEvent> consumer, List<TopicPartition> partitions) {
    this.consumer = consumer;
    this.partitions = partitions;
  }

  public static MilestoneMemory open(
      CampaignConfig config, TopicCatalogue topics, Duration timeout) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<String, MilestoneEvent> consumer =
        new KafkaConsumer<>(
            props,
            topics.milestones().keySerde().deserializer(),
            topics.milestones().valueSerde().deserializer());
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topics.milestones().name(), timeout).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException(
            "topic " + topics.milestones().name() + " does not exist; run campaign topics first");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return new MilestoneMemory(consumer, partitions);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /**
   * Reads up to the end of the topic as it is now and returns the latest revision of every
   * milestone whose id starts with {@code idPrefix}.
   *
   * @throws TimeoutException when the end is not reached in time (the broker is away)
   */
  public Map<String, MilestoneEvent> catchUp(String idPrefix, Duration timeout)
      throws TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
    while (!caughtUp(ends)) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException(
            "campaign.milestones could not be read to its end within " + timeout);
      }
      for (ConsumerRecord<String, MilestoneEvent> record : consumer.poll(Duration.ofMillis(200))) {
        remember(record.value());
      }
    }
    Map<String, MilestoneEvent> mine = new TreeMap<>();
    latest.forEach(
        (id, milestone) -> {
          if (id.startsWith(idPrefix)) {
            mine.put(id, milestone);
          }
        });
    return mine;
  }

  /** What was just written, so that the next import sees it even before it is read back. */
  public void remember(MilestoneEvent milestone) {
    if (milestone == null || !milestone.getMilestoneId().startsWith(IMPORTED_PREFIX)) {
      return;
    }
    latest.merge(
        milestone.getMilestoneId(),
        milestone,
        (known, next) -> next.getRevision() > known.getRevision() ? next : known);
  }

  private boolean caughtUp(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
