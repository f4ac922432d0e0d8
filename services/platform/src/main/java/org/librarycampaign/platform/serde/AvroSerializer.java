package org.librarycampaign.platform.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.registry.SchemaRegistryException;

/**
 * Writes a generated Avro record in the Confluent wire format under the subject {@code
 * <topic>-value} (or {@code -key}). With auto-registration on, the schema is registered on first
 * use; with it off (production), it must be registered already and is only looked up. The id is
 * cached per topic, so steady state makes no registry call.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final SchemaRegistry registry;
  private final Schema schema;
  private final boolean autoRegister;
  private final boolean isKey;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, byte[]> headerByTopic = new ConcurrentHashMap<>();

  public AvroSerializer(
      SchemaRegistry registry, Schema schema, boolean autoRegister, boolean isKey) {
    this.registry = registry;
    this.schema = schema;
    this.autoRegister = autoRegister;
    this.isKey = isKey;
    this.writer = new SpecificDatumWriter<>(schema);
  }

  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    byte[] header = headerByTopic.computeIfAbsent(topic, this::header);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(header);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot write a " + schema.getName() + " to " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * Registers (or, with auto-registration off, looks up) the subject of a topic now rather than at
   * the first record, so that a service finds out at start, not mid-stream, whether it can write.
   */
  public void prepare(String topic) {
    headerByTopic.computeIfAbsent(topic, this::header);
  }

  private byte[] header(String topic) {
    String subject = subject(topic, isKey);
    try {
      int id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
      return ConfluentWireFormat.header(id);
    } catch (SchemaRegistryException e) {
      if (e.isUnavailable()) {
        throw new RegistryUnavailableException(
            "Cannot reach the schema registry for subject " + subject + ": " + e.getMessage(), e);
      }
      throw new SerializationException(
          (autoRegister ? "Cannot register " : "Schema not registered for ")
              + "subject "
              + subject
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
