package org.librarycampaign.platform.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** One topic: its name and the serdes of its keys and values. Immutable. */
public record Topic<K, V>(CampaignTopic id, String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
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
