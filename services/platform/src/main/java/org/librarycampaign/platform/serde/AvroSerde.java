package org.librarycampaign.platform.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.platform.registry.SchemaRegistry;

/** Serde for one generated Avro record class, in the Confluent wire format. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  public AvroSerde(SchemaRegistry registry, Class<T> type, boolean autoRegister) {
    Schema schema = EventClasses.schemaOf(type);
    this.serializer = new AvroSerializer<>(registry, schema, autoRegister, false);
    this.deserializer = new AvroDeserializer<>(registry, schema);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
