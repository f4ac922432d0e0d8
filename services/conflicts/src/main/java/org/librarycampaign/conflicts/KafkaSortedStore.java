package org.librarycampaign.conflicts;

import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.conflicts.calendar.SortedStore;

/** A Kafka Streams byte store as the calendar's sorted store (RocksDB orders keys bytewise). */
final class KafkaSortedStore implements SortedStore {

  private final KeyValueStore<Bytes, byte[]> store;

  KafkaSortedStore(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  @Override
  public byte[] get(byte[] key) {
    return store.get(Bytes.wrap(key));
  }

  @Override
  public void put(byte[] key, byte[] value) {
    store.put(Bytes.wrap(key), value);
  }

  @Override
  public void delete(byte[] key) {
    store.delete(Bytes.wrap(key));
  }

  @Override
  public void scan(byte[] from, byte[] to, EntryVisitor visitor) {
    // range() includes its upper bound; the calendar's bounds are exclusive
    try (KeyValueIterator<Bytes, byte[]> entries =
        store.range(Bytes.wrap(from), to == null ? null : Bytes.wrap(to))) {
      while (entries.hasNext()) {
        KeyValue<Bytes, byte[]> entry = entries.next();
        byte[] key = entry.key.get();
        if (to != null && Arrays.equals(key, to)) {
          return;
        }
        if (!visitor.visit(key, entry.value)) {
          return;
        }
      }
    }
  }
}
