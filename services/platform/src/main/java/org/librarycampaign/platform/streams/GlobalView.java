package org.librarycampaign.platform.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.platform.serde.AbsentWhenUnreadable;
import org.librarycampaign.platform.topics.Topic;

/**
 * The latest value of every key of a (compacted) topic, in a global store that every task of every
 * instance can read: channel policies, decisions, response plans, governance's hashtag view.
 *
 * <p>Why not {@code globalTable}: a global store is restored by copying the topic's raw bytes,
 * without the dead-letter handler, and {@code globalTable} gives its store the source's strict
 * serde, so one corrupt record on the topic made every read of its key throw. Here the source reads
 * strictly (bad records arriving later go to dead letters) and the store reads with {@link
 * Topic#storedValueSerde()} (a restored bad value reads as absent). A null value deletes the key.
 *
 * <p>The settings topics are the exception: every service with such a view would dead-letter the
 * same bad record again, so their views skip bad values and one owner dead-letters them ({@link
 * SettingsTopics}).
 */
public final class GlobalView {

  private GlobalView() {}

  /**
   * Adds the view as a global store named {@code storeName}, read as a plain key-value store. A
   * settings topic ({@link SettingsTopics}) is read with its rules: a value that cannot be decoded
   * or breaks them is absent from the view, and its one dead letter is ingest's.
   */
  public static <V> void addTo(StreamsBuilder builder, Topic<String, V> topic, String storeName) {
    add(
        builder,
        topic.name(),
        SettingsTopics.isSettings(topic.id())
            ? topic.consumed().withValueSerde(SettingsTopics.validOrAbsent(topic))
            : topic.consumed(),
        topic.keySerde(),
        topic.storedValueSerde(),
        storeName);
  }

  /**
   * The same view of a topic outside the catalogue (a service's own compacted topic), keyed by
   * strings, its values read with {@code valueSerde}; the source node is named {@code sourceName}.
   */
  public static <V> void addTo(
      StreamsBuilder builder,
      String topic,
      Serde<V> valueSerde,
      String sourceName,
      String storeName) {
    add(
        builder,
        topic,
        Consumed.with(Serdes.String(), valueSerde).withName(sourceName),
        Serdes.String(),
        Serdes.serdeFrom(
            valueSerde.serializer(), new AbsentWhenUnreadable<>(valueSerde.deserializer(), topic)),
        storeName);
  }

  private static <V> void add(
      StreamsBuilder builder,
      String topic,
      Consumed<String, V> consumed,
      Serde<String> keySerde,
      Serde<V> storedValueSerde,
      String storeName) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName), keySerde, storedValueSerde)
            .withLoggingDisabled(),
        topic,
        consumed,
        () -> new LatestValue<>(storeName));
  }

  private static final class LatestValue<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    private KeyValueStore<String, V> store;

    LatestValue(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
