package org.librarycampaign.dashboard.store;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.dashboard.facts.FactJson;

/** A stored fact as JSON bytes ({@link FactJson}). */
final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;

  JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : FactJson.writeBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return FactJson.read(bytes, type);
      } catch (RuntimeException e) {
        throw new SerializationException("cannot read a stored " + type.getSimpleName(), e);
      }
    };
  }
}
