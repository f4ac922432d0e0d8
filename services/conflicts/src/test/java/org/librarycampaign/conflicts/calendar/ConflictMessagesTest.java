package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.calendar.Calendars.amplify;
import static org.librarycampaign.conflicts.calendar.Calendars.at;
import static org.librarycampaign.conflicts.calendar.Calendars.avoid;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.conflicts.calendar.CalendarChange.ClearReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapCloseReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;

class ConflictMessagesTest {

  private final ConflictMessages utc = new ConflictMessages(ZoneOffset.UTC);

  private final Milestone fair =
      avoid(
          "fair",
          1,
          "eastside",
          "County Fair",
          at("2026-12-05T10:00:00Z"),
          at("2026-12-05T18:00:00Z"),
          120);
  private final ScheduledPost noon =
      new ScheduledPost("p1", "eastside", at("2026-12-05T12:00:00Z"));

  @Test
  void theCountyFairExample() {
    ConflictStarted conflict =
        new ConflictStarted(noon, fair, new Suggestion(at("2026-12-05T20:00:00Z"), List.of(fair)));

    assertThat(utc.detected(conflict))
        .isEqualTo(
            "Scheduled during the County Fair (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer):"
                + " moves it after the County Fair, Sat 5 Dec, 20:00 UTC");
  }

  @Test
  void timesAreShownInTheConfiguredZone() {
    ConflictMessages chicago = new ConflictMessages(ZoneId.of("America/Chicago"));
    ConflictStarted conflict =
        new ConflictStarted(noon, fair, new Suggestion(at("2026-12-05T20:00:00Z"), List.of(fair)));

    assertThat(chicago.detected(conflict))
        .isEqualTo(
            "Scheduled during the County Fair (Sat 5 Dec, 04:00 to 12:00 CST, 2 h buffer):"
                + " moves it after the County Fair, Sat 5 Dec, 14:00 CST");
  }

  @Test
  void multiDayWindowsLongSuggestionsAndTitlesWithTheirOwnArticle() {
    Milestone festival =
        avoid(
            "festival",
            1,
            "*",
            "The Winter Festival",
            at("2026-12-05T22:00:00Z"),
            at("2026-12-13T08:30:00Z"),
            0);
    ConflictStarted conflict =
        new ConflictStarted(
            noon,
            festival,
            new Suggestion(at("2026-12-13T08:30:00Z"), List.of(festival, festival)));

    assertThat(utc.detected(conflict))
        .isEqualTo(
            "Scheduled 10 h before The Winter Festival (Sat 5 Dec, 22:00 to Sun 13 Dec, 08:30 UTC,"
                + " no buffer): moves it after The Winter Festival, Sun 13 Dec, 08:30 UTC");
  }

  @Test
  void clearedMessagesSayWhatChanged() {
    Milestone moved =
        avoid(
            "fair",
            2,
            "eastside",
            "County Fair",
            at("2026-12-06T10:00:00Z"),
            at("2026-12-06T18:00:00Z"),
            90);
    Milestone notAvoided =
        new Milestone(
            "fair",
            2,
            "eastside",
            Stance.NEUTRAL,
            null,
            "County Fair",
            fair.startsAt(),
            fair.endsAt(),
            fair.buffer(),
            false);
    ScheduledPost evening = new ScheduledPost("p1", "eastside", at("2026-12-05T20:00:00Z"));

    assertThat(utc.cleared(new ConflictEnded(evening, fair, fair, ClearReason.POST_MOVED)))
        .isEqualTo(
            "No longer clashes with the County Fair: the post moved to Sat 5 Dec, 20:00 UTC");
    assertThat(utc.cleared(new ConflictEnded(noon, fair, fair, ClearReason.POST_WITHDRAWN)))
        .isEqualTo("No longer clashes with the County Fair: the post was withdrawn");
    assertThat(utc.cleared(new ConflictEnded(noon, fair, fair, ClearReason.POST_REJECTED)))
        .isEqualTo("No longer clashes with the County Fair: the post was rejected in review");
    assertThat(utc.cleared(new ConflictEnded(noon, fair, moved, ClearReason.MILESTONE_MOVED)))
        .isEqualTo(
            "No longer clashes with the County Fair: it now runs Sun 6 Dec, 10:00 to 18:00 UTC,"
                + " 1 h 30 min buffer");
    assertThat(utc.cleared(new ConflictEnded(noon, fair, notAvoided, ClearReason.MILESTONE_MOVED)))
        .isEqualTo("No longer clashes with the County Fair: it is no longer an event to avoid");
    assertThat(utc.cleared(new ConflictEnded(noon, fair, fair, ClearReason.MILESTONE_CANCELLED)))
        .isEqualTo("No longer clashes with the County Fair: it was cancelled");
  }

  @Test
  void gapMessagesSayWhenToPostAndWhatClosedThem() {
    Milestone hearing =
        amplify("hearing", 1, "*", "budget-2027", "Budget Hearing", at("2026-12-08T18:00:00Z"));
    Milestone anyCampaign = amplify("vote", 1, "*", null, "Bond Vote", at("2026-12-08T18:00:00Z"));

    assertThat(utc.gapOpened(new GapOpened(hearing, "eastside")))
        .isEqualTo(
            "No budget-2027 campaign post from eastside in the 72 h before the Budget Hearing"
                + " (Tue 8 Dec, 18:00 UTC): schedule one after Sat 5 Dec, 18:00 UTC");
    assertThat(utc.gapOpened(new GapOpened(anyCampaign, "eastside")))
        .startsWith("No campaign post from eastside in the 72 h before the Bond Vote");
    assertThat(
            utc.gapClosed(
                new GapClosed(
                    hearing,
                    "eastside",
                    GapCloseReason.AMPLIFIED,
                    new ScheduledPost("c1", "eastside", at("2026-12-07T15:00:00Z")))))
        .isEqualTo("Post c1 (Mon 7 Dec, 15:00 UTC) amplifies the Budget Hearing");
    assertThat(
            utc.gapClosed(
                new GapClosed(hearing, "eastside", GapCloseReason.MILESTONE_CANCELLED, null)))
        .isEqualTo("The Budget Hearing was cancelled");
    assertThat(
            utc.gapClosed(
                new GapClosed(hearing, "eastside", GapCloseReason.NO_LONGER_AMPLIFY, null)))
        .isEqualTo("The Budget Hearing no longer asks for amplification");
  }

  @Test
  void spans() {
    assertThat(ConflictMessages.span(Duration.ofSeconds(59))).isEqualTo("under a minute");
    assertThat(ConflictMessages.span(Duration.ofMinutes(45))).isEqualTo("45 min");
    assertThat(ConflictMessages.span(Duration.ofMinutes(120))).isEqualTo("2 h");
    assertThat(ConflictMessages.span(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
  }
}
