package org.librarycampaign.platform.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key of a store that is scanned in time order (deadlines, retries, a schedule): the time in
 * epoch milliseconds, 8 bytes big-endian with the sign bit flipped, then the id in UTF-8. The
 * store's byte order is then (time, id) order, so a scan from the start stops at the first key
 * still ahead, and a range scan between two times finds exactly the keys between them.
 *
 * @param at to the millisecond, like every event time
 * @param id what is due; ties at one time are in the order of their ids' code points
 */
public record TimeOrderedKey(Instant at, String id) implements Comparable<TimeOrderedKey> {

  private static final Comparator<TimeOrderedKey> ORDER =
      Comparator.comparing(TimeOrderedKey::at)
          .thenComparing(key -> key.id().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

  private static final Serde<TimeOrderedKey> SERDE =
      Serdes.serdeFrom(
          (Serializer<TimeOrderedKey>) (topic, key) -> key == null ? null : key.toBytes(),
          (Deserializer<TimeOrderedKey>)
              (topic, bytes) -> bytes == null ? null : TimeOrderedKey.fromBytes(bytes));

  public TimeOrderedKey {
    Objects.requireNonNull(id, "id");
    at = Instant.ofEpochMilli(at.toEpochMilli());
  }

  /** The least key at a time: every key at or after {@code at} sorts at or after it. */
  public static TimeOrderedKey first(Instant at) {
    return new TimeOrderedKey(at, "");
  }

  public static Serde<TimeOrderedKey> serde() {
    return SERDE;
  }

  public byte[] toBytes() {
    return KeyBytes.key().millis(at.toEpochMilli()).tail(id).build();
  }

  public static TimeOrderedKey fromBytes(byte[] bytes) {
    if (bytes.length < Long.BYTES) {
      throw new SerializationException("a time-ordered key has " + bytes.length + " bytes");
    }
    KeyBytes.Reader reader = new KeyBytes.Reader(bytes);
    return new TimeOrderedKey(Instant.ofEpochMilli(reader.millis()), reader.tail());
  }

  @Override
  public int compareTo(TimeOrderedKey other) {
    return ORDER.compare(this, other);
  }
}
