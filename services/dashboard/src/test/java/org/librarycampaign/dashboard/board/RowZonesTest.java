package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.FactJson;

/**
 * Which zone each row of the board reads in (README.md, "Local time"): its channel's policy, else
 * its branch's settings, else those of {@code *}, else the dashboard's own zone; and the times
 * written in it.
 */
class RowZonesTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final Instant AT = Instant.parse("2026-12-02T21:00:00Z");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final String OUTBOX = "/data/outbox";
  private static final DecisionFact.Reason RATIO =
      new DecisionFact.Reason("RATIO_LIMIT", "Needs more content first.", null, 2);

  private static FactsBuilder heldOn(String channelId, Instant at) {
    return new FactsBuilder()
        .post("p1", 1, channelId, "CAMPAIGN", at)
        .decided("p1", 1, channelId, "CAMPAIGN", at, "HELD", NOW.minusSeconds(3600), RATIO);
  }

  private static String expires(FactsBuilder facts, Instant now, ZoneId service) {
    return Board.build(facts.build(), now, service, null, OUTBOX).held().get(0).expires();
  }

  @Nested
  class TheZoneOfARow {

    @Test
    void theChannelsPolicyComesFirst() {
      FactsBuilder facts =
          heldOn("eastside/FACEBOOK", AT)
              .policy("eastside/FACEBOOK", 3, "America/Chicago")
              .branchZone("eastside", "Europe/Berlin")
              .branchZone("*", "America/New_York");

      Board board = Board.build(facts.build(), NOW, TOKYO, null, OUTBOX);

      assertThat(board.held().get(0).expires())
          .isEqualTo("expires in 9 h, at Wed 2 Dec, 15:00 CST");
      assertThat(board.zones())
          .containsExactly(
              entry("*", "America/New_York"),
              entry("eastside", "Europe/Berlin"),
              entry("eastside/FACEBOOK", "America/Chicago"));
    }

    @Test
    void aChannelWithoutAZoneReadsInItsBranchs() {
      FactsBuilder facts =
          heldOn("eastside/FACEBOOK", AT)
              .policy("eastside/FACEBOOK", 3, null)
              .branchZone("eastside", "Europe/Berlin")
              .branchZone("*", "America/New_York");

      assertThat(expires(facts, NOW, TOKYO)).isEqualTo("expires in 9 h, at Wed 2 Dec, 22:00 CET");
    }

    @Test
    void aBranchWithoutAZoneOfItsOwnReadsInThatOfEveryBranch() {
      FactsBuilder facts =
          heldOn("westside/X", AT)
              .branchZone("westside", null)
              .branchZone("eastside", "Europe/Berlin")
              .branchZone("*", "America/New_York");

      Board board = Board.build(facts.build(), NOW, TOKYO, null, OUTBOX);

      assertThat(board.held().get(0).expires())
          .isEqualTo("expires in 9 h, at Wed 2 Dec, 16:00 EST");
      assertThat(board.zones()).containsEntry("westside", "America/New_York");
      assertThat(board.zones()).containsEntry("westside/X", "America/New_York");
    }

    @Test
    void withNoZoneAnywhereTheDashboardsOwnZoneIsUsed() {
      FactsBuilder facts = heldOn("westside/X", AT).policy("westside/X", 3, null);

      Board board = Board.build(facts.build(), NOW, TOKYO, null, OUTBOX);

      assertThat(board.held().get(0).expires())
          .isEqualTo("expires in 9 h, at Thu 3 Dec, 06:00 JST");
      assertThat(board.zones())
          .containsExactly(
              entry("*", "Asia/Tokyo"),
              entry("westside", "Asia/Tokyo"),
              entry("westside/X", "Asia/Tokyo"));
      assertThat(board.abbreviations()).containsOnlyKeys("Asia/Tokyo");
      assertThat(board.abbreviations().get("Asia/Tokyo")).containsExactly(entry(540, "JST"));
    }

    @Test
    void aZoneThatDoesNotParseIsPassedOver() {
      FactsBuilder facts =
          heldOn("westside/X", AT)
              .policy("westside/X", 3, "America/Chicgo")
              .branchZone("westside", "Mars/Olympus")
              .branchZone("*", "America/New_York");

      assertThat(expires(facts, NOW, TOKYO)).isEqualTo("expires in 9 h, at Wed 2 Dec, 16:00 EST");
    }

    @Test
    void aUtcZoneReadsAsUtc() {
      FactsBuilder facts = heldOn("westside/X", AT).policy("westside/X", 3, "Z");

      assertThat(expires(facts, NOW, TOKYO)).isEqualTo("expires in 9 h, at Wed 2 Dec, 21:00 UTC");
    }

    @Test
    void theSignOffListTheCalendarAndTheirConflictsReadInTheRowsZone() {
      FactsBuilder facts =
          new FactsBuilder()
              .policy("eastside/FACEBOOK", 3, "America/Chicago")
              .branchZone("*", "Europe/Berlin")
              .post("c1", 1, "eastside/FACEBOOK", "CONTENT", AT)
              .decided("c1", 1, "eastside/FACEBOOK", "CONTENT", AT, "APPROVED", NOW)
              .post("c2", 1, "westside/X", "CONTENT", AT)
              .decided("c2", 1, "westside/X", "CONTENT", AT, "APPROVED", NOW);

      Calendar calendar =
          Board.build(facts.build(), NOW, ZoneId.of("UTC"), null, OUTBOX).calendar();

      assertThat(calendar.zone()).isEqualTo("UTC");
      assertThat(calendar.days().get(2).posts())
          .extracting(Calendar.ScheduledPost::postId, Calendar.ScheduledPost::time)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("c1", "15:00 CST"),
              // 22:00 in Berlin, on the calendar's Wednesday (UTC)
              org.assertj.core.groups.Tuple.tuple("c2", "22:00 CET"));
    }
  }

  @Nested
  class DaylightSaving {

    @Test
    void aTimeAfterTheClocksGoForwardReadsInSummerTime() {
      // Chicago goes from CST to CDT at 2 am on Sunday 8 March 2026.
      Instant now = Instant.parse("2026-03-07T12:00:00Z");
      FactsBuilder facts =
          heldOn("eastside/FACEBOOK", Instant.parse("2026-03-08T15:00:00Z"))
              .branchZone("eastside", "America/Chicago");

      Board board = Board.build(facts.build(), now, ZoneId.of("UTC"), null, OUTBOX);

      assertThat(board.held().get(0).expires())
          .isEqualTo("expires in 1 d 3 h, at Sun 8 Mar, 10:00 CDT");
      assertThat(board.abbreviations().get("America/Chicago"))
          .containsExactly(entry(-360, "CST"), entry(-300, "CDT"));
    }

    @Test
    void aMilestoneAcrossTheChangeCarriesBothAbbreviations() {
      // 00:30 CST to 04:00 CDT on Sunday 8 March 2026: three and a half hours, with one skipped.
      Instant now = Instant.parse("2026-03-04T12:00:00Z");
      FactsBuilder facts = new FactsBuilder().branchZone("*", "America/Chicago");
      facts.milestones.add(
          new org.librarycampaign.dashboard.facts.MilestoneFact(
              "vigil",
              1,
              "COMMUNITY_EVENT",
              "AVOID",
              null,
              "eastside",
              "Night vigil",
              Instant.parse("2026-03-08T06:30:00Z"),
              Instant.parse("2026-03-08T09:00:00Z"),
              0,
              false));

      Calendar calendar =
          Board.build(facts.build(), now, ZoneId.of("America/Chicago"), null, OUTBOX).calendar();

      assertThat(calendar.days().get(6).milestones())
          .extracting(Calendar.Milestone::time)
          .containsExactly("00:30 CST–04:00 CDT");
    }
  }

  @Nested
  class FarFromUtc {

    @Test
    void kiritimatiIsFourteenHoursAheadAndADayOffTheUtcCalendar() {
      // Saturday 5 December, 12:00 UTC is already Sunday 6 December, 02:00 on Kiritimati.
      Instant at = Instant.parse("2026-12-05T12:00:00Z");
      FactsBuilder facts =
          heldOn("kiritimati/FACEBOOK", at).branchZone("kiritimati", "Pacific/Kiritimati");

      Board board = Board.build(facts.build(), NOW, ZoneId.of("UTC"), null, OUTBOX);

      assertThat(board.held().get(0).expires())
          .isEqualTo("expires in 3 d, at Sun 6 Dec, 02:00 LINT");
      Calendar.Day saturday = board.calendar().days().get(5);
      assertThat(saturday.date()).hasToString("2026-12-05");
      assertThat(saturday.posts())
          .extracting(Calendar.ScheduledPost::time)
          .containsExactly("Sun 6 Dec, 02:00 LINT");
      assertThat(board.abbreviations().get("Pacific/Kiritimati"))
          .containsExactly(entry(840, "LINT"));
    }
  }

  @Nested
  class OneBranchsCalendar {

    @Test
    void showsThatBranchsPostsAndMilestonesOnTheDaysOfItsZone() {
      // Sunday 6 December, 12:00 UTC is already Monday 7 December on Kiritimati: next week there
      Instant sunday = Instant.parse("2026-12-06T12:00:00Z");
      FactsBuilder facts =
          new FactsBuilder()
              .branchZone("kiritimati", "Pacific/Kiritimati")
              .post("k1", 1, "kiritimati/X", "CONTENT", sunday)
              .post("w1", 1, "westside/X", "CONTENT", sunday);
      Instant now = Instant.parse("2026-12-06T11:00:00Z");

      Calendar all = Board.build(facts.build(), now, ZoneId.of("UTC"), null, OUTBOX).calendar();
      Calendar kiritimati =
          Board.build(
                  facts.build(), now, ZoneId.of("UTC"), null, "kiritimati", OUTBOX, "/data/posts")
              .calendar();

      assertThat(all.branch()).isNull();
      assertThat(all.weekStart()).hasToString("2026-11-30");
      assertThat(all.days().get(6).posts())
          .extracting(Calendar.ScheduledPost::postId)
          .containsExactly("k1", "w1");
      assertThat(kiritimati.branch()).isEqualTo("kiritimati");
      assertThat(kiritimati.zone()).isEqualTo("Pacific/Kiritimati");
      assertThat(kiritimati.weekStart()).hasToString("2026-12-07");
      assertThat(kiritimati.days().get(0).today()).isTrue();
      assertThat(kiritimati.days().get(0).posts())
          .extracting(Calendar.ScheduledPost::postId, Calendar.ScheduledPost::time)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("k1", "02:00 LINT"));
      assertThat(kiritimati.days())
          .allMatch(d -> d.posts().stream().noneMatch(p -> p.postId().equals("w1")));
    }
  }

  @Test
  void theBoardJsonKeepsUtcInstantsAndNamesEachRowsZone() {
    FactsBuilder facts =
        heldOn("eastside/FACEBOOK", AT).policy("eastside/FACEBOOK", 3, "America/Chicago");

    String json = FactJson.write(Board.build(facts.build(), NOW, TOKYO, null, OUTBOX));

    assertThat(json)
        .contains(
            "\"zone\":\"Asia/Tokyo\",\"today\":\"2026-12-02\",\"zones\":{\"*\":\"Asia/Tokyo\","
                + "\"eastside\":\"Asia/Tokyo\",\"eastside/FACEBOOK\":\"America/Chicago\"},"
                + "\"abbreviations\":{\"America/Chicago\":{\"-360\":\"CST\",\"-300\":\"CDT\"},"
                + "\"Asia/Tokyo\":{\"540\":\"JST\"}}")
        .contains("\"scheduledAt\":\"2026-12-02T21:00:00Z\"");
  }
}
