package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.FactJson;

/** The audit trail of reviewed posts, overrides, and the posts waiting for sign-off. */
class ReviewAndSignOffBoardTest {

  // Wednesday 2 December 2026, noon UTC (06:00 in Chicago)
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final String OUTBOX = "/data/outbox";
  private static final String CHANNEL = "eastside/FACEBOOK";
  private static final Instant AT = Instant.parse("2026-12-02T21:00:00Z");
  private static final Instant REVIEWED = Instant.parse("2026-12-02T09:30:00Z");

  private static final DecisionFact.Reason RATIO =
      new DecisionFact.Reason("RATIO_LIMIT", "Too many campaign posts this week.", null, 2);
  private static final DecisionFact.Review APPROVE_K1 =
      new DecisionFact.Review(1, "APPROVE", "ana", "Launch day", REVIEWED, null);
  private static final DecisionFact.Review RESCHEDULE_H1 =
      new DecisionFact.Review(1, "RESCHEDULE", "ben", null, REVIEWED, AT);

  private static DecisionFact decision(
      String postId,
      int revision,
      String status,
      Instant decidedAt,
      List<DecisionFact.Reason> reasons,
      DecisionFact.ReviewerOverride override,
      List<DecisionFact.Review> reviews,
      DecisionFact.SignOff signOff) {
    return new DecisionFact(
        postId,
        revision,
        "eastside",
        CHANNEL,
        "CAMPAIGN",
        "budget-2027",
        AT,
        status,
        false,
        reasons,
        List.of(),
        null,
        decidedAt,
        override,
        reviews,
        signOff);
  }

  private static FactsBuilder facts() {
    FactsBuilder facts =
        new FactsBuilder()
            .policy(CHANNEL, 3, "America/Chicago")
            .post("k1", 1, CHANNEL, "CAMPAIGN", AT)
            .post("s1", 1, CHANNEL, "CAMPAIGN", AT)
            .post("s2", 1, CHANNEL, "CAMPAIGN", AT)
            .post("h1", 2, CHANNEL, "CAMPAIGN", AT)
            .post("r1", 1, CHANNEL, "CAMPAIGN", AT);
    // approved by ana over the ratio's hold, which also signed it
    facts.decisions.add(
        decision(
            "k1",
            1,
            "APPROVED",
            REVIEWED,
            List.of(),
            new DecisionFact.ReviewerOverride(
                "ana", "Launch day", REVIEWED, List.of("RATIO_LIMIT", "CRISIS_PAUSE")),
            List.of(APPROVE_K1),
            new DecisionFact.SignOff(true, "ana", REVIEWED)));
    // approved by the rules, waiting for sign-off since 08:00 UTC
    facts.decisions.add(
        decision(
            "s1",
            1,
            "APPROVED",
            Instant.parse("2026-12-02T08:00:00Z"),
            List.of(),
            null,
            List.of(),
            new DecisionFact.SignOff(true, null, null)));
    // signed already
    facts.decisions.add(
        decision(
            "s2",
            1,
            "APPROVED",
            Instant.parse("2026-12-02T07:00:00Z"),
            List.of(),
            null,
            List.of(),
            new DecisionFact.SignOff(true, "ben", Instant.parse("2026-12-02T07:30:00Z"))));
    // rescheduled by ben, then held by the ratio; also waiting for sign-off
    facts.decisions.add(
        decision(
            "h1",
            2,
            "HELD",
            REVIEWED,
            List.of(RATIO),
            null,
            List.of(RESCHEDULE_H1),
            new DecisionFact.SignOff(true, null, null)));
    // rejected: no longer live, so it waits for nothing
    facts.decisions.add(
        decision(
            "r1",
            1,
            "REJECTED",
            Instant.parse("2026-12-02T06:00:00Z"),
            List.of(),
            null,
            List.of(),
            new DecisionFact.SignOff(true, null, null)));
    return facts;
  }

  private static Calendar.ScheduledPost scheduled(Board board, String postId) {
    return board.calendar().days().stream()
        .flatMap(d -> d.posts().stream())
        .filter(p -> p.postId().equals(postId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aHeldPostThatWasReviewedShowsItsAuditTrail() {
    Board board = Board.build(facts().build(), NOW, UTC, null, OUTBOX);

    assertThat(board.held()).extracting(HeldPost::postId).containsExactly("h1");
    assertThat(board.held().get(0).audit()).containsExactly(RESCHEDULE_H1);
  }

  @Test
  void anApprovedPostWithAnOverrideSaysWhoApprovedItOverWhichReasonsAndWhy() {
    Board board = Board.build(facts().build(), NOW, UTC, null, OUTBOX);

    Calendar.ScheduledPost k1 = scheduled(board, "k1");
    assertThat(k1.override())
        .isEqualTo("approved by ana over RATIO_LIMIT, CRISIS_PAUSE: Launch day");
    assertThat(k1.audit()).containsExactly(APPROVE_K1);
    assertThat(scheduled(board, "s1").override()).isNull();
    assertThat(scheduled(board, "s1").audit()).isEmpty();
    assertThat(scheduled(board, "h1").audit()).containsExactly(RESCHEDULE_H1);
  }

  @Test
  void theOverrideSentenceWithoutTheHoldsCodesOrAReason() {
    DecisionFact unseen =
        decision(
            "k2",
            1,
            "APPROVED",
            REVIEWED,
            List.of(),
            new DecisionFact.ReviewerOverride("ana", null, REVIEWED, List.of()),
            List.of(),
            null);

    assertThat(Calendar.override(unseen)).isEqualTo("approved by ana over the hold");
  }

  @Test
  void everyLivePostWaitingForSignOffTheLongestWaitingFirstWithItsTimeLeft() {
    Board board = Board.build(facts().build(), NOW, UTC, null, OUTBOX);

    assertThat(board.signOff())
        .containsExactly(
            new SignOffWait(
                "s1",
                1,
                "eastside",
                CHANNEL,
                "CAMPAIGN",
                "budget-2027",
                AT,
                "APPROVED",
                "Text of s1",
                Instant.parse("2026-12-02T08:00:00Z"),
                "publishes in 9 h, at Wed 2 Dec, 15:00 CST, once signed"),
            new SignOffWait(
                "h1",
                2,
                "eastside",
                CHANNEL,
                "CAMPAIGN",
                "budget-2027",
                AT,
                "HELD",
                "Text of h1",
                REVIEWED,
                "publishes in 9 h, at Wed 2 Dec, 15:00 CST, once signed"));
  }

  @Test
  void aPostStillUnsignedAtItsTimeLeavesTheListItCanNoLongerBePublished() {
    assertThat(Board.build(facts().build(), AT.minusSeconds(30), UTC, null, OUTBOX).signOff())
        .extracting(SignOffWait::postId, SignOffWait::timeLeft)
        .containsExactly(
            tuple("s1", "publishes in less than a minute, at Wed 2 Dec, 15:00 CST, once signed"),
            tuple("h1", "publishes in less than a minute, at Wed 2 Dec, 15:00 CST, once signed"));

    assertThat(Board.build(facts().build(), AT, UTC, null, OUTBOX).signOff()).isEmpty();
    assertThat(Board.build(facts().build(), AT.plusSeconds(60), UTC, null, OUTBOX).signOff())
        .isEmpty();
  }

  @Test
  void noSignOffNoTrail() {
    Board board =
        Board.build(
            new FactsBuilder()
                .policy(CHANNEL, 3, "UTC")
                .approved("c1", CHANNEL, "CONTENT", AT)
                .build(),
            NOW,
            UTC,
            null,
            OUTBOX);

    assertThat(board.signOff()).isEmpty();
    assertThat(scheduled(board, "c1").audit()).isEmpty();
    assertThat(scheduled(board, "c1").override()).isNull();
    assertThat(FactJson.write(board)).contains(",\"signOff\":[],\"officials\":[]}");
  }

  @Test
  void theBoardJsonCarriesTheTrailTheOverrideAndTheSignOffList() {
    String json = FactJson.write(Board.build(facts().build(), NOW, UTC, null, OUTBOX));

    assertThat(json)
        .contains(
            "\"audit\":[{\"revision\":1,\"action\":\"RESCHEDULE\",\"reviewer\":\"ben\","
                + "\"at\":\"2026-12-02T09:30:00Z\",\"scheduledAt\":\"2026-12-02T21:00:00Z\"}]")
        .contains(
            "\"audit\":[{\"revision\":1,\"action\":\"APPROVE\",\"reviewer\":\"ana\","
                + "\"reason\":\"Launch day\",\"at\":\"2026-12-02T09:30:00Z\"}],"
                + "\"override\":\"approved by ana over RATIO_LIMIT, CRISIS_PAUSE: Launch day\"")
        .contains(
            "\"signOff\":[{\"postId\":\"s1\",\"revision\":1,\"branchId\":\"eastside\","
                + "\"channelId\":\"eastside/FACEBOOK\",\"category\":\"CAMPAIGN\","
                + "\"campaignId\":\"budget-2027\",\"scheduledAt\":\"2026-12-02T21:00:00Z\","
                + "\"status\":\"APPROVED\",\"text\":\"Text of s1\","
                + "\"waitingSince\":\"2026-12-02T08:00:00Z\","
                + "\"timeLeft\":\"publishes in 9 h, at Wed 2 Dec, 15:00 CST, once signed\"},");
  }
}
