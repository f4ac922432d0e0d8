package org.librarycampaign.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Reads an output topic as a downstream reader would (read_committed: a transaction's records only
 * once it commits) from its end at construction, counting records and distinct keys, and calling a
 * listener with each new key and the time it was read.
 */
final class OutputCounter implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread reader;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong distinctKeys = new AtomicLong();
  private final Set<String> keys = new HashSet<>();
  private final BiConsumer<String, Long> onNewKey;
  private volatile RuntimeException failure;

  OutputCounter(CampaignConfig config, String topic, BiConsumer<String, Long> onNewKey) {
    this.onNewKey = onNewKey;
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    reader = new Thread(this::read, "bench-output-" + topic);
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          records.incrementAndGet();
          if (keys.add(record.key())) {
            distinctKeys.incrementAndGet();
            onNewKey.accept(record.key(), now);
          }
        }
      }
    } catch (RuntimeException e) {
      if (running.get()) {
        failure = e;
      }
    } finally {
      consumer.close();
    }
  }

  long records() {
    return records.get();
  }

  long distinctKeys() {
    return distinctKeys.get();
  }

  /** Waits until the counter reaches the target; the nanoTime when it did. */
  long await(java.util.function.LongSupplier count, long target, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count.getAsLong() < target) {
      if (failure != null) {
        throw failure;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "output stopped at " + count.getAsLong() + " of " + target + " after " + timeout);
      }
      Thread.sleep(2);
    }
    return System.nanoTime();
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
