package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.DecisionFact;

/** The board reads a channel's rules and ratio as governance does (campaign-channel-rules). */
class SharedChannelRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
  private static final String OUTBOX = "/data/outbox";
  private static final DecisionFact.Reason RATIO =
      new DecisionFact.Reason("RATIO_LIMIT", "Held: the week needs more content posts.", null, 3);

  private static Instant day(int dayOfWeek, int hour) {
    return MONDAY.plusDays(dayOfWeek).atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  @Test
  void aHeldPostCountsTheHeldPostsAheadOfItInTheWeeksQueue() {
    FactsBuilder facts =
        new FactsBuilder()
            .policy("westside/FACEBOOK", 3, "UTC")
            .approved("c1", "westside/FACEBOOK", "CONTENT", day(0, 10))
            .approved("c2", "westside/FACEBOOK", "CONTENT", day(1, 10))
            .approved("c3", "westside/FACEBOOK", "CONTENT", day(2, 10))
            .approved("k1", "westside/FACEBOOK", "CAMPAIGN", day(1, 12))
            .post("k2", 1, "westside/FACEBOOK", "CAMPAIGN", day(3, 10))
            .decided(
                "k2",
                1,
                "westside/FACEBOOK",
                "CAMPAIGN",
                day(3, 10),
                "HELD",
                NOW.minusSeconds(120),
                RATIO)
            .post("k3", 1, "westside/FACEBOOK", "CAMPAIGN", day(4, 10))
            .decided(
                "k3",
                1,
                "westside/FACEBOOK",
                "CAMPAIGN",
                day(4, 10),
                "HELD",
                NOW.minusSeconds(60),
                RATIO);

    Board board = Board.build(facts.build(), NOW, ZoneOffset.UTC, null, OUTBOX);

    assertThat(board.held()).extracting(HeldPost::postId).containsExactly("k2", "k3");
    assertThat(board.held().get(0).release())
        .isEqualTo(
            "Approving 3 more content posts on westside/FACEBOOK in the week of Mon 30 Nov"
                + " releases it (1 campaign post per 3 content posts; 3 content and 1"
                + " campaign approved so far).");
    // k2 takes the next free place: k3 needs 3 more content posts on top of k2's
    assertThat(board.held().get(1).release())
        .isEqualTo(
            "Approving 6 more content posts on westside/FACEBOOK in the week of Mon 30 Nov"
                + " releases it (1 campaign post per 3 content posts; 3 content and 1"
                + " campaign approved so far; 1 held post ahead of it).");
  }

  @Test
  void aHeldPostAheadWhoseDayIsFullDoesNotTakeTheNextPlace() {
    FactsBuilder facts =
        new FactsBuilder()
            .policy("westside/FACEBOOK", 1, "UTC")
            .approved("c1", "westside/FACEBOOK", "CONTENT", day(0, 10))
            .approved("c2", "westside/FACEBOOK", "CONTENT", day(1, 10))
            .approved("c3", "westside/FACEBOOK", "CONTENT", day(2, 10))
            .approved("k1", "westside/FACEBOOK", "CAMPAIGN", day(3, 12))
            .decided("full", 1, "westside/FACEBOOK", "CAMPAIGN", day(2, 15), "HELD", NOW, RATIO)
            .decided(
                "k3",
                1,
                "westside/FACEBOOK",
                "CAMPAIGN",
                day(4, 10),
                "HELD",
                NOW.plusSeconds(60),
                RATIO);

    Board board = Board.build(facts.build(), NOW, ZoneOffset.UTC, null, OUTBOX);

    assertThat(board.held().get(1).postId()).isEqualTo("k3");
    assertThat(board.held().get(1).release()).startsWith("Approving 3 more content posts");
  }

  @Test
  void aPolicyCapBelowOneTakesThePlatformDefaultAsGovernanceDoes() {
    FactsBuilder facts = new FactsBuilder().policy("eastside/INSTAGRAM", 0, "Mars/Olympus");

    ChannelBalance balance =
        Board.build(facts.build(), NOW, ZoneOffset.UTC, null, OUTBOX).balance().get(0);

    assertThat(balance.maxPostsPerDay()).isEqualTo(2);
    assertThat(balance.zone()).isEqualTo("UTC");
    assertThat(balance.days()).allSatisfy(day -> assertThat(day.full()).isFalse());
  }

  @Test
  void aChannelWithoutAZoneCountsItsDaysInItsBranchsZoneAsGovernanceDoes() {
    // Mon 30 Nov 03:00 UTC is Sun 29 Nov, 21:00 in Chicago: the week before, for governance
    Instant lateSunday = Instant.parse("2026-11-30T03:00:00Z");
    FactsBuilder facts =
        new FactsBuilder()
            .branchZone("*", "Europe/Berlin")
            .branchZone("westside", "America/Chicago")
            .approved("c1", "westside/FACEBOOK", "CONTENT", lateSunday)
            .approved("c2", "eastside/FACEBOOK", "CONTENT", lateSunday);

    Ledger ledger = Ledger.of(facts.build());

    assertThat(ledger.rules("westside/FACEBOOK").zone()).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(ledger.week("westside/FACEBOOK", MONDAY.minusDays(7)).approvedByDay())
        .containsExactly(Map.entry(MONDAY.minusDays(1), 1));
    assertThat(ledger.week("westside/FACEBOOK", MONDAY).content()).isZero();
    // a branch without settings of its own takes every branch's (*)
    assertThat(ledger.rules("eastside/FACEBOOK").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(ledger.week("eastside/FACEBOOK", MONDAY).approvedByDay())
        .containsExactly(Map.entry(MONDAY, 1));
  }
}
