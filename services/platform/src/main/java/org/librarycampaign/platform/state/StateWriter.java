package org.librarycampaign.platform.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes the fields of a {@link StateLayout}: variable-length integers (zig-zag for signed ones),
 * strings as UTF-8 with their length, nullable values with a presence mark, instants as epoch
 * milliseconds, dates as epoch days, enums by name (so that a reordered or extended enum still
 * reads).
 */
public final class StateWriter {

  private byte[] bytes;
  private int size;

  StateWriter(int capacity) {
    bytes = new byte[capacity];
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** A count or length: 0 or more. */
  public void writeCount(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + value);
    }
    writeUnsigned(value);
  }

  public void writeInt(int value) {
    writeUnsigned((value << 1) ^ (value >> 31));
  }

  public void writeLong(long value) {
    long zigzag = (value << 1) ^ (value >> 63);
    ensure(10);
    while ((zigzag & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((zigzag & 0x7F) | 0x80);
      zigzag >>>= 7;
    }
    bytes[size++] = (byte) zigzag;
  }

  /** A string, or null. */
  public void writeString(String value) {
    if (value == null) {
      writeUnsigned(0);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeUnsigned(utf8.length + 1);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
  }

  /** An enum constant by name, or null. */
  public void writeEnum(Enum<?> value) {
    writeString(value == null ? null : value.name());
  }

  /** An instant at millisecond precision, or null. */
  public void writeInstant(Instant value) {
    writeBoolean(value != null);
    if (value != null) {
      writeLong(value.toEpochMilli());
    }
  }

  /** A date, or null. */
  public void writeDate(LocalDate value) {
    writeBoolean(value != null);
    if (value != null) {
      writeLong(value.toEpochDay());
    }
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  private void writeUnsigned(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
