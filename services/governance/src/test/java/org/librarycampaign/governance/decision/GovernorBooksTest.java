package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.policy.ChannelRules;

/** What the Governor keeps in its state, and what it answers, beyond the decisions. */
class GovernorBooksTest {

  private static final Instant DRAFTED = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant AT = Instant.parse("2026-11-20T00:00:00Z");

  private final MemoryState state = new MemoryState();
  private final Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));

  private static Draft draft(String id, PostCategory category, int day) {
    return new Draft(
        id,
        1,
        "eastside",
        Platform.FACEBOOK,
        category,
        category == PostCategory.CAMPAIGN ? "budget" : null,
        category == PostCategory.CAMPAIGN
            ? "Tell the board: fund our library! https://example.org @CountyExec"
            : "Story time",
        List.of(),
        List.of(),
        List.of(),
        1,
        Instant.parse(String.format("2026-12-%02dT15:00:00Z", day)),
        DRAFTED);
  }

  @Test
  void incidentsAnswerNothing() {
    assertThat(governor.onIncidentReported("eastside", "i1", Severity.HIGH))
        .isEqualTo(Outcome.NOTHING);
    assertThat(governor.onIncidentResolved("eastside", "i1", AT)).isEqualTo(Outcome.NOTHING);
    assertThat(governor.onIncidentResolved("eastside", "i1", AT)).isEqualTo(Outcome.NOTHING);
    assertThat(governor.onIncidentReported("eastside", "i1", Severity.HIGH))
        .isEqualTo(Outcome.NOTHING);
    assertThat(state.crises("eastside").isActive()).isFalse();
  }

  @Test
  void aReleasedPostIsStoredApproved() {
    governor.onDrafted(draft("k1", PostCategory.CAMPAIGN, 1), AT);
    assertThat(state.post("k1").orElseThrow().status()).isEqualTo(DecisionStatus.HELD);

    for (int i = 1; i <= 3; i++) {
      governor.onDrafted(draft("c" + i, PostCategory.CONTENT, i), AT);
    }

    PostRecord released = state.post("k1").orElseThrow();
    assertThat(released.status()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(released.released()).isTrue();
  }

  @Test
  void aCrisisEndReleasesTheOldestWeekFirstThenByChannel() {
    state.withRules(ChannelRules.of("eastside", Platform.X, 1, null, null, null));
    governor.onIncidentReported("eastside", "i1", Severity.HIGH);
    governor.onDrafted(draft("late", PostCategory.CAMPAIGN, 8), AT);
    governor.onDrafted(reposted(draft("x1", PostCategory.CAMPAIGN, 2), Platform.X), AT);
    governor.onDrafted(draft("early", PostCategory.CAMPAIGN, 2), AT);
    for (int day : new int[] {1, 2, 3, 8, 9, 10}) {
      governor.onDrafted(draft("c" + day, PostCategory.CONTENT, day), AT);
    }
    governor.onDrafted(reposted(draft("cx", PostCategory.CONTENT, 1), Platform.X), AT);

    List<String> released =
        new ReversedState(state).resolve().decisions().stream().map(Decision::postId).toList();

    assertThat(released).containsExactly("early", "x1", "late");
  }

  private static Draft reposted(Draft draft, Platform platform) {
    return new Draft(
        draft.postId(),
        draft.revision(),
        draft.branchId(),
        platform,
        draft.category(),
        draft.campaignId(),
        draft.text(),
        draft.hashtags(),
        draft.mentions(),
        draft.links(),
        draft.mediaCount(),
        draft.scheduledAt(),
        draft.draftedAt());
  }

  /** The held ledgers handed over newest week and last channel first: the Governor must sort. */
  private static final class ReversedState implements GovernanceState {
    private final MemoryState inner;

    ReversedState(MemoryState inner) {
      this.inner = inner;
    }

    Outcome resolve() {
      return new Governor(this, new PostChecks(CallToAction.defaults()))
          .onIncidentResolved("eastside", "i1", AT);
    }

    @Override
    public Optional<PostRecord> post(String postId) {
      return inner.post(postId);
    }

    @Override
    public void savePost(PostRecord post) {
      inner.savePost(post);
    }

    @Override
    public Optional<BalanceLedger> ledger(WindowKey key) {
      return inner.ledger(key);
    }

    @Override
    public void saveLedger(BalanceLedger ledger) {
      inner.saveLedger(ledger);
    }

    @Override
    public List<BalanceLedger> ledgersWithHeldPosts(String branchId) {
      List<BalanceLedger> sorted = new ArrayList<>(inner.ledgersWithHeldPosts(branchId));
      sorted.sort(Comparator.comparing((BalanceLedger l) -> l.key()).reversed());
      return sorted;
    }

    @Override
    public BranchCrises crises(String branchId) {
      return inner.crises(branchId);
    }

    @Override
    public void saveCrises(String branchId, BranchCrises crises) {
      inner.saveCrises(branchId, crises);
    }

    @Override
    public boolean isResolved(String branchId, String incidentId) {
      return inner.isResolved(branchId, incidentId);
    }

    @Override
    public void markResolved(String branchId, String incidentId, Instant at) {
      inner.markResolved(branchId, incidentId, at);
    }

    @Override
    public ChannelRules rules(String branchId, Platform platform) {
      return inner.rules(branchId, platform);
    }

    @Override
    public Optional<HashtagUse> firstUse(String normalizedHashtag) {
      return inner.firstUse(normalizedHashtag);
    }

    @Override
    public Optional<HashtagUse> sentUse(String normalizedHashtag) {
      return inner.sentUse(normalizedHashtag);
    }

    @Override
    public void saveSentUse(HashtagUse use) {
      inner.saveSentUse(use);
    }
  }

  @Test
  void onlyApprovedAndHeldPostsAreLiveAndOnlyHeldOnesKeepTheirWarnings() {
    Warning advice = Warning.of(WarningCode.NO_VISUAL, "No visual");
    PostRecord held =
        new PostRecord(
            "k1",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            "budget",
            AT,
            DRAFTED,
            WindowKey.of("eastside", Platform.FACEBOOK, LocalDate.parse("2026-12-01")),
            LocalDate.parse("2026-12-01"),
            DecisionStatus.HELD,
            false,
            List.of(advice));

    assertThat(held.isLive()).isTrue();
    assertThat(held.withStatus(DecisionStatus.APPROVED, true).isLive()).isTrue();
    assertThat(held.withStatus(DecisionStatus.REJECTED, false).isLive()).isFalse();
    assertThat(held.withStatus(DecisionStatus.WITHDRAWN, false).isLive()).isFalse();
    assertThat(held.withStatus(DecisionStatus.HELD, false).warnings()).containsExactly(advice);
    assertThat(held.withStatus(DecisionStatus.APPROVED, true).warnings()).isEmpty();
  }

  @Test
  void theRulesHandleReadsTheSharedRules() {
    ChannelRules rules =
        ChannelRules.of("eastside", Platform.X, null, 4, ZoneId.of("Europe/Paris"), null);

    assertThat(rules.maxPostsPerDay()).isEqualTo(4);
    assertThat(rules.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(rules.channelId()).isEqualTo("eastside/X");
  }
}
