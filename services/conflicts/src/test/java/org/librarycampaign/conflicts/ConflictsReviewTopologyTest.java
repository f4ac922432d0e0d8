package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.Events.BUDGET;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.budgetHearing;
import static org.librarycampaign.conflicts.Events.campaignPost;
import static org.librarycampaign.conflicts.Events.cleared;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.countyFair;
import static org.librarycampaign.conflicts.Events.detected;
import static org.librarycampaign.conflicts.Events.gap;
import static org.librarycampaign.conflicts.Events.reviewed;
import static org.librarycampaign.conflicts.Events.withdrawn;

import java.nio.file.Path;
import java.time.Instant;
import library.campaign.events.ClearCause;
import library.campaign.events.ReviewAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer's RESCHEDULE and REJECT (services/conflicts/README.md#rules) through the production
 * topology, exact records: a RESCHEDULE of revision r is the post's revision r+1 at the new time
 * (what governance makes of it), a REJECT takes the post off the calendar as a withdrawal does, its
 * conflicts cleared with POST_REJECTED.
 */
class ConflictsReviewTopologyTest {

  private static final String FAIR_MESSAGE =
      " (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer): moves it after the County Fair, Sat 5 Dec, 20:00 UTC";
  private static final Instant FAIR_FROM = at("2026-12-05T08:00:00Z");
  private static final Instant FAIR_UNTIL = at("2026-12-05T20:00:00Z");
  private static final Instant NOON = at("2026-12-05T12:00:00Z");
  private static final Instant FRIDAY = at("2026-12-04T12:00:00Z");
  private static final Instant HEARING = at("2026-12-08T18:00:00Z");
  private static final String HEARING_GAP =
      "No budget-2027 campaign post from eastside in the 72 h before the Budget Hearing"
          + " (Tue 8 Dec, 18:00 UTC): schedule one after Sat 5 Dec, 18:00 UTC";

  private static final Instant T1 = at("2026-11-28T09:00:00Z");
  private static final Instant T2 = at("2026-11-28T10:00:00Z");
  private static final Instant T3 = at("2026-11-28T11:00:00Z");
  private static final Instant T4 = at("2026-11-28T12:00:00Z");

  @TempDir Path stateDir;
  private ConflictsDriver conflicts;

  @BeforeEach
  void start() {
    conflicts = new ConflictsDriver(stateDir);
  }

  @AfterEach
  void stop() {
    conflicts.close();
  }

  @Test
  void aRescheduleOutOfTheWindowClearsTheConflictAndIsRevisionTwo() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.output();

    conflicts.post(
        "eastside", reviewed("p1", 1, "eastside", ReviewAction.RESCHEDULE, FAIR_UNTIL), T2);
    // governance made the reschedule revision 2: the branch's own revision 2 is stale, its 3 counts
    conflicts.post("eastside", contentPost("p1", 2, "eastside", NOON), T3);
    conflicts.post("eastside", contentPost("p1", 3, "eastside", NOON), T4);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.POST_MOVED,
                "No longer clashes with the County Fair: the post moved to Sat 5 Dec, 20:00 UTC",
                T2),
            detected(
                "p1",
                "fair",
                "eastside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aRescheduleIntoTheWindowIsDetectedAndReviewsOfOtherRevisionsOrApprovalsChangeNothing() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", FRIDAY), T1);
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.APPROVE, null), T1);
    assertThat(conflicts.outputEmpty()).isTrue();

    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.RESCHEDULE, NOON), T2);
    // revision 1 is no longer the latest (the reschedule is 2): its reviews are stale
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.RESCHEDULE, FRIDAY), T3);
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.REJECT, null), T3);
    // a review of a post the calendar never saw
    conflicts.post("eastside", reviewed("p9", 1, "eastside", ReviewAction.REJECT, null), T3);

    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p1",
                "fair",
                "eastside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aRejectClearsTheConflictsAndARescheduleOfTheRejectedRevisionBringsItBack() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.output();

    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.REJECT, null), T2);
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.REJECT, null), T3);
    Instant onePm = at("2026-12-05T13:00:00Z");
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.RESCHEDULE, onePm), T4);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.POST_REJECTED,
                "No longer clashes with the County Fair: the post was rejected in review",
                T2),
            detected(
                "p1",
                "fair",
                "eastside",
                onePm,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aWithdrawnPostIsNeitherRescheduledNorRejected() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", FRIDAY), T1);
    conflicts.post("eastside", withdrawn("p1", "eastside"), T2);

    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.RESCHEDULE, NOON), T3);
    conflicts.post("eastside", reviewed("p1", 1, "eastside", ReviewAction.REJECT, null), T3);

    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aRejectedCampaignPostReopensTheAmplifyGapAndItsRescheduleClosesItAgain() {
    conflicts.post("eastside", contentPost("c0", 1, "eastside", NOON), T1);
    conflicts.milestone(budgetHearing(1, "eastside", HEARING).build(), T1);
    conflicts.post("eastside", campaignPost("c1", 1, "eastside", at("2026-12-05T18:00:00Z")), T2);
    conflicts.output();

    conflicts.post("eastside", reviewed("c1", 1, "eastside", ReviewAction.REJECT, null), T3);
    conflicts.post(
        "eastside",
        reviewed("c1", 1, "eastside", ReviewAction.RESCHEDULE, at("2026-12-06T18:00:00Z")),
        T4);
    // moved past the hearing's start: no longer in its lead time
    conflicts.post("eastside", reviewed("c1", 2, "eastside", ReviewAction.RESCHEDULE, HEARING), T4);

    assertThat(conflicts.output())
        .containsExactly(
            gap("hearing", "eastside", BUDGET, "Budget Hearing", HEARING, true, HEARING_GAP, T3),
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                false,
                "Post c1 (Sun 6 Dec, 18:00 UTC) amplifies the Budget Hearing",
                T4),
            gap("hearing", "eastside", BUDGET, "Budget Hearing", HEARING, true, HEARING_GAP, T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }
}
