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
 */
final class StoreHoldExpiries implements HoldExpiries {

  private final KeyValueStore<TimeOrderedKey, String> store;

  StoreHoldExpiries(KeyValueStore<TimeOrderedKey, String> store) {
    this.store = store;
  }

  @Override
  public void add(Due due) {
    store.put(key(due), due.postId());
  }

  @Override
  public void remove(Due due) {
    store.delete(key(due));
  }

  @Override
  public List<Due> dueBy(Instant now) {
    List<Due> due = new ArrayList<>();
    try (KeyValueIterator<TimeOrderedKey, String> scan = store.all()) {
      while (scan.hasNext()) {
        KeyValue<TimeOrderedKey, String> entry = scan.next();
        if (entry.key.at().isAfter(now)) {
          break;
        }
        due.add(new Due(entry.key.at(), entry.key.id()));
      }
    }
    return due;
  }

  private static TimeOrderedKey key(Due due) {
    return new TimeOrderedKey(due.at(), due.postId());
  }
}
