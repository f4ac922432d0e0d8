package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.countyFair;
import static org.librarycampaign.conflicts.Events.detected;
import static org.librarycampaign.conflicts.Events.withdrawn;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention (README: "Retention"): posts scheduled and milestones ended more than the horizon
 * before the newest input record are forgotten with their index entries; a later event about them
 * finds nothing.
 */
class ConflictsRetentionTest {

  private static final Map<String, String> TEN_DAYS =
      Map.of("campaign.retention.horizon", "P10D", "campaign.retention.check-interval", "1h");
  private static final String FAIR_MESSAGE =
      " (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer): moves it after the County Fair, Sat 5 Dec, 20:00 UTC";
  private static final Instant FAIR_FROM = at("2026-12-05T08:00:00Z");
  private static final Instant FAIR_UNTIL = at("2026-12-05T20:00:00Z");
  private static final Instant NOON = at("2026-12-05T12:00:00Z");

  @TempDir Path stateDir;
  private ConflictsDriver conflicts;

  @BeforeEach
  void start() {
    conflicts = new ConflictsDriver(stateDir, TEN_DAYS);
  }

  @AfterEach
  void stop() {
    conflicts.close();
  }

  @Test
  void postsAndMilestonesPastTheHorizonAreForgottenAndLaterEventsFindNothing() {
    conflicts.milestone(countyFair(1, "eastside").build(), at("2026-11-28T09:00:00Z"));
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), at("2026-11-28T10:00:00Z"));
    assertThat(conflicts.output()).hasSize(1);

    // p1 is forgotten ten days after its time (Dec 15, 12:00), the fair ten days after its
    // window (Dec 15, 20:00): both still remembered just before
    Instant withinHorizon = at("2026-12-15T10:00:00Z");
    conflicts.post("eastside", contentPost("p2", 1, "eastside", NOON), withinHorizon);
    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p2",
                "fair",
                "eastside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                withinHorizon));
    assertThat(entries(ConflictStores.POSTS)).isEqualTo(2);

    // a record past the horizon of both: the fair, p1 and p2 are forgotten
    Instant later = at("2026-12-16T00:00:00Z");
    conflicts.post("eastside", contentPost("p3", 1, "eastside", at("2027-01-05T12:00:00Z")), later);
    assertThat(conflicts.output()).isEmpty();
    assertThat(storeSizes())
        .containsExactlyEntriesOf(sizes(1, 1, 0, 0, 0, 0, 1)); // p3 alone; the branch is kept

    conflicts.post("eastside", withdrawn("p1", "eastside"), later.plusSeconds(60));
    conflicts.post("eastside", contentPost("p4", 1, "eastside", NOON), later.plusSeconds(120));
    assertThat(conflicts.output())
        .as("no conflict cleared for the forgotten p1, none found for p4 in the forgotten fair")
        .isEmpty();
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  private long entries(String store) {
    KeyValueStore<Bytes, byte[]> kv = conflicts.driver().getKeyValueStore(store);
    long count = 0;
    try (KeyValueIterator<Bytes, byte[]> all = kv.all()) {
      while (all.hasNext()) {
        all.next();
        count++;
      }
    }
    return count;
  }

  private Map<String, Long> storeSizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    ConflictStores.NAMES.forEach(name -> sizes.put(name, entries(name)));
    return sizes;
  }

  /** Sizes in the order of {@link ConflictStores#NAMES}. */
  private static Map<String, Long> sizes(long... counts) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      sizes.put(ConflictStores.NAMES.get(i), counts[i]);
    }
    return sizes;
  }
}
