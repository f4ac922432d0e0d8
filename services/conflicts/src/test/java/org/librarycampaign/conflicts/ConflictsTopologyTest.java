package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.Events.BUDGET;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.budgetHearing;
import static org.librarycampaign.conflicts.Events.campaignPost;
import static org.librarycampaign.conflicts.Events.cleared;
import static org.librarycampaign.conflicts.Events.communityEvent;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.countyFair;
import static org.librarycampaign.conflicts.Events.detected;
import static org.librarycampaign.conflicts.Events.gap;
import static org.librarycampaign.conflicts.Events.withdrawn;

import java.nio.file.Path;
import java.time.Instant;
import library.campaign.events.ClearCause;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Stance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transition of services/conflicts/README.md#rules through the production topology, exact
 * records.
 */
class ConflictsTopologyTest {

  private static final String FAIR_MESSAGE =
      " (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer): moves it after the County Fair, Sat 5 Dec, 20:00 UTC";
  private static final Instant FAIR_FROM = at("2026-12-05T08:00:00Z");
  private static final Instant FAIR_UNTIL = at("2026-12-05T20:00:00Z");
  private static final Instant NOON = at("2026-12-05T12:00:00Z");
  private static final Instant HEARING = at("2026-12-08T18:00:00Z");
  private static final String HEARING_GAP =
      "in the 72 h before the Budget Hearing (Tue 8 Dec, 18:00 UTC):"
          + " schedule one after Sat 5 Dec, 18:00 UTC";

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
  void aNewPostInsideAnAvoidWindowIsDetected() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T2);

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
  void aMilestoneAndAPostBreakingTheInputRulesGoToDeadLettersAndTheValidOnesFlow() {
    // written straight to Kafka, past ingest's JSON reader
    conflicts.milestone(countyFair(1, "eastside").setMilestoneId("fair*").build(), T1);
    conflicts.post("eastside", contentPost("p1", 0, "eastside", NOON), T2);
    conflicts.post("eastside", contentPost("p2", 1, "eastside", NOON), T3);

    assertThat(conflicts.deadLetterMessages())
        .containsExactly(
            "INVALID: Milestone milestoneId: must match [A-Za-z0-9._:-]{1,128}: ASCII letters,"
                + " digits, '.', '_', ':' and '-' only",
            "INVALID: PostDrafted revision: must be 1 or more (the first version is 1)");

    conflicts.milestone(countyFair(1, "eastside").build(), T4);
    assertThat(conflicts.output())
        .as("only the valid post, against the valid milestone")
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
                T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aNewMilestoneDetectsThePostsOfItsBranchInItsWindow() {
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.post("westside", contentPost("p2", 1, "westside", NOON), T1);
    conflicts.post("eastside", contentPost("p3", 1, "eastside", at("2026-12-06T12:00:00Z")), T1);

    conflicts.milestone(countyFair(1, "eastside").build(), T2);

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
  void theBuffersBoundTheWindowExactlyStartIncludedEndExcluded() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);

    conflicts.post(
        "eastside", contentPost("before", 1, "eastside", at("2026-12-05T07:59:59.999Z")), T2);
    conflicts.post("eastside", contentPost("first", 1, "eastside", FAIR_FROM), T2);
    conflicts.post(
        "eastside", contentPost("last", 1, "eastside", at("2026-12-05T19:59:59.999Z")), T2);
    conflicts.post("eastside", contentPost("after", 1, "eastside", FAIR_UNTIL), T2);

    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "first",
                "fair",
                "eastside",
                FAIR_FROM,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled 2 h before the County Fair" + FAIR_MESSAGE,
                T2),
            detected(
                "last",
                "fair",
                "eastside",
                at("2026-12-05T19:59:59.999Z"),
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled 1 h 59 min after the County Fair" + FAIR_MESSAGE,
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void movingThePostOutClearsTheConflictAndMovingItWithinTheWindowChangesNothing() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.output();

    conflicts.post("eastside", contentPost("p1", 2, "eastside", at("2026-12-05T19:00:00Z")), T2);
    conflicts.post("eastside", contentPost("p1", 3, "eastside", FAIR_UNTIL), T3);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.POST_MOVED,
                "No longer clashes with the County Fair: the post moved to Sat 5 Dec, 20:00 UTC",
                T3));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void movingTheMilestoneClearsThePostsItLeftAndDetectsThePostsItReaches() {
    conflicts.post("eastside", contentPost("sat", 1, "eastside", NOON), T1);
    conflicts.post("eastside", contentPost("sun", 1, "eastside", at("2026-12-06T12:00:00Z")), T1);
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.output();

    conflicts.milestone(
        countyFair(2, "eastside")
            .setStartsAt(at("2026-12-06T10:00:00Z"))
            .setEndsAt(at("2026-12-06T18:00:00Z"))
            .build(),
        T2);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "sat",
                "fair",
                "eastside",
                ClearCause.MILESTONE_MOVED,
                "No longer clashes with the County Fair:"
                    + " it now runs Sun 6 Dec, 10:00 to 18:00 UTC, 2 h buffer",
                T2),
            detected(
                "sun",
                "fair",
                "eastside",
                at("2026-12-06T12:00:00Z"),
                "County Fair",
                at("2026-12-06T08:00:00Z"),
                at("2026-12-06T20:00:00Z"),
                at("2026-12-06T20:00:00Z"),
                "Scheduled during the County Fair (Sun 6 Dec, 10:00 to 18:00 UTC, 2 h buffer):"
                    + " moves it after the County Fair, Sun 6 Dec, 20:00 UTC",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void cancellingTheMilestoneClearsItsConflicts() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.output();

    conflicts.milestone(countyFair(2, "eastside").setCancelled(true).build(), T2);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.MILESTONE_CANCELLED,
                "No longer clashes with the County Fair: it was cancelled",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void withdrawingThePostClearsItsConflictsAndOnlyAHigherRevisionBringsItBack() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);
    conflicts.output();

    conflicts.post("eastside", withdrawn("p1", "eastside"), T2);
    conflicts.post("eastside", withdrawn("p1", "eastside"), T2);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T3);
    conflicts.post("eastside", contentPost("p1", 2, "eastside", NOON), T4);

    assertThat(conflicts.output())
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.POST_WITHDRAWN,
                "No longer clashes with the County Fair: the post was withdrawn",
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
  void staleRevisionsOfPostsAndMilestonesAreIgnored() {
    conflicts.milestone(countyFair(2, "eastside").setCancelled(true).build(), T1);
    conflicts.post("eastside", contentPost("p1", 2, "eastside", at("2026-12-04T12:00:00Z")), T1);

    conflicts.milestone(countyFair(1, "eastside").build(), T2);
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T2);

    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void anEveryBranchMilestoneReachesThePostsOfEveryBranchAndOfBranchesSeenLater() {
    conflicts.post("eastside", contentPost("e1", 1, "eastside", NOON), T1);
    conflicts.post("westside", contentPost("w1", 1, "westside", NOON), T1);
    conflicts.post("northside", contentPost("n1", 1, "northside", at("2026-12-06T12:00:00Z")), T1);

    conflicts.milestone(countyFair(1, "*").build(), T2);
    conflicts.post("southside", contentPost("s1", 1, "southside", NOON), T3);
    conflicts.milestone(countyFair(2, "*").setCancelled(true).build(), T4);

    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "e1",
                "fair",
                "eastside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T2),
            detected(
                "w1",
                "fair",
                "westside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T2),
            detected(
                "s1",
                "fair",
                "southside",
                NOON,
                "County Fair",
                FAIR_FROM,
                FAIR_UNTIL,
                FAIR_UNTIL,
                "Scheduled during the County Fair" + FAIR_MESSAGE,
                T3),
            cleared(
                "e1",
                "fair",
                "eastside",
                ClearCause.MILESTONE_CANCELLED,
                "No longer clashes with the County Fair: it was cancelled",
                T4),
            cleared(
                "s1",
                "fair",
                "southside",
                ClearCause.MILESTONE_CANCELLED,
                "No longer clashes with the County Fair: it was cancelled",
                T4),
            cleared(
                "w1",
                "fair",
                "westside",
                ClearCause.MILESTONE_CANCELLED,
                "No longer clashes with the County Fair: it was cancelled",
                T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void theSuggestionMovesPastEveryWindowThatFollowsWithoutAGap() {
    conflicts.milestone(countyFair(1, "eastside").build(), T1);
    conflicts.milestone(
        communityEvent(
                "concert",
                1,
                "*",
                "Evening Concert",
                at("2026-12-05T20:30:00Z"),
                at("2026-12-05T22:00:00Z"))
            .setBufferMinutes(30)
            .build(),
        T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T2);

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
                // free at 22:30, after the default posting window (08:00-21:00 UTC): Sun 8 am
                at("2026-12-06T08:00:00Z"),
                "Scheduled during the County Fair (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer):"
                    + " moves it after the County Fair and the Evening Concert, Sun 6 Dec, 08:00 UTC",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void onlyAvoidStancesConflict() {
    conflicts.post("eastside", contentPost("p1", 1, "eastside", NOON), T1);

    conflicts.milestone(countyFair(1, "eastside").setStance(Stance.NEUTRAL).build(), T2);
    conflicts.milestone(
        communityEvent("talk", 1, "eastside", "Author Talk", NOON, at("2026-12-05T13:00:00Z"))
            .setKind(MilestoneKind.OTHER)
            .build(),
        T2);

    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void anAmplifyGapOpensClosesOnACampaignPostInTheLeadTimeAndReopensWhenItLeaves() {
    conflicts.post("eastside", contentPost("c0", 1, "eastside", NOON), T1);

    conflicts.milestone(budgetHearing(1, "eastside", HEARING).build(), T1);
    conflicts.post("eastside", campaignPost("c1", 1, "eastside", at("2026-12-05T18:00:00Z")), T2);
    conflicts.post("eastside", campaignPost("c1", 2, "eastside", HEARING), T3);

    assertThat(conflicts.output())
        .containsExactly(
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                true,
                "No budget-2027 campaign post from eastside " + HEARING_GAP,
                T1),
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                false,
                "Post c1 (Sat 5 Dec, 18:00 UTC) amplifies the Budget Hearing",
                T2),
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                true,
                "No budget-2027 campaign post from eastside " + HEARING_GAP,
                T3));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void anEveryBranchAmplifyMilestoneHasAGapPerBranchThatHasSentAPost() {
    conflicts.post("eastside", contentPost("e1", 1, "eastside", NOON), T1);
    conflicts.post("westside", campaignPost("w1", 1, "westside", at("2026-12-07T12:00:00Z")), T1);

    conflicts.milestone(budgetHearing(1, "*", HEARING).build(), T2);
    conflicts.post("northside", contentPost("n1", 1, "northside", NOON), T3);
    conflicts.milestone(budgetHearing(2, "*", HEARING).setCancelled(true).build(), T4);

    assertThat(conflicts.output())
        .containsExactly(
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                true,
                "No budget-2027 campaign post from eastside " + HEARING_GAP,
                T2),
            gap(
                "hearing",
                "northside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                true,
                "No budget-2027 campaign post from northside " + HEARING_GAP,
                T3),
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                false,
                "The Budget Hearing was cancelled",
                T4),
            gap(
                "hearing",
                "northside",
                BUDGET,
                "Budget Hearing",
                HEARING,
                false,
                "The Budget Hearing was cancelled",
                T4));
    assertThat(conflicts.outputEmpty()).isTrue();
  }
}
