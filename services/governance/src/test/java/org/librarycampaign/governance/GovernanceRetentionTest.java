package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.content;

import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetter;
import library.campaign.events.PostDecision;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Retention (README: "Retention"): the posts and the ledger of a week are forgotten once the week
 * ended more than the horizon before the newest input record; a later draft of a forgotten post is
 * decided as a new post in an empty week, a later withdrawal of it changes nothing.
 */
class GovernanceRetentionTest {

  /** The week of Tue 1 Dec (Mon 30 Nov) is over by Tue 8 Dec 00:00 UTC: forgotten after Dec 18. */
  private static final Map<String, String> TEN_DAYS =
      Map.of("campaign.retention.horizon", "P10D", "campaign.retention.check-interval", "1h");

  private GovernanceDriver driver = new GovernanceDriver(CampaignConfig.of(TEN_DAYS), Map.of());

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
  }

  private List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    List<PostDecision> decisions = driver.decisions();
    return GovernanceDriver.lines(decisions);
  }

  @Test
  void aWeekPastTheHorizonIsForgottenAndALaterDraftOfItIsDecidedAfresh() {
    assertThat(send(content("c1"), content("c2"), content("c3"))).hasSize(3);

    // within the horizon: the post and the full day are remembered
    assertThat(send(content("c1").drafted("2026-12-17T12:00:00Z")))
        .as("the same revision again: nothing")
        .isEmpty();
    assertThat(send(content("c4").drafted("2026-12-17T12:00:00Z")))
        .containsExactly(
            Expected.content("c4")
                .rejectedForDay(
                    "Rejected: Facebook allows 3 posts a day on eastside/FACEBOOK and Tue 1 Dec"
                        + " already has 3; next day with room: Wed 2 Dec",
                    "2026-12-02")
                .week(3, 0, 1)
                .decidedAt("2026-12-17T12:00:00Z")
                .line());

    // an input record more than ten days after the week's end moves stream time past the horizon
    assertThat(send(content("d1").at("2027-01-05T15:00:00Z").drafted("2026-12-18T01:00:00Z")))
        .containsExactly(
            Expected.content("d1")
                .at("2027-01-05T15:00:00Z")
                .approved()
                .window("2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z", 1, 0, 0)
                .decidedAt("2026-12-18T01:00:00Z")
                .line());

    assertThat(
            send(
                Lines.withdrawn("c2", "eastside", "posted twice", "2026-12-18T02:00:00Z"),
                Lines.withdrawn("c4", "eastside", "posted twice", "2026-12-18T02:00:00Z")))
        .as("withdrawals of forgotten posts: unknown posts, nothing")
        .isEmpty();
    assertThat(send(content("c1").drafted("2026-12-18T03:00:00Z")))
        .as("a forgotten post is decided as a new one, in a week counted from nothing")
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-12-18T03:00:00Z")
                .line());
  }

  @Test
  void aForgottenPostsReviewsAreForgottenWithIt() {
    assertThat(send(content("c1"))).hasSize(1);
    assertThat(send(Lines.reviewed("c1", 1, "REJECT", "Off message", "2026-11-28T09:00:00Z", null)))
        .hasSize(1);

    assertThat(send(content("d1").at("2027-01-05T15:00:00Z").drafted("2026-12-18T01:00:00Z")))
        .hasSize(1);

    assertThat(send(content("c1").drafted("2026-12-18T03:00:00Z")))
        .as("decided afresh, without the old audit trail")
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-12-18T03:00:00Z")
                .line());
  }

  @Test
  void aForgottenPostsIdIsNoLongerItsBranchsAndAnotherBranchMayDraftIt() {
    assertThat(send(content("c1"))).hasSize(1);
    assertThat(send(content("c1").branch("westside").revision(2).drafted("2026-12-17T12:00:00Z")))
        .as("within the horizon the id is eastside's")
        .isEmpty();
    assertThat(driver.deadLetters())
        .map(DeadLetter.class::cast)
        .extracting(DeadLetter::getErrorMessage)
        .containsExactly("OWNERSHIP: postId c1 of branch westside belongs to another branch");

    assertThat(send(content("d1").at("2027-01-05T15:00:00Z").drafted("2026-12-18T01:00:00Z")))
        .hasSize(1);

    // docs/ARCHITECTURE.md#ownership-and-placement: the post record named the owner and is gone,
    // so westside's task decides the draft (in westside's own week); the decision gate, which
    // retention does not touch, still refuses westside's decision about eastside's id
    assertThat(send(content("c1").branch("westside").drafted("2026-12-18T03:00:00Z"))).isEmpty();
    assertThat(driver.deadLetters())
        .map(DeadLetter.class::cast)
        .extracting(DeadLetter::getSourceTopic, DeadLetter::getErrorMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "campaign-governance-governance-decision-by-id-repartition",
                "OWNERSHIP: postId c1 of branch westside belongs to another branch"));
    KeyValueStore<String, PostRecord> posts =
        driver.harness().driver().getKeyValueStore(GovernanceTopology.POSTS_STORE);
    assertThat(posts.get("c1").branchId())
        .as("the task's record is westside's now")
        .isEqualTo("westside");
  }

  @Test
  void theDefaultHorizonIsNinetyDays() {
    driver.close();
    driver = new GovernanceDriver(CampaignConfig.of(Map.of()), Map.of());
    assertThat(send(content("c1"))).hasSize(1);

    // 90 days after the week's end (Tue 8 Dec 00:00 UTC) and an hour: still remembered at 89
    assertThat(send(content("c1").drafted("2027-03-07T12:00:00Z"))).isEmpty();
    assertThat(send(content("x").at("2027-03-20T15:00:00Z").drafted("2027-03-08T01:00:00Z")))
        .hasSize(1);
    assertThat(send(content("c1").drafted("2027-03-08T02:00:00Z"))).hasSize(1);
  }
}
