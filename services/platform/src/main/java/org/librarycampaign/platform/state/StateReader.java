package org.librarycampaign.platform.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. Bytes that end early or hold a value
 * out of range are an {@link IllegalArgumentException}, which {@link StateCodec} reports as a
 * serialization error.
 */
public final class StateReader {

  private final byte[] bytes;
  private int position;

  StateReader(byte[] bytes, int offset) {
    this.bytes = bytes;
    this.position = offset;
  }

  public boolean readBoolean() {
    int value = readByte();
    if (value > 1) {
      throw new IllegalArgumentException("not a boolean: " + value + " at byte " + (position - 1));
    }
    return value == 1;
  }

  public int readCount() {
    int value = readUnsigned();
    if (value < 0) {
      throw new IllegalArgumentException("not a count: " + value);
    }
    return value;
  }

  public int readInt() {
    int zigzag = readUnsigned();
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  public long readLong() {
    long zigzag = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      zigzag |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (zigzag >>> 1) ^ -(zigzag & 1);
      }
    }
    throw new IllegalArgumentException("a number longer than 64 bits at byte " + position);
  }

  /** A string, or null. */
  public String readString() {
    int marked = readUnsigned();
    if (marked == 0) {
      return null;
    }
    int length = marked - 1;
    if (length < 0 || length > bytes.length - position) {
      throw new IllegalArgumentException("a string of " + length + " bytes past the end");
    }
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /** An enum constant by name, or null. */
  public <E extends Enum<E>> E readEnum(Class<E> type) {
    String name = readString();
    return name == null ? null : Enum.valueOf(type, name);
  }

  /** An instant, or null. */
  public Instant readInstant() {
    return readBoolean() ? Instant.ofEpochMilli(readLong()) : null;
  }

  /** A date, or null. */
  public LocalDate readDate() {
    return readBoolean() ? LocalDate.ofEpochDay(readLong()) : null;
  }

  int readByte() {
    if (position >= bytes.length) {
      throw new IllegalArgumentException("the value ends early, at byte " + position);
    }
    return bytes[position++] & 0xFF;
  }

  boolean atEnd() {
    return position == bytes.length;
  }

  private int readUnsigned() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("a number longer than 32 bits at byte " + position);
  }
}
