package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;
import static org.librarycampaign.governance.Lines.reviewed;

import java.util.List;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionStatus;
import library.campaign.events.PostDecision;
import library.campaign.events.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reviews and sign-off (services/governance/README.md#reviews) through the production topology:
 * each test asserts the exact decisions a review leads to, then that nothing else was written.
 */
class ReviewTopologyTest {

  private static final String REVIEWED_AT = "2026-11-28T09:00:00Z";

  private final GovernanceDriver driver = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    assertThat(driver.deadLetters()).isEmpty();
    driver.close();
  }

  private List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    return GovernanceDriver.lines(driver.decisions());
  }

  /** Three approved content posts this week (Mon, Wed, Thu) and campaign posts on Tue 1 Dec. */
  private List<PostDecision> contentThenCampaign(String... campaignPosts) {
    driver.send(content("c1").at("2026-11-30T15:00:00Z").line());
    driver.send(content("c2").at("2026-12-02T15:00:00Z").line());
    driver.send(content("c3").at("2026-12-03T15:00:00Z").line());
    for (int i = 0; i < campaignPosts.length; i++) {
      driver.send(campaign(campaignPosts[i]).drafted("2026-11-27T10:0" + (i + 1) + ":00Z").line());
    }
    return driver.decisions();
  }

  @Test
  void approvingAHeldPostApprovesItWithAnOverrideCountedInItsWeekAndFreesNoOtherPost() {
    List<PostDecision> before = contentThenCampaign("k1", "k2", "k3");
    assertThat(before)
        .extracting(PostDecision::getStatus)
        .containsExactly(
            DecisionStatus.APPROVED,
            DecisionStatus.APPROVED,
            DecisionStatus.APPROVED,
            DecisionStatus.APPROVED,
            DecisionStatus.HELD,
            DecisionStatus.HELD);
    DecisionReview approval = Expected.review(1, "APPROVE", "Board agreed", REVIEWED_AT, null);

    assertThat(send(reviewed("k2", 1, "APPROVE", "Board agreed", REVIEWED_AT, null)))
        .containsExactly(
            Expected.campaign("k2")
                .approved()
                .week(3, 2, 1)
                .decidedAt(REVIEWED_AT)
                .override("Board agreed", REVIEWED_AT)
                .trail(approval)
                .madeBy(approval)
                .line());

    // k3 stays held: the override counts like any approval, and the ratio is now over
    assertThat(send(content("c4").at("2026-12-04T15:00:00Z").drafted("2026-11-28T10:00:00Z")))
        .containsExactly(
            Expected.content("c4")
                .at("2026-12-04T15:00:00Z")
                .approved()
                .week(4, 2, 1)
                .decidedAt("2026-11-28T10:00:00Z")
                .line());
  }

  @Test
  void rejectingAnApprovedPostFreesItsPlaceForTheHeldQueue() {
    contentThenCampaign("k1", "k2");
    DecisionReview rejection = Expected.review(1, "REJECT", "Off message", REVIEWED_AT, null);

    assertThat(send(reviewed("k1", 1, "REJECT", "Off message", REVIEWED_AT, null)))
        .containsExactly(
            Expected.campaign("k1")
                .rejected(ReasonCode.REVIEW_REJECTED, "Rejected by reviewer ana: Off message")
                .week(3, 0, 1)
                .decidedAt(REVIEWED_AT)
                .trail(rejection)
                .madeBy(rejection)
                .line(),
            Expected.campaign("k2").released().week(3, 1, 1).decidedAt(REVIEWED_AT).line());
  }

  @Test
  void rejectingAHeldPostTakesItOutOfTheQueue() {
    contentThenCampaign("k1", "k2");
    DecisionReview rejection = Expected.review(1, "REJECT", "Duplicate", REVIEWED_AT, null);

    assertThat(send(reviewed("k2", 1, "REJECT", "Duplicate", REVIEWED_AT, null)))
        .containsExactly(
            Expected.campaign("k2")
                .rejected(ReasonCode.REVIEW_REJECTED, "Rejected by reviewer ana: Duplicate")
                .week(3, 1, 1)
                .decidedAt(REVIEWED_AT)
                .trail(rejection)
                .madeBy(rejection)
                .line());
    // a rejected post is not approved by a later review, nor rejected again
    assertThat(send(reviewed("k2", 1, "APPROVE", "Changed my mind", REVIEWED_AT, null))).isEmpty();
    assertThat(send(reviewed("k2", 1, "REJECT", "Again", REVIEWED_AT, null))).isEmpty();
  }

  @Test
  void aRescheduleIsTheNextRevisionAtTheNewTimeDecidedByEveryRule() {
    send(content("c1"));
    DecisionReview move =
        Expected.review(
            1, "RESCHEDULE", "Better on Wednesday", REVIEWED_AT, "2026-12-02T15:00:00Z");

    assertThat(
            send(
                reviewed(
                    "c1",
                    1,
                    "RESCHEDULE",
                    "Better on Wednesday",
                    REVIEWED_AT,
                    "2026-12-02T15:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .revision(2)
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(1, 0, 0)
                .decidedAt(REVIEWED_AT)
                .trail(move)
                .madeBy(move)
                .line());
    // the branch's own next revision is 3: a 2 is taken
    assertThat(send(content("c1").revision(2).drafted("2026-11-28T10:00:00Z"))).isEmpty();
  }

  @Test
  void aRescheduledCampaignPostIsHeldAgainWhenItsNewWeekHasNoRoom() {
    send(campaign("k1"));
    DecisionReview move =
        Expected.review(1, "RESCHEDULE", null, REVIEWED_AT, "2026-12-08T15:00:00Z");

    assertThat(send(reviewed("k1", 1, "RESCHEDULE", null, REVIEWED_AT, "2026-12-08T15:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .revision(2)
                .at("2026-12-08T15:00:00Z")
                .heldForRatio(
                    "Held: this week has 0 approved campaign posts and 0 content posts on"
                        + " eastside/FACEBOOK; 3 more content posts would free it",
                    3)
                .window("2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z", 0, 0, 0)
                .decidedAt(REVIEWED_AT)
                .trail(move)
                .madeBy(move)
                .line());
  }

  @Test
  void aReviewOfAnOlderRevisionAnUnknownPostOrAWithdrawnPostChangesNothing() {
    send(content("c1"));
    assertThat(send(content("c1").revision(2).drafted("2026-11-27T11:00:00Z"))).hasSize(1);

    assertThat(send(reviewed("c1", 1, "REJECT", "Stale", REVIEWED_AT, null))).isEmpty();
    assertThat(send(reviewed("c1", 3, "REJECT", "Not yet drafted", REVIEWED_AT, null))).isEmpty();
    assertThat(send(reviewed("nobody", 1, "REJECT", "Unknown", REVIEWED_AT, null))).isEmpty();
    assertThat(send(Lines.withdrawn("c1", "eastside", "posted twice", "2026-11-28T08:00:00Z")))
        .hasSize(1);
    assertThat(send(reviewed("c1", 2, "APPROVE", "Too late", REVIEWED_AT, null))).isEmpty();
    assertThat(send(reviewed("c1", 2, "RESCHEDULE", null, REVIEWED_AT, "2026-12-03T15:00:00Z")))
        .isEmpty();
  }

  @Test
  void aChannelThatRequiresSignOffForCampaignPostsShowsItAndAnApprovalSignsThatRevision() {
    driver.send(Lines.signOffPolicy("eastside", "FACEBOOK", "CAMPAIGN"));
    List<PostDecision> before = contentThenCampaign("k1", "k2");
    assertThat(before.subList(0, 3)).allMatch(d -> d.getSignOff() == null);
    assertThat(GovernanceDriver.lines(before.subList(3, 4)))
        .containsExactly(
            Expected.campaign("k1")
                .approved()
                .week(3, 1, 1)
                .decidedAt("2026-11-27T10:01:00Z")
                .signOff(null)
                .line());
    assertThat(before.get(4).getStatus()).isEqualTo(DecisionStatus.HELD);
    assertThat(before.get(4).getSignOff().getSignedBy()).isNull();
    DecisionReview signing = Expected.review(1, "APPROVE", "Checked", REVIEWED_AT, null);

    assertThat(send(reviewed("k1", 1, "APPROVE", "Checked", REVIEWED_AT, null)))
        .containsExactly(
            Expected.campaign("k1")
                .approved()
                .week(3, 1, 1)
                .decidedAt(REVIEWED_AT)
                .signOff(REVIEWED_AT)
                .trail(signing)
                .madeBy(signing)
                .line());
    // signed once: a second approval of the revision changes nothing
    assertThat(send(reviewed("k1", 1, "APPROVE", "Checked again", REVIEWED_AT, null))).isEmpty();

    // an override of a hold signs it too
    DecisionReview override = Expected.review(1, "APPROVE", "Urgent", REVIEWED_AT, null);
    assertThat(send(reviewed("k2", 1, "APPROVE", "Urgent", REVIEWED_AT, null)))
        .containsExactly(
            Expected.campaign("k2")
                .approved()
                .week(3, 2, 1)
                .decidedAt(REVIEWED_AT)
                .override("Urgent", REVIEWED_AT)
                .signOff(REVIEWED_AT)
                .trail(override)
                .madeBy(override)
                .line());
  }

  @Test
  void withoutSignOffAnApprovalOfAnApprovedPostChangesNothing() {
    send(content("c1"));

    assertThat(send(reviewed("c1", 1, "APPROVE", "Fine", REVIEWED_AT, null))).isEmpty();
  }

  @Test
  void aNewRevisionNeedsANewSignOff() {
    driver.send(Lines.signOffPolicy("eastside", "FACEBOOK", "ALL"));
    send(content("c1"));
    assertThat(send(reviewed("c1", 1, "APPROVE", "Checked", REVIEWED_AT, null))).hasSize(1);
    DecisionReview signing = Expected.review(1, "APPROVE", "Checked", REVIEWED_AT, null);

    assertThat(
            send(
                content("c1").revision(2).text("Story time moved").drafted("2026-11-28T10:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .revision(2)
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-28T10:00:00Z")
                .signOff(null)
                .trail(signing)
                .line());
  }
}
