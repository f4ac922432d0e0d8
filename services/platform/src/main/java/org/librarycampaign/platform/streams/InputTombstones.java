package org.librarycampaign.platform.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a tombstone (a record with a null value) on an input topic ({@code campaign.posts}, {@code
 * campaign.milestones}, {@code campaign.incidents}) means: nothing to decide, a counted skip. Every
 * processor that reads those topics asks here first, so the meaning is the same everywhere
 * (docs/ARCHITECTURE.md, "Dead letters"): the counter {@code
 * campaign_input_tombstones_total{topic,service}} and a debug log, no dead letter.
 */
public final class InputTombstones {

  /** Prometheus shows it as {@code campaign_input_tombstones_total}. */
  public static final String METRIC = "campaign.input.tombstones";

  public static final String TAG_TOPIC = "topic";
  public static final String TAG_SERVICE = "service";

  private static final Logger LOGGER = LoggerFactory.getLogger(InputTombstones.class);

  private final MeterRegistry registry;
  private final String service;

  public InputTombstones(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
  }

  /** On the process's registry, which {@code /metrics} serves. */
  public static InputTombstones of(String service) {
    return new InputTombstones(Metrics.globalRegistry, service);
  }

  /**
   * True, counted and logged, when the record is a tombstone: the caller skips it.
   *
   * @param context gives the topic the record was read from
   */
  public boolean skipped(ProcessorContext<?, ?> context, Record<?, ?> record) {
    if (record.value() != null) {
      return false;
    }
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
    count(topic, record.key());
    return true;
  }

  /** As {@link #skipped(ProcessorContext, Record)}, for a stream whose input topic is known. */
  public boolean skipped(String topic, Object key, Object value) {
    if (value != null) {
      return false;
    }
    count(topic, key);
    return true;
  }

  private void count(String topic, Object key) {
    Counter.builder(METRIC)
        .description("tombstones (null values) on an input topic, skipped")
        .tag(TAG_TOPIC, topic)
        .tag(TAG_SERVICE, service)
        .register(registry)
        .increment();
    LOGGER
        .atDebug()
        .addKeyValue("topic", topic)
        .addKeyValue("service", service)
        .addKeyValue("key", key)
        .log("Tombstone on an input topic skipped");
  }
}
