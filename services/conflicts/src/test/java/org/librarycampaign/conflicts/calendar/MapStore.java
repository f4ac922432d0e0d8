package org.librarycampaign.conflicts.calendar;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A sorted store in memory, in the same unsigned byte order as RocksDB. */
final class MapStore implements SortedStore {

  private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

  @Override
  public byte[] get(byte[] key) {
    return entries.get(key);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    entries.put(key.clone(), value.clone());
  }

  @Override
  public void delete(byte[] key) {
    entries.remove(key);
  }

  @Override
  public void scan(byte[] from, byte[] to, EntryVisitor visitor) {
    NavigableMap<byte[], byte[]> range =
        to == null ? entries.tailMap(from, true) : entries.subMap(from, true, to, false);
    for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
      if (!visitor.visit(entry.getKey(), entry.getValue())) {
        return;
      }
    }
  }

  int size() {
    return entries.size();
  }

  static CalendarState.Stores stores() {
    return new CalendarState.Stores(
        new MapStore(),
        new MapStore(),
        new MapStore(),
        new MapStore(),
        new MapStore(),
        new MapStore(),
        new MapStore());
  }
}
