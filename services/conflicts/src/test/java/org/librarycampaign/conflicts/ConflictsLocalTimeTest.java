package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.Events.BUDGET;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.budgetHearing;
import static org.librarycampaign.conflicts.Events.cleared;
import static org.librarycampaign.conflicts.Events.communityEvent;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.detected;
import static org.librarycampaign.conflicts.Events.gap;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictDetected;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Platform;
import library.campaign.events.PostingWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages and suggested slots in the zone of the channel or the branch, through the production
 * topology, exact records (README: local time). The case: a festival in Chicago from 10 am
 * to 6 pm used to read "moves it after the Riverfront Festival, Sun 2 am".
 */
class ConflictsLocalTimeTest {

  /** Sat 5 Dec 2026, 10:00 to 18:00 in Chicago (CST, UTC-6); 2 h buffer by default. */
  private static final Instant FESTIVAL_START = at("2026-12-05T16:00:00Z");

  private static final Instant FESTIVAL_END = at("2026-12-06T00:00:00Z");
  private static final Instant AVOID_FROM = at("2026-12-05T14:00:00Z");
  private static final Instant AVOID_UNTIL = at("2026-12-06T02:00:00Z");

  /** Noon in Chicago. */
  private static final Instant CHICAGO_NOON = at("2026-12-05T18:00:00Z");

  private static final Instant T1 = at("2026-11-28T09:00:00Z");
  private static final Instant T2 = at("2026-11-28T10:00:00Z");
  private static final Instant T3 = at("2026-11-28T11:00:00Z");

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

  private static MilestoneEvent festival() {
    return communityEvent(
            "riverfront", 1, "eastside", "Riverfront Festival", FESTIVAL_START, FESTIVAL_END)
        .build();
  }

  private static BranchSettings branch(String branchId, String zone) {
    return BranchSettings.newBuilder()
        .setBranchId(branchId)
        .setZone(zone)
        .setReportContacts(List.of())
        .build();
  }

  @Test
  void withoutSettingsTheMessageIsInUtcAndTheSlotInTheUtcPostingWindow() {
    conflicts.milestone(festival(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", CHICAGO_NOON), T2);

    // free at 02:00 UTC, outside 08:00-21:00 UTC: Sun 8 am, where it used to say Sun 2 am
    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p1",
                "riverfront",
                "eastside",
                CHICAGO_NOON,
                "Riverfront Festival",
                AVOID_FROM,
                AVOID_UNTIL,
                at("2026-12-06T08:00:00Z"),
                "Scheduled during the Riverfront Festival (Sat 5 Dec, 16:00 to Sun 6 Dec, 00:00 UTC,"
                    + " 2 h buffer): moves it after the Riverfront Festival, Sun 6 Dec, 08:00 UTC",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void theBranchZoneShowsTheFestivalAsPeopleInChicagoKnowIt() {
    conflicts.branchSettings(branch("eastside", "America/Chicago"), T1);
    conflicts.milestone(festival(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", CHICAGO_NOON), T2);
    // moved to 5 am Chicago time: out of the window, the conflict clears
    conflicts.post("eastside", contentPost("p1", 2, "eastside", at("2026-12-05T11:00:00Z")), T3);

    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p1",
                "riverfront",
                "eastside",
                CHICAGO_NOON,
                "Riverfront Festival",
                AVOID_FROM,
                AVOID_UNTIL,
                AVOID_UNTIL,
                "Scheduled during the Riverfront Festival (Sat 5 Dec, 10:00 to 18:00 CST, 2 h buffer):"
                    + " moves it after the Riverfront Festival, Sat 5 Dec, 20:00 CST",
                T2),
            cleared(
                "p1",
                "riverfront",
                "eastside",
                ClearCause.POST_MOVED,
                "No longer clashes with the Riverfront Festival: the post moved to Sat 5 Dec,"
                    + " 05:00 CST",
                T3));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void everyBranchSettingsApplyToABranchWithoutItsOwn() {
    conflicts.branchSettings(branch("*", "America/Chicago"), T1);
    conflicts.milestone(festival(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", CHICAGO_NOON), T2);

    assertThat(conflicts.output())
        .extracting(record -> ((ConflictDetected) record.value.getEvent()).getMessage())
        .singleElement()
        .asString()
        .contains("(Sat 5 Dec, 10:00 to 18:00 CST, 2 h buffer)", "Sat 5 Dec, 20:00 CST");
  }

  @Test
  void theChannelsZoneAndPostingWindowComeBeforeTheBranches() {
    conflicts.branchSettings(branch("eastside", "America/Chicago"), T1);
    conflicts.policy(
        ChannelPolicy.newBuilder()
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setZone("Pacific/Pago_Pago")
            .setPostingWindow(new PostingWindow("09:00", "14:00"))
            .build(),
        T1);
    conflicts.milestone(festival(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", CHICAGO_NOON), T2);

    // Pago Pago is UTC-11: the festival is 05:00-13:00 there, free at 15:00, after the channel's
    // 09:00-14:00 window: Sunday 09:00 SST, 20:00 UTC
    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p1",
                "riverfront",
                "eastside",
                CHICAGO_NOON,
                "Riverfront Festival",
                AVOID_FROM,
                AVOID_UNTIL,
                at("2026-12-06T20:00:00Z"),
                "Scheduled during the Riverfront Festival (Sat 5 Dec, 05:00 to 13:00 SST, 2 h buffer):"
                    + " moves it after the Riverfront Festival, Sun 6 Dec, 09:00 SST",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void aMilestoneOverTheAutumnChangeNamesBothAbbreviationsAndTheSlotKeepsToLocalHours() {
    conflicts.branchSettings(branch("eastside", "America/Chicago"), T1);
    // Sat 31 Oct 23:00 CDT to Sun 1 Nov 03:00 CST; clocks go back at 02:00 CDT
    conflicts.milestone(
        communityEvent(
                "market",
                1,
                "eastside",
                "Night Market",
                at("2026-11-01T04:00:00Z"),
                at("2026-11-01T09:00:00Z"))
            .setBufferMinutes(0)
            .build(),
        T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", at("2026-11-01T06:00:00Z")), T2);

    // free at 03:00 CST, before 08:00: 8 am CST is 14:00 UTC
    assertThat(conflicts.output())
        .containsExactly(
            detected(
                "p1",
                "market",
                "eastside",
                at("2026-11-01T06:00:00Z"),
                "Night Market",
                at("2026-11-01T04:00:00Z"),
                at("2026-11-01T09:00:00Z"),
                at("2026-11-01T14:00:00Z"),
                "Scheduled during the Night Market (Sat 31 Oct, 23:00 CDT to Sun 1 Nov, 03:00 CST,"
                    + " no buffer): moves it after the Night Market, Sun 1 Nov, 08:00 CST",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void anAmplifyGapIsWrittenInTheBranchZone() {
    conflicts.branchSettings(branch("eastside", "Pacific/Kiritimati"), T1);
    conflicts.post("eastside", contentPost("c0", 1, "eastside", CHICAGO_NOON), T1);
    Instant hearing = at("2026-12-08T18:00:00Z");

    conflicts.milestone(budgetHearing(1, "eastside", hearing).build(), T2);

    // Kiritimati is UTC+14: the hearing is on Wednesday morning there
    assertThat(conflicts.output())
        .containsExactly(
            gap(
                "hearing",
                "eastside",
                BUDGET,
                "Budget Hearing",
                hearing,
                true,
                "No budget-2027 campaign post from eastside in the 72 h before the Budget Hearing"
                    + " (Wed 9 Dec, 08:00 LINT): schedule one after Sun 6 Dec, 08:00 LINT",
                T2));
    assertThat(conflicts.outputEmpty()).isTrue();
  }

  @Test
  void settingsKeepTheirConfiguredFallbackWhenNoneNamesAZone() {
    conflicts.close();
    conflicts =
        new ConflictsDriver(
            stateDir.resolve("configured"), Map.of(ConflictsSettings.ZONE, "America/Chicago"));
    conflicts.branchSettings(branch("eastside", null), T1);
    conflicts.milestone(festival(), T1);

    conflicts.post("eastside", contentPost("p1", 1, "eastside", CHICAGO_NOON), T2);

    assertThat(conflicts.output())
        .extracting(record -> ((ConflictDetected) record.value.getEvent()).getMessage())
        .singleElement()
        .asString()
        .contains("(Sat 5 Dec, 10:00 to 18:00 CST, 2 h buffer)", "Sat 5 Dec, 20:00 CST");
  }
}
