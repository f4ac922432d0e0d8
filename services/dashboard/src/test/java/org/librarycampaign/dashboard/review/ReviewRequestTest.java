package org.librarycampaign.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.login.Reviewers;

class ReviewRequestTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final Reviewers REVIEWERS =
      Reviewers.of(Map.of("director", Set.of("*"), "lead", Set.of("westside")));

  private static PostFact post(String postId, int revision, String branch, boolean withdrawn) {
    return new PostFact(
        postId,
        revision,
        branch,
        "FACEBOOK",
        "CAMPAIGN",
        "budget-2027",
        "Text of " + postId,
        List.of(),
        List.of(),
        List.of(),
        0,
        NOW.plusSeconds(86_400),
        "jlee",
        NOW.minusSeconds(3600),
        withdrawn,
        withdrawn ? "duplicate" : null,
        withdrawn ? NOW.minusSeconds(60) : null);
  }

  private static DecisionFact decision(String postId, int revision, String branch, String status) {
    return new DecisionFact(
        postId,
        revision,
        branch,
        branch + "/FACEBOOK",
        "CAMPAIGN",
        "budget-2027",
        NOW.plusSeconds(86_400),
        status,
        false,
        List.of(),
        List.of(),
        null,
        NOW.minusSeconds(3000));
  }

  private static final Facts FACTS =
      Facts.builder()
          .posts(
              List.of(
                  post("held-1", 4, "eastside", false),
                  post("ok-1", 2, "westside", false),
                  post("gone-1", 1, "eastside", true),
                  post("new-1", 5, "westside", false)))
          .decisions(
              List.of(
                  decision("held-1", 4, "eastside", "HELD"),
                  decision("ok-1", 2, "westside", "APPROVED"),
                  decision("new-1", 4, "westside", "HELD")))
          .build();

  private static ReviewRequest.Outcome check(String user, String... fields) {
    Map<String, String> form = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return ReviewRequest.check(form, user, REVIEWERS, FACTS, NOW);
  }

  private static Map<String, String> errors(ReviewRequest.Outcome outcome) {
    assertThat(outcome).isInstanceOf(ReviewRequest.Invalid.class);
    return ((ReviewRequest.Invalid) outcome).errors();
  }

  @Test
  void aReviewerApprovesAHeldPostWithAReasonAsTheLoggedInUser() {
    ReviewRequest.Outcome outcome =
        check(
            "director",
            "postId",
            "held-1",
            "revision",
            "4",
            "action",
            "APPROVE",
            "reason",
            "  The statement does not mention the book.  ",
            "branchId",
            "westside");

    assertThat(outcome)
        .isEqualTo(
            new ReviewRequest.Accepted(
                new Review(
                    "held-1",
                    4,
                    "eastside",
                    "FACEBOOK",
                    "APPROVE",
                    "The statement does not mention the book.",
                    "director",
                    NOW,
                    null)));
  }

  @Test
  void aReasonIsRequiredToApproveOrRejectAndHasBounds() {
    assertThat(errors(check("director", "postId", "held-1", "revision", "4", "action", "APPROVE")))
        .containsExactly(Map.entry("reason", "say why: the reason is kept with the decision"));
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "held-1",
                    "revision",
                    "4",
                    "action",
                    "REJECT",
                    "reason",
                    " ok ")))
        .containsExactly(Map.entry("reason", "the reason must be at least 3 characters"));
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "held-1",
                    "revision",
                    "4",
                    "action",
                    "REJECT",
                    "reason",
                    "x".repeat(501))))
        .containsExactly(Map.entry("reason", "the reason must be at most 500 characters, got 501"));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    assertThat(errors(check("director", "revision", "four", "action", "PUBLISH")))
        .containsOnlyKeys("postId", "revision", "action")
        .containsEntry("revision", "revision must be a whole number, got 'four'")
        .containsEntry("action", "action must be APPROVE, REJECT or RESCHEDULE, got 'PUBLISH'")
        .containsEntry("postId", "postId is required");
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "nope",
                    "revision",
                    "1",
                    "action",
                    "REJECT",
                    "reason",
                    "spam")))
        .containsExactly(Map.entry("postId", "no post nope is known"));
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "gone-1",
                    "revision",
                    "1",
                    "action",
                    "REJECT",
                    "reason",
                    "spam")))
        .containsExactly(Map.entry("postId", "post gone-1 was withdrawn by its branch"));
  }

  @Test
  void onlyReviewersOfThePostsBranchMayReview() {
    assertThat(
            check(
                "lead",
                "postId",
                "held-1",
                "revision",
                "4",
                "action",
                "APPROVE",
                "reason",
                "fine by me"))
        .isEqualTo(new ReviewRequest.Forbidden("lead does not review the posts of eastside"));
    assertThat(
            check(
                "viewer",
                "postId",
                "held-1",
                "revision",
                "4",
                "action",
                "APPROVE",
                "reason",
                "fine by me"))
        .isEqualTo(new ReviewRequest.Forbidden("viewer does not review the posts of eastside"));
    assertThat(
            check(
                "lead",
                "postId",
                "ok-1",
                "revision",
                "2",
                "action",
                "REJECT",
                "reason",
                "off message"))
        .isInstanceOf(ReviewRequest.Accepted.class);
  }

  @Test
  void aReviewOfAnOlderRevisionOrOfAPostNoLongerHeldIsStale() {
    ReviewRequest.Outcome older =
        check(
            "director",
            "postId",
            "held-1",
            "revision",
            "3",
            "action",
            "APPROVE",
            "reason",
            "fine by me");
    ReviewRequest.Outcome approved =
        check(
            "director",
            "postId",
            "ok-1",
            "revision",
            "2",
            "action",
            "APPROVE",
            "reason",
            "fine by me");
    ReviewRequest.Outcome undecided =
        check(
            "director",
            "postId",
            "new-1",
            "revision",
            "5",
            "action",
            "APPROVE",
            "reason",
            "fine by me");

    assertThat(older)
        .isEqualTo(
            new ReviewRequest.Invalid(
                Map.of(
                    "revision",
                    "revision 3 is no longer the post's latest (4); look at the new revision and"
                        + " review that"),
                true));
    assertThat(approved)
        .isEqualTo(
            new ReviewRequest.Invalid(
                Map.of("action", "only a held post can be approved; ok-1 is approved"), true));
    assertThat(undecided)
        .isEqualTo(
            new ReviewRequest.Invalid(
                Map.of(
                    "action", "revision 5 has no decision yet; only a held post can be approved"),
                true));
  }

  @Test
  void anApprovedPostWaitingForSignOffCanBeApprovedToSignItButNotOnceSigned() {
    DecisionFact waiting = decision("ok-1", 2, "westside", "APPROVED");
    Facts facts =
        Facts.builder()
            .posts(List.of(post("ok-1", 2, "westside", false), post("ok-2", 1, "westside", false)))
            .decisions(
                List.of(
                    withSignOff(waiting, new DecisionFact.SignOff(true, null, null)),
                    withSignOff(
                        decision("ok-2", 1, "westside", "APPROVED"),
                        new DecisionFact.SignOff(true, "ana", NOW.minusSeconds(60)))))
            .build();
    Map<String, String> form =
        Map.of("postId", "ok-1", "revision", "2", "action", "APPROVE", "reason", "Signed off");

    assertThat(ReviewRequest.check(form, "director", REVIEWERS, facts, NOW))
        .isEqualTo(
            new ReviewRequest.Accepted(
                new Review(
                    "ok-1",
                    2,
                    "westside",
                    "FACEBOOK",
                    "APPROVE",
                    "Signed off",
                    "director",
                    NOW,
                    null)));
    assertThat(
            ReviewRequest.check(
                Map.of("postId", "ok-2", "revision", "1", "action", "APPROVE", "reason", "Again"),
                "director",
                REVIEWERS,
                facts,
                NOW))
        .isEqualTo(
            new ReviewRequest.Invalid(
                Map.of("action", "only a held post can be approved; ok-2 is approved"), true));
  }

  private static DecisionFact withSignOff(DecisionFact d, DecisionFact.SignOff signOff) {
    return new DecisionFact(
        d.postId(),
        d.revision(),
        d.branchId(),
        d.channelId(),
        d.category(),
        d.campaignId(),
        d.scheduledAt(),
        d.status(),
        d.released(),
        d.reasons(),
        d.warnings(),
        d.window(),
        d.decidedAt(),
        null,
        List.of(),
        signOff);
  }

  @Test
  void aRescheduleNeedsANewTimeInTheFutureAndNoReason() {
    ReviewRequest.Outcome applied =
        check(
            "director",
            "postId",
            "held-1",
            "revision",
            "4",
            "action",
            "RESCHEDULE",
            "scheduledAt",
            "2026-12-05T20:00:00Z");

    assertThat(applied)
        .isEqualTo(
            new ReviewRequest.Accepted(
                new Review(
                    "held-1",
                    4,
                    "eastside",
                    "FACEBOOK",
                    "RESCHEDULE",
                    null,
                    "director",
                    NOW,
                    Instant.parse("2026-12-05T20:00:00Z"))));
    assertThat(
            errors(check("director", "postId", "held-1", "revision", "4", "action", "RESCHEDULE")))
        .containsExactly(Map.entry("scheduledAt", "scheduledAt is required to reschedule"));
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "held-1",
                    "revision",
                    "4",
                    "action",
                    "RESCHEDULE",
                    "scheduledAt",
                    "2026-12-01T20:00:00Z")))
        .containsExactly(
            Map.entry("scheduledAt", "the new time 2026-12-01T20:00:00Z has already passed"));
    assertThat(
            errors(
                check(
                    "director",
                    "postId",
                    "held-1",
                    "revision",
                    "4",
                    "action",
                    "RESCHEDULE",
                    "scheduledAt",
                    "Saturday 8pm")))
        .containsExactly(
            Map.entry(
                "scheduledAt",
                "scheduledAt must be an ISO-8601 instant such as 2026-12-05T20:00:00Z, got"
                    + " 'Saturday 8pm'"));
  }
}
