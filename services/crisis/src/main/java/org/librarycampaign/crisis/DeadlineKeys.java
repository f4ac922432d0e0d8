package org.librarycampaign.crisis;

import java.time.Instant;

/**
 * Keys of the deadline store: the due time in epoch milliseconds, zero-padded so that the store's
 * byte order is time order, then the incident id. A scan from the start stops at the first deadline
 * still ahead, so checking costs the deadlines due plus one.
 */
final class DeadlineKeys {

  private static final int DIGITS = 19;

  private DeadlineKeys() {}

  static String key(Instant due, String incidentId) {
    return String.format("%0" + DIGITS + "d/%s", Math.max(0, due.toEpochMilli()), incidentId);
  }

  static Instant dueAt(String key) {
    return Instant.ofEpochMilli(Long.parseLong(key.substring(0, DIGITS)));
  }
}
