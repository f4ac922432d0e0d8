package org.librarycampaign.platform.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.librarycampaign.platform.serde.AbsentWhenUnreadable;

/** One topic: its name and the serdes of its keys and values. Immutable. */
public record Topic<K, V>(CampaignTopic id, String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /**
   * The serde for a state store or global table holding this topic's values: writes like {@link
   * #valueSerde()}, but reads a value that cannot be decoded as absent (see {@link
   * AbsentWhenUnreadable}: a global table restores raw bytes, bypassing the dead-letter handler).
   */
  public Serde<V> storedValueSerde() {
    return Serdes.serdeFrom(
        valueSerde.serializer(), new AbsentWhenUnreadable<>(valueSerde.deserializer(), name));
  }

  /** How a topology reads it, with a named source node. */
  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde).withName("read-" + id.baseName());
  }

  /** How a topology writes it, with a named sink node. */
  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde).withName("write-" + id.baseName());
  }
}
