package org.librarycampaign.conflicts.calendar;

/**
 * A key-value store ordered by unsigned byte order of its keys: what the calendar indexes are built
 * on. A Kafka Streams key-value store in production; a sorted map in the unit tests.
 */
public interface SortedStore {

  /** The value, or {@code null}. */
  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /**
   * Visits the entries with {@code from <= key < to} in key order, until the visitor returns false.
   *
   * @param to exclusive upper bound; {@code null} for no bound
   */
  void scan(byte[] from, byte[] to, EntryVisitor visitor);

  /** Receives entries of a scan. */
  @FunctionalInterface
  interface EntryVisitor {
    /** Returns whether to go on. */
    boolean visit(byte[] key, byte[] value);
  }
}
