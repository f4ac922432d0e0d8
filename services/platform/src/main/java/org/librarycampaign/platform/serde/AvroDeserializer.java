package org.librarycampaign.platform.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.registry.SchemaRegistryException;

/**
 * Reads the Confluent wire format into a generated Avro record: fetches the writer's schema by id
 * (cached) and resolves it against the reader's, so records written with an older or newer
 * compatible schema are read as this version of the class.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final SchemaRegistry registry;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

  public AvroDeserializer(SchemaRegistry registry, Schema readerSchema) {
    EventClasses.trust();
    this.registry = registry;
    this.readerSchema = readerSchema;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = ConfluentWireFormat.schemaId(topic, data);
    SpecificDatumReader<T> reader = readersBySchemaId.computeIfAbsent(id, this::readerFor);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data,
                ConfluentWireFormat.HEADER_LENGTH,
                data.length - ConfluentWireFormat.HEADER_LENGTH,
                null);
    try {
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "Record on " + topic + " has bytes left over after a " + readerSchema.getName());
      }
      return value;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new SerializationException(
          "Record on "
              + topic
              + " with schema id "
              + id
              + " is not a valid "
              + readerSchema.getName()
              + ": "
              + e,
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(int id) {
    try {
      return new SpecificDatumReader<>(registry.schemaById(id), readerSchema);
    } catch (SchemaRegistryException e) {
      if (e.isUnavailable()) {
        throw new RegistryUnavailableException(
            "Cannot reach the schema registry for the writer's schema id "
                + id
                + ": "
                + e.getMessage(),
            e);
      }
      // a healthy registry that does not know the id: the record's own bytes are bad
      throw new SerializationException(
          "Cannot fetch the writer's schema id " + id + ": " + e.getMessage(), e);
    }
  }
}
