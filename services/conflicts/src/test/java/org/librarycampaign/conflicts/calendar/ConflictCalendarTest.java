package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.calendar.Calendars.amplify;
import static org.librarycampaign.conflicts.calendar.Calendars.at;
import static org.librarycampaign.conflicts.calendar.Calendars.avoid;
import static org.librarycampaign.conflicts.calendar.Calendars.campaign;
import static org.librarycampaign.conflicts.calendar.Calendars.cancelled;
import static org.librarycampaign.conflicts.calendar.Calendars.content;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import library.campaign.events.PostingWindow;
import org.junit.jupiter.api.Test;
import org.librarycampaign.conflicts.calendar.CalendarChange.ClearReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapCloseReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;
import org.librarycampaign.platform.time.LocalZones;

class ConflictCalendarTest {

  private final ConflictCalendar calendar = Calendars.calendar();

  private final Milestone fair =
      avoid(
          "fair",
          1,
          "eastside",
          "County Fair",
          at("2026-12-05T10:00:00Z"),
          at("2026-12-05T18:00:00Z"),
          120);

  @Test
  void windowsSpanningSeveralDayPagesHoldEveryInstantInside() {
    Milestone festival =
        avoid(
            "festival",
            1,
            "eastside",
            "Winter Festival",
            at("2026-12-04T22:00:00Z"),
            at("2026-12-07T01:00:00Z"),
            0);
    calendar.milestone(festival);

    for (String time :
        List.of(
            "2026-12-04T22:00:00Z",
            "2026-12-05T00:00:00Z",
            "2026-12-06T12:00:00Z",
            "2026-12-07T00:59:59.999Z")) {
      assertThat(calendar.postDrafted(content("p-" + time, 1, "eastside", at(time))).changes())
          .as(time)
          .singleElement()
          .isInstanceOf(ConflictStarted.class);
    }
    assertThat(
            calendar
                .postDrafted(content("late", 1, "eastside", at("2026-12-07T01:00:00Z")))
                .changes())
        .isEmpty();
    assertThat(
            calendar
                .postDrafted(content("early", 1, "eastside", at("2026-12-04T21:59:59.999Z")))
                .changes())
        .isEmpty();
  }

  @Test
  void theSuggestionJumpsOverOverlappingAndAdjacentWindowsOfTheBranchAndEveryBranch() {
    calendar.milestone(fair); // avoid 08:00-20:00
    calendar.milestone(
        avoid(
            "parade",
            1,
            "*",
            "Parade",
            at("2026-12-05T19:00:00Z"),
            at("2026-12-05T21:00:00Z"),
            60));
    calendar.milestone(
        avoid(
            "concert",
            1,
            "eastside",
            "Concert",
            at("2026-12-05T23:00:00Z"),
            at("2026-12-06T01:00:00Z"),
            0));
    calendar.milestone(
        avoid(
            "elsewhere",
            1,
            "westside",
            "Market",
            at("2026-12-05T22:00:00Z"),
            at("2026-12-06T05:00:00Z"),
            0));

    Suggestion suggestion = calendar.suggestion("eastside", "FACEBOOK", at("2026-12-05T12:00:00Z"));

    // fair until 20:00, parade (18:00-22:00) until 22:00, free at 22:00 (the concert starts
    // 23:00) but after the default posting window (08:00-21:00 UTC): Sunday 8 am
    assertThat(suggestion.suggestedAt()).isEqualTo(at("2026-12-06T08:00:00Z"));
    assertThat(suggestion.movedPast())
        .extracting(Milestone::milestoneId)
        .containsExactly("fair", "parade");
  }

  @Test
  void aSuggestionMovedIntoThePostingWindowIsCheckedAgainstTheWindowsToAvoid() {
    calendar.milestone(fair); // avoid 08:00-20:00
    calendar.milestone(
        avoid(
            "breakfast",
            1,
            "eastside",
            "Pancake Breakfast",
            at("2026-12-06T08:00:00Z"),
            at("2026-12-06T09:30:00Z"),
            0));

    Suggestion suggestion = calendar.suggestion("eastside", "FACEBOOK", at("2026-12-05T19:00:00Z"));

    // free at 20:00 (inside 08:00-21:00)
    assertThat(suggestion.suggestedAt()).isEqualTo(at("2026-12-05T20:00:00Z"));

    Suggestion late = calendar.suggestion("eastside", "FACEBOOK", at("2026-12-05T22:00:00Z"));

    // outside the window: Sunday 08:00, taken by the breakfast until 09:30
    assertThat(late.suggestedAt()).isEqualTo(at("2026-12-06T09:30:00Z"));
    assertThat(late.movedPast()).extracting(Milestone::milestoneId).containsExactly("breakfast");
  }

  @Test
  void theChannelsZoneAndWindowPlaceTheSuggestion() {
    Map<String, ChannelPolicy> policies = new HashMap<>();
    Map<String, BranchSettings> branches = new HashMap<>();
    branches.put(
        "eastside",
        BranchSettings.newBuilder()
            .setBranchId("eastside")
            .setZone("America/Chicago")
            .setReportContacts(List.of())
            .build());
    policies.put(
        "eastside/X",
        ChannelPolicy.newBuilder()
            .setBranchId("eastside")
            .setPlatform(Platform.X)
            .setZone("Pacific/Kiritimati")
            .setPostingWindow(new PostingWindow("10:00", "12:00"))
            .build());
    ConflictCalendar local =
        Calendars.calendar(new LocalZones(policies::get, branches::get, ZoneId.of("UTC")));
    local.milestone(fair); // avoid 08:00-20:00Z: 02:00-14:00 CST

    // free at 20:00Z, 14:00 in Chicago: inside 08:00-21:00 there
    assertThat(local.suggestion("eastside", "FACEBOOK", at("2026-12-05T12:00:00Z")).suggestedAt())
        .isEqualTo(at("2026-12-05T20:00:00Z"));
    // 20:00Z is Sun 10:00 in Kiritimati: inside the X channel's 10:00-12:00
    assertThat(local.suggestion("eastside", "X", at("2026-12-05T12:00:00Z")).suggestedAt())
        .isEqualTo(at("2026-12-05T20:00:00Z"));
    // 23:00Z is Sun 13:00 there: Monday 10:00 in Kiritimati is Sunday 20:00Z
    assertThat(local.suggestion("eastside", "X", at("2026-12-05T23:00:00Z")).suggestedAt())
        .isEqualTo(at("2026-12-06T20:00:00Z"));
  }

  @Test
  void aFreeTimeIsItsOwnSuggestion() {
    calendar.milestone(fair);

    assertThat(calendar.suggestion("eastside", "FACEBOOK", at("2026-12-05T20:00:00Z")))
        .isEqualTo(new Suggestion(at("2026-12-05T20:00:00Z"), List.of()));
  }

  @Test
  void aPostKeepsItsBranchAcrossRevisions() {
    calendar.milestone(fair);
    calendar.postDrafted(content("p1", 1, "eastside", at("2026-12-04T12:00:00Z")));

    List<CalendarChange> changes =
        calendar.postDrafted(content("p1", 2, "westside", at("2026-12-05T12:00:00Z"))).changes();

    assertThat(changes).singleElement().isInstanceOf(ConflictStarted.class);
    assertThat(((ConflictStarted) changes.get(0)).post().branchId()).isEqualTo("eastside");
  }

  @Test
  void aMilestoneKeepsItsScopeAcrossRevisions() {
    calendar.postDrafted(content("p1", 1, "westside", at("2026-12-05T12:00:00Z")));
    calendar.milestone(fair);

    Milestone everywhere =
        avoid(
            "fair",
            2,
            "*",
            "County Fair",
            at("2026-12-05T10:00:00Z"),
            at("2026-12-05T18:00:00Z"),
            120);

    assertThat(calendar.milestone(everywhere).changes()).isEmpty();
  }

  @Test
  void revisionsNotHigherThanTheLastAreIgnored() {
    calendar.postDrafted(content("p1", 2, "eastside", at("2026-12-04T12:00:00Z")));
    calendar.milestone(
        avoid(
            "fair",
            2,
            "eastside",
            "County Fair",
            at("2026-12-01T10:00:00Z"),
            at("2026-12-01T18:00:00Z"),
            0));

    assertThat(
            calendar.postDrafted(content("p1", 2, "eastside", at("2026-12-05T12:00:00Z"))).status())
        .isEqualTo(Outcome.Status.STALE_REVISION);
    assertThat(
            calendar.postDrafted(content("p1", 1, "eastside", at("2026-12-05T12:00:00Z"))).status())
        .isEqualTo(Outcome.Status.STALE_REVISION);
    assertThat(calendar.milestone(fair).status()).isEqualTo(Outcome.Status.STALE_REVISION);
  }

  @Test
  void aRejectClearsThePostsConflictsWithItsOwnCause() {
    calendar.milestone(fair);
    calendar.postDrafted(content("p1", 1, "eastside", at("2026-12-05T12:00:00Z")));

    assertThat(calendar.postRejected("p1", 1).changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ConflictEnded.class,
            ended -> assertThat(ended.reason()).isEqualTo(ClearReason.POST_REJECTED));
  }

  @Test
  void aWithdrawnPostComesBackOnlyWithAHigherRevision() {
    calendar.milestone(fair);
    Post post = content("p1", 1, "eastside", at("2026-12-05T12:00:00Z"));
    calendar.postDrafted(post);

    assertThat(calendar.postWithdrawn("p1").changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ConflictEnded.class,
            ended -> assertThat(ended.reason()).isEqualTo(ClearReason.POST_WITHDRAWN));
    assertThat(calendar.postWithdrawn("p1").status()).isEqualTo(Outcome.Status.NOT_LIVE);
    assertThat(calendar.postWithdrawn("unknown").status()).isEqualTo(Outcome.Status.NOT_LIVE);
    assertThat(calendar.postDrafted(post).status()).isEqualTo(Outcome.Status.STALE_REVISION);
    assertThat(
            calendar
                .postDrafted(content("p1", 2, "eastside", at("2026-12-05T12:00:00Z")))
                .changes())
        .singleElement()
        .isInstanceOf(ConflictStarted.class);
  }

  @Test
  void onlyAvoidMilestonesConflict() {
    calendar.postDrafted(content("p1", 1, "eastside", at("2026-12-05T12:00:00Z")));
    Milestone neutral =
        new Milestone(
            "talk",
            1,
            "eastside",
            Stance.NEUTRAL,
            null,
            "Author Talk",
            at("2026-12-05T10:00:00Z"),
            at("2026-12-05T18:00:00Z"),
            Milestone.DEFAULT_BUFFER,
            false);

    assertThat(calendar.milestone(neutral).changes()).isEmpty();
  }

  @Test
  void theAmplifyWindowIsTheLeadTimeBeforeTheStartHalfOpen() {
    calendar.postDrafted(content("c0", 1, "eastside", at("2026-11-01T00:00:00Z")));
    Milestone hearing =
        amplify("hearing", 1, "eastside", "budget", "Budget Hearing", at("2026-12-08T18:00:00Z"));
    assertThat(calendar.milestone(hearing).changes())
        .containsExactly(new GapOpened(hearing, "eastside"));

    assertThat(
            calendar
                .postDrafted(
                    campaign("at-start", 1, "eastside", "budget", at("2026-12-08T18:00:00Z")))
                .changes())
        .isEmpty();
    assertThat(
            calendar
                .postDrafted(
                    campaign("too-early", 1, "eastside", "budget", at("2026-12-05T17:59:59.999Z")))
                .changes())
        .isEmpty();
    assertThat(
            calendar
                .postDrafted(
                    campaign("other-campaign", 1, "eastside", "levy", at("2026-12-07T12:00:00Z")))
                .changes())
        .isEmpty();
    assertThat(
            calendar
                .postDrafted(content("content", 2, "eastside", at("2026-12-07T12:00:00Z")))
                .changes())
        .isEmpty();

    ScheduledPost first = new ScheduledPost("first", "eastside", at("2026-12-05T18:00:00Z"));
    assertThat(
            calendar
                .postDrafted(campaign("first", 1, "eastside", "budget", first.scheduledAt()))
                .changes())
        .containsExactly(new GapClosed(hearing, "eastside", GapCloseReason.AMPLIFIED, first));
  }

  @Test
  void aMilestoneWithoutCampaignIsAmplifiedByAnyCampaignPost() {
    calendar.postDrafted(campaign("c1", 1, "eastside", "levy", at("2026-12-07T12:00:00Z")));
    Milestone vote = amplify("vote", 1, "eastside", null, "Bond Vote", at("2026-12-08T18:00:00Z"));

    assertThat(calendar.milestone(vote).changes()).isEmpty();
    assertThat(calendar.postWithdrawn("c1").changes())
        .containsExactly(new GapOpened(vote, "eastside"));
  }

  @Test
  void everyBranchGapsOpenForBranchesThatHaveSentAPostIncludingLaterOnes() {
    calendar.postDrafted(content("e1", 1, "eastside", at("2026-11-01T00:00:00Z")));
    Milestone hearing =
        amplify("hearing", 1, "*", "budget", "Budget Hearing", at("2026-12-08T18:00:00Z"));

    assertThat(calendar.milestone(hearing).changes())
        .containsExactly(new GapOpened(hearing, "eastside"));
    assertThat(
            calendar
                .postDrafted(content("w1", 1, "westside", at("2026-11-01T00:00:00Z")))
                .changes())
        .containsExactly(new GapOpened(hearing, "westside"));
    assertThat(
            calendar
                .postDrafted(campaign("n1", 1, "northside", "budget", at("2026-12-08T12:00:00Z")))
                .changes())
        .isEmpty();
    assertThat(calendar.milestone(cancelled(hearing, 2)).changes())
        .containsExactly(
            new GapClosed(
                cancelled(hearing, 2), "eastside", GapCloseReason.MILESTONE_CANCELLED, null),
            new GapClosed(
                cancelled(hearing, 2), "westside", GapCloseReason.MILESTONE_CANCELLED, null));
  }

  @Test
  void aMilestoneThatStopsAskingForAmplificationClosesItsGaps() {
    calendar.postDrafted(content("e1", 1, "eastside", at("2026-11-01T00:00:00Z")));
    Milestone hearing =
        amplify("hearing", 1, "eastside", "budget", "Budget Hearing", at("2026-12-08T18:00:00Z"));
    calendar.milestone(hearing);
    Milestone neutral =
        new Milestone(
            "hearing",
            2,
            "eastside",
            Stance.NEUTRAL,
            "budget",
            "Budget Hearing",
            hearing.startsAt(),
            hearing.endsAt(),
            hearing.buffer(),
            false);

    assertThat(calendar.milestone(neutral).changes())
        .containsExactly(
            new GapClosed(neutral, "eastside", GapCloseReason.NO_LONGER_AMPLIFY, null));
  }

  @Test
  void aMovedMilestoneEndsTheConflictsItLeftAndStartsTheOnesItReaches() {
    calendar.postDrafted(content("sat", 1, "eastside", at("2026-12-05T12:00:00Z")));
    calendar.postDrafted(content("sun", 1, "eastside", at("2026-12-06T12:00:00Z")));
    calendar.postDrafted(content("both", 1, "eastside", at("2026-12-05T23:00:00Z")));
    Milestone wide =
        avoid(
            "fair",
            1,
            "eastside",
            "County Fair",
            at("2026-12-05T10:00:00Z"),
            at("2026-12-05T22:00:00Z"),
            120);
    calendar.milestone(wide);
    Milestone moved =
        avoid(
            "fair",
            2,
            "eastside",
            "County Fair",
            at("2026-12-06T00:00:00Z"),
            at("2026-12-06T18:00:00Z"),
            120);

    List<CalendarChange> changes = calendar.milestone(moved).changes();

    assertThat(changes)
        .hasSize(2)
        .satisfiesExactly(
            ended ->
                assertThat(ended)
                    .isEqualTo(
                        new ConflictEnded(
                            new ScheduledPost("sat", "eastside", at("2026-12-05T12:00:00Z")),
                            wide,
                            moved,
                            ClearReason.MILESTONE_MOVED)),
            started -> assertThat(((ConflictStarted) started).post().postId()).isEqualTo("sun"));
  }

  @Test
  void aBranchMilestoneAnnouncedBeforeTheBranchsFirstPostOpensItsGapWithThatPost() {
    Milestone hearing =
        amplify("hearing", 1, "eastside", "budget", "Budget Hearing", at("2026-12-08T18:00:00Z"));
    assertThat(calendar.milestone(hearing).changes()).isEmpty();

    assertThat(
            calendar
                .postDrafted(content("e1", 1, "eastside", at("2026-11-01T00:00:00Z")))
                .changes())
        .containsExactly(new GapOpened(hearing, "eastside"));
  }
}
