package org.librarycampaign.dashboard.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.dashboard.DashboardMetrics;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.dashboard.facts.Change;
import org.librarycampaign.dashboard.facts.Fold;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.streams.InputTombstones;

/**
 * Reads a record's bytes, applies a {@link Fold} and writes the changes to its store: the thin
 * Kafka side of a fact store. A record that cannot be read or folded goes to {@link
 * UnreadableRecords} and leaves the store as it was. A tombstone on an input topic is a counted
 * skip ({@link InputTombstones}).
 */
final class FoldProcessor<V, F> implements Processor<String, byte[], Void, Void> {

  private final String storeName;
  private final Deserializer<V> values;
  private final Fold<V, F> fold;
  private final UnreadableRecords unreadable;
  private final InputTombstones tombstones;
  private final Counter folded;
  private final Counter skipped;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, F> store;

  FoldProcessor(
      String storeName,
      Deserializer<V> values,
      Fold<V, F> fold,
      UnreadableRecords unreadable,
      boolean inputTopic) {
    this.storeName = storeName;
    this.tombstones = inputTopic ? InputTombstones.of(DashboardService.NAME) : null;
    this.values = values;
    this.fold = fold;
    this.unreadable = unreadable;
    this.folded =
        Metrics.counter(DashboardMetrics.RECORDS_FOLDED, DashboardMetrics.TAG_STORE, storeName);
    this.skipped =
        Metrics.counter(DashboardMetrics.RECORDS_UNREADABLE, DashboardMetrics.TAG_STORE, storeName);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (tombstones != null && tombstones.skipped(context, record)) {
      return;
    }
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    V value;
    try {
      value =
          record.value() == null
              ? null
              : values.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      skip(record, DeadLetterStage.DESERIALIZATION, e);
      return;
    }
    List<Change<F>> changes;
    try {
      changes = fold.apply(record.key(), value, store::get);
    } catch (RuntimeException e) {
      skip(record, DeadLetterStage.PROCESSING, e);
      return;
    }
    for (Change<F> change : changes) {
      if (change.isDelete()) {
        store.delete(change.key());
      } else {
        store.put(change.key(), change.fact());
      }
    }
    folded.increment();
  }

  private void skip(Record<String, byte[]> record, DeadLetterStage stage, RuntimeException error) {
    skipped.increment();
    RecordMetadata where = context.recordMetadata().orElse(null);
    unreadable.failed(
        new DeadLetters.Failure(
            where == null ? null : where.topic(),
            where == null ? -1 : where.partition(),
            where == null ? -1 : where.offset(),
            stage,
            error,
            record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
            record.value()),
        Instant.ofEpochMilli(context.currentSystemTimeMs()));
  }
}
