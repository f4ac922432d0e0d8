package org.librarycampaign.platform.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro
 * binary encoding of the value.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The schema id of a framed value; rejects anything that is not in the wire format. */
  public static int schemaId(String topic, byte[] framed) {
    if (framed.length < HEADER_LENGTH) {
      throw new SerializationException(
          "Record on "
              + topic
              + " is "
              + framed.length
              + " bytes, too short for the Confluent wire format (magic byte + 4-byte schema id)");
    }
    if (framed[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "Record on "
              + topic
              + " starts with byte "
              + framed[0]
              + ", not the Confluent wire format's magic byte 0");
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }
}
