package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The schedule of stale holds (services/governance/README.md, "Stale holds expire"): one entry per
 * HELD post, at its scheduled time, keyed by (time, post id) so that what is due is read from the
 * front without looking at any other post. A Kafka Streams store in production, a sorted set in
 * tests.
 */
public interface HoldExpiries {

  /** One held post's expiry. */
  record Due(Instant at, String postId) {
    public Due {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(postId, "postId");
    }
  }

  void add(Due due);

  /** Forgets the entry; nothing when there is none. */
  void remove(Due due);

  /** The entries at or before {@code now}, earliest first (ties by post id); none removed. */
  List<Due> dueBy(Instant now);

  /** A schedule in memory, for the rules' own tests and properties. */
  static HoldExpiries inMemory() {
    TreeSet<Due> entries = new TreeSet<>(Comparator.comparing(Due::at).thenComparing(Due::postId));
    return new HoldExpiries() {
      @Override
      public void add(Due due) {
        entries.add(due);
      }

      @Override
      public void remove(Due due) {
        entries.remove(due);
      }

      @Override
      public List<Due> dueBy(Instant now) {
        List<Due> due = new ArrayList<>();
        for (Due entry : entries) {
          if (entry.at().isAfter(now)) {
            break;
          }
          due.add(entry);
        }
        return due;
      }
    };
  }
}
