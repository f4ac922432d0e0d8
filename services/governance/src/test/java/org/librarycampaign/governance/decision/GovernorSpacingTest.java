package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * Spacing and the weekly ceiling (services/governance/README.md#spacing-and-the-weekly-ceiling) on
 * the rules alone: eastside/FACEBOOK in UTC, one content post per campaign post, 4 posts a day.
 */
class GovernorSpacingTest {

  private static final Instant DRAFTED = Instant.parse("2026-11-01T00:00:00Z");

  private final MemoryState state = new MemoryState();
  private final Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));
  private int clock;

  private GovernorSpacingTest pacing(int minutes, int ceiling) {
    state.withRules(
        ChannelRules.of("eastside", Platform.FACEBOOK, 1, 4, ZoneOffset.UTC, true)
            .withPacing(new Pacing(minutes, ceiling)));
    return this;
  }

  private Instant next() {
    return Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * ++clock);
  }

  private static Draft post(String id, int revision, PostCategory category, String at) {
    return new Draft(
        id,
        revision,
        "eastside",
        Platform.FACEBOOK,
        category,
        category == PostCategory.CAMPAIGN ? "budget-2027" : null,
        "Tell the board: fund our library! https://example.org",
        List.of(),
        List.of("@CountyExec"),
        List.of(),
        1,
        Instant.parse(at),
        DRAFTED);
  }

  private List<String> content(String id, String at) {
    return summary(governor.onDrafted(post(id, 1, PostCategory.CONTENT, at), next()).decisions());
  }

  private List<String> campaign(String id, String at) {
    return summary(governor.onDrafted(post(id, 1, PostCategory.CAMPAIGN, at), next()).decisions());
  }

  private List<String> move(String id, int revision, PostCategory category, String at) {
    return summary(governor.onDrafted(post(id, revision, category, at), next()).decisions());
  }

  private List<String> withdraw(String id) {
    Instant at = next();
    return summary(governor.onWithdrawn(id, null, at, at).decisions());
  }

  private static List<String> summary(List<Decision> decisions) {
    return decisions.stream()
        .map(
            d ->
                d.postId()
                    + " "
                    + d.status()
                    + (d.released() ? " released" : "")
                    + d.reasons().stream().map(r -> " " + r.code()).reduce("", String::concat))
        .toList();
  }

  private BalanceLedger week(String monday) {
    return state
        .ledgers()
        .get(new WindowKey("eastside", Platform.FACEBOOK, java.time.LocalDate.parse(monday)));
  }

  @Test
  void withoutPacingPostsAtTheSameMinuteAreBothApprovedAndNoTimeIsKept() {
    pacing(0, 0);

    assertThat(content("c1", "2026-12-01T15:00:00Z")).containsExactly("c1 APPROVED");
    assertThat(content("c2", "2026-12-01T15:00:00Z")).containsExactly("c2 APPROVED");
    assertThat(week("2026-11-30").spaced()).isEmpty();
  }

  @Test
  void aPostLessThanTheMinimumAwayIsHeldAndOneExactlyAtItIsApproved() {
    pacing(30, 0);

    assertThat(content("c1", "2026-12-01T15:00:00Z")).containsExactly("c1 APPROVED");
    assertThat(content("c2", "2026-12-01T14:31:00Z")).containsExactly("c2 HELD TOO_CLOSE");
    assertThat(content("c3", "2026-12-01T15:29:00Z")).containsExactly("c3 HELD TOO_CLOSE");
    assertThat(content("c4", "2026-12-01T15:30:00Z")).containsExactly("c4 APPROVED");
    assertThat(content("c5", "2026-12-01T14:30:00Z")).containsExactly("c5 APPROVED");
    assertThat(week("2026-11-30").spaced())
        .extracting(BalanceLedger.Spaced::postId)
        .containsExactly("c5", "c1", "c4");
    assertThat(week("2026-11-30").held())
        .extracting(BalanceLedger.Held::postId)
        .containsExactly("c2", "c3");
  }

  @Test
  void aWithdrawalReleasesTheHeldPostsThatAreThenFreeOldestFirst() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    content("c2", "2026-12-01T15:10:00Z");
    content("c3", "2026-12-01T14:50:00Z");
    content("c4", "2026-12-01T15:50:00Z");

    assertThat(withdraw("c1")).containsExactly("c1 WITHDRAWN WITHDRAWN", "c2 APPROVED released");
    assertThat(week("2026-11-30").held())
        .extracting(BalanceLedger.Held::postId)
        .containsExactly("c3");
    assertThat(withdraw("c2")).containsExactly("c2 WITHDRAWN WITHDRAWN", "c3 APPROVED released");
  }

  @Test
  void aMoveReleasesTheHeldPostBeforeTheMovedPostIsDecided() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    content("c2", "2026-12-01T15:10:00Z");

    assertThat(move("c1", 2, PostCategory.CONTENT, "2026-12-03T15:00:00Z"))
        .containsExactly("c2 APPROVED released", "c1 APPROVED");
    assertThat(week("2026-11-30").spaced())
        .extracting(BalanceLedger.Spaced::postId)
        .containsExactly("c2", "c1");
  }

  @Test
  void freeingATimeNearTheWeeksEdgeReleasesThePostWaitingInTheNextWeek() {
    pacing(60, 0);
    content("c1", "2026-12-06T23:30:00Z");
    assertThat(content("c2", "2026-12-07T00:10:00Z")).containsExactly("c2 HELD TOO_CLOSE");
    assertThat(content("c3", "2026-12-06T22:50:00Z")).containsExactly("c3 HELD TOO_CLOSE");

    assertThat(withdraw("c1"))
        .containsExactly("c1 WITHDRAWN WITHDRAWN", "c3 APPROVED released", "c2 APPROVED released");
    assertThat(week("2026-11-30").held()).isEmpty();
    assertThat(week("2026-12-07").held()).isEmpty();
  }

  @Test
  void movingAPostNearTheWeeksEdgeAlsoReleasesTheOtherWeek() {
    pacing(60, 0);
    content("c1", "2026-12-07T00:20:00Z");
    assertThat(content("c2", "2026-12-06T23:50:00Z")).containsExactly("c2 HELD TOO_CLOSE");

    assertThat(move("c1", 2, PostCategory.CONTENT, "2026-12-09T12:00:00Z"))
        .containsExactly("c2 APPROVED released", "c1 APPROVED");
  }

  @Test
  void aPostFreeOfSpacingOnAFullDayWaitsForRoomOnItsDay() {
    pacing(30, 0);
    content("x", "2026-11-30T23:50:00Z");
    assertThat(content("c2", "2026-12-01T00:10:00Z")).containsExactly("c2 HELD TOO_CLOSE");
    for (int i = 0; i < 4; i++) {
      content("d" + i, "2026-12-01T1" + i + ":00:00Z");
    }

    assertThat(withdraw("x")).containsExactly("x WITHDRAWN WITHDRAWN");
    assertThat(withdraw("d0")).containsExactly("d0 WITHDRAWN WITHDRAWN", "c2 APPROVED released");
  }

  @Test
  void inACrisisAHeldContentPostIsReleasedButCampaignPostsWait() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    content("c2", "2026-12-02T15:00:00Z");
    assertThat(content("c3", "2026-12-01T15:10:00Z")).containsExactly("c3 HELD TOO_CLOSE");
    assertThat(campaign("k1", "2026-12-02T15:20:00Z")).containsExactly("k1 HELD TOO_CLOSE");
    governor.onIncidentReported("eastside", "i1", Severity.HIGH);

    assertThat(withdraw("c1")).containsExactly("c1 WITHDRAWN WITHDRAWN", "c3 APPROVED released");
    assertThat(withdraw("c2")).containsExactly("c2 WITHDRAWN WITHDRAWN");
    assertThat(summary(governor.onIncidentResolved("eastside", "i1", next()).decisions()))
        .containsExactly("k1 APPROVED released");
  }

  @Test
  void aCampaignPostTheRatioWouldLetInStillWaitsWhileTooClose() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    assertThat(campaign("k1", "2026-12-01T15:10:00Z")).containsExactly("k1 HELD TOO_CLOSE");
    assertThat(campaign("k2", "2026-12-03T15:00:00Z")).containsExactly("k2 APPROVED");
    assertThat(campaign("k3", "2026-12-04T15:00:00Z")).containsExactly("k3 HELD RATIO_LIMIT");

    // the new content post lets one campaign post in: k1 is older but still too close, so k3 goes
    assertThat(content("c2", "2026-12-05T15:00:00Z"))
        .containsExactly("c2 APPROVED", "k3 APPROVED released");
  }

  @Test
  void theWeeklyCeilingHoldsCampaignPostsAndAWithdrawalReleasesTheOldest() {
    pacing(0, 1);
    content("c1", "2026-12-01T15:00:00Z");
    content("c2", "2026-12-02T15:00:00Z");
    content("c3", "2026-12-03T15:00:00Z");
    assertThat(campaign("k1", "2026-12-01T16:00:00Z")).containsExactly("k1 APPROVED");
    assertThat(campaign("k2", "2026-12-02T16:00:00Z"))
        .containsExactly("k2 HELD WEEKLY_CAMPAIGN_LIMIT");
    assertThat(campaign("k3", "2026-12-03T16:00:00Z"))
        .containsExactly("k3 HELD WEEKLY_CAMPAIGN_LIMIT");
    assertThat(content("c4", "2026-12-04T15:00:00Z")).containsExactly("c4 APPROVED");

    assertThat(withdraw("k1")).containsExactly("k1 WITHDRAWN WITHDRAWN", "k2 APPROVED released");
    assertThat(move("k2", 2, PostCategory.CAMPAIGN, "2026-12-09T16:00:00Z"))
        .containsExactly("k3 APPROVED released", "k2 HELD RATIO_LIMIT");
  }

  @Test
  void aHeldPostWhoseRecordIsNoLongerHeldLeavesTheQueue() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    content("c2", "2026-12-01T15:10:00Z");
    BalanceLedger ledger = week("2026-11-30");
    ledger.hold("ghost", java.time.LocalDate.parse("2026-12-02"));
    state.saveLedger(ledger);

    assertThat(withdraw("c1")).containsExactly("c1 WITHDRAWN WITHDRAWN", "c2 APPROVED released");
    assertThat(week("2026-11-30").held()).isEmpty();
  }

  @Test
  void aWalkThatOnlyDropsAStaleEntryStillStoresTheQueue() {
    pacing(30, 0);
    content("c1", "2026-12-01T15:00:00Z");
    BalanceLedger ledger = week("2026-11-30");
    ledger.hold("ghost", java.time.LocalDate.parse("2026-12-02"));
    state.saveLedger(ledger);
    governor.onIncidentReported("eastside", "i1", Severity.HIGH);

    assertThat(governor.onIncidentResolved("eastside", "i1", next()).decisions()).isEmpty();
    assertThat(week("2026-11-30").held()).isEmpty();
  }
}
