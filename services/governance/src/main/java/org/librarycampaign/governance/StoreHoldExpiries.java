package org.librarycampaign.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.governance.decision.HoldExpiries;
import org.librarycampaign.platform.state.TimeOrderedKey;

/**
 * The schedule of stale holds in the task's store {@value GovernanceTopology#HOLD_EXPIRIES_STORE}:
 * key (scheduled time, post id), value the post id. The key's bytes sort by time, so what is due is
 * read from the front of the store and the scan stops at the first entry still ahead; the store has
 * a changelog, so a restarted or moved task keeps its schedule, and each task holds only the held
 * posts of its own branches.
 *
 * <p>Every event asks what is due before it is decided, and nearly always nothing is: the schedule
 * keeps in memory a time no entry is earlier than, and opens no store iterator while the clock is
 * before it (docs/PERFORMANCE.md#profiling). The bound starts unknown, so the first question scans;
 * after a scan it is the first entry still ahead (or none), and an added entry can only lower it. A
 * removed entry leaves it as it is: the bound may then be early, which costs one scan, never a
 * miss.
 */
final class StoreHoldExpiries implements HoldExpiries {

  private final KeyValueStore<TimeOrderedKey, String> store;

  /** No entry of the store is before this; {@link Instant#MIN} when not known. */
  private Instant earliest = Instant.MIN;

  StoreHoldExpiries(KeyValueStore<TimeOrderedKey, String> store) {
    this.store = store;
  }

  @Override
  public void add(Due due) {
    store.put(key(due), due.postId());
    if (due.at().isBefore(earliest)) {
      earliest = due.at();
    }
  }

  @Override
  public void remove(Due due) {
    store.delete(key(due));
  }

  @Override
  public List<Due> dueBy(Instant now) {
    if (now.isBefore(earliest)) {
      return List.of();
    }
    List<Due> due = new ArrayList<>();
    Instant ahead = Instant.MAX;
    try (KeyValueIterator<TimeOrderedKey, String> scan = store.all()) {
      while (scan.hasNext()) {
        KeyValue<TimeOrderedKey, String> entry = scan.next();
        if (entry.key.at().isAfter(now)) {
          ahead = entry.key.at();
          break;
        }
        due.add(new Due(entry.key.at(), entry.key.id()));
      }
    }
    // what is due now stays in the store until it is removed, so the bound is the earliest of them
    earliest = due.isEmpty() ? ahead : due.get(0).at();
    return due;
  }

  private static TimeOrderedKey key(Due due) {
    return new TimeOrderedKey(due.at(), due.postId());
  }
}
