package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import org.junit.jupiter.api.Test;

class BalanceLedgerTest {

  private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
  private final BalanceLedger ledger =
      new BalanceLedger(WindowKey.of("eastside", Platform.FACEBOOK, TUESDAY));

  @Test
  void theRatioAllowsOneCampaignPostPerFullSetOfContentPosts() {
    assertThat(ledger.ratioAllowsCampaign(3)).isFalse();
    ledger.approve(PostCategory.CONTENT, TUESDAY);
    ledger.approve(PostCategory.CONTENT, TUESDAY);
    assertThat(ledger.ratioAllowsCampaign(3)).isFalse();
    assertThat(ledger.contentPostsNeeded(3, 0)).isEqualTo(1);

    ledger.approve(PostCategory.CONTENT, TUESDAY.plusDays(1));

    assertThat(ledger.ratioAllowsCampaign(3)).isTrue();
    ledger.approve(PostCategory.CAMPAIGN, TUESDAY);
    assertThat(ledger.ratioAllowsCampaign(3)).isFalse();
    assertThat(ledger.contentPostsNeeded(3, 0)).isEqualTo(3);
    assertThat(ledger.contentPostsNeeded(3, 2)).isEqualTo(9);
  }

  @Test
  void approvalsAreCountedPerLocalDayAndFreedAgain() {
    ledger.approve(PostCategory.CONTENT, TUESDAY);
    ledger.approve(PostCategory.CAMPAIGN, TUESDAY);

    ledger.unapprove(PostCategory.CONTENT, TUESDAY);

    assertThat(ledger.approvedOn(TUESDAY)).isEqualTo(1);
    assertThat(ledger.approvedContent()).isZero();
    assertThat(ledger.approvedCampaign()).isEqualTo(1);
    ledger.unapprove(PostCategory.CAMPAIGN, TUESDAY);
    assertThat(ledger.approvedPerDay()).isEmpty();
    assertThat(ledger.isEmpty()).isTrue();
  }

  @Test
  void theHeldQueueKeepsArrivalOrderAndARepeatedHoldGoesToTheBack() {
    ledger.hold("a", TUESDAY);
    ledger.hold("b", TUESDAY);
    ledger.hold("c", TUESDAY.plusDays(1));

    ledger.hold("a", TUESDAY.plusDays(2));
    assertThat(ledger.unhold("b")).isTrue();
    assertThat(ledger.unhold("b")).isFalse();

    assertThat(ledger.held())
        .containsExactly(
            new BalanceLedger.Held("c", TUESDAY.plusDays(1)),
            new BalanceLedger.Held("a", TUESDAY.plusDays(2)));
    assertThat(ledger.isEmpty()).isFalse();
  }

  @Test
  void aDayOutsideTheWeekIsRefused() {
    assertThatThrownBy(() -> ledger.approve(PostCategory.CONTENT, TUESDAY.plusDays(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-12-07");
  }
}
