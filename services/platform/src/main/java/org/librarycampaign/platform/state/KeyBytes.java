package org.librarycampaign.platform.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The building blocks of store keys whose unsigned byte order (RocksDB's, and so a range scan's) is
 * the order the indexes need.
 *
 * <ul>
 *   <li>An instant or a day number: 8 bytes big-endian with the sign bit flipped, so that byte
 *       order is numeric order, also before 1970.
 *   <li>A text that other parts follow (a branch, a scope): a 4-byte length, then UTF-8. Two texts
 *       never make one the prefix of the other, so a prefix scan finds exactly one text's keys.
 *   <li>A text that ends the key (a post or milestone id): UTF-8, no length.
 * </ul>
 */
public final class KeyBytes {

  private KeyBytes() {}

  public static Builder key() {
    return new Builder();
  }

  /** Appends parts of a key. */
  public static final class Builder {
    private byte[] bytes = new byte[32];
    private int length;

    public Builder text(String text) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      ensure(4 + utf8.length);
      ByteBuffer.wrap(bytes, length, 4).putInt(utf8.length);
      length += 4;
      return append(utf8);
    }

    public Builder number(long value) {
      ensure(8);
      ByteBuffer.wrap(bytes, length, 8).putLong(value ^ Long.MIN_VALUE);
      length += 8;
      return this;
    }

    public Builder millis(long epochMillis) {
      return number(epochMillis);
    }

    public Builder tail(String text) {
      return append(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] build() {
      return Arrays.copyOf(bytes, length);
    }

    private Builder append(byte[] part) {
      ensure(part.length);
      System.arraycopy(part, 0, bytes, length, part.length);
      length += part.length;
      return this;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  /** Reads the parts of a key in the order they were written. */
  public static final class Reader {
    private final byte[] bytes;
    private int position;

    public Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    public String text() {
      int size = ByteBuffer.wrap(bytes, position, 4).getInt();
      position += 4;
      String text = new String(bytes, position, size, StandardCharsets.UTF_8);
      position += size;
      return text;
    }

    public long number() {
      long value = ByteBuffer.wrap(bytes, position, 8).getLong() ^ Long.MIN_VALUE;
      position += 8;
      return value;
    }

    public long millis() {
      return number();
    }

    public String tail() {
      String text = new String(bytes, position, bytes.length - position, StandardCharsets.UTF_8);
      position = bytes.length;
      return text;
    }
  }

  /** The least key greater than every key starting with {@code prefix}; null when none is. */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }
}
