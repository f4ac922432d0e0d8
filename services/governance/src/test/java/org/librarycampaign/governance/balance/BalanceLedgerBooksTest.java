package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import org.junit.jupiter.api.Test;

/** The ledger's own bookkeeping: floors, room, equality as the state stores compare it. */
class BalanceLedgerBooksTest {

  private static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");
  private static final WindowKey WEEK = WindowKey.of("eastside", Platform.FACEBOOK, TUESDAY);

  @Test
  void freeingMoreThanWasApprovedStopsAtZero() {
    BalanceLedger ledger = new BalanceLedger(WEEK);
    ledger.approve(PostCategory.CAMPAIGN, TUESDAY);

    ledger.unapprove(PostCategory.CONTENT, TUESDAY.plusDays(1));
    ledger.unapprove(PostCategory.CAMPAIGN, TUESDAY);
    ledger.unapprove(PostCategory.CAMPAIGN, TUESDAY);

    assertThat(ledger.approvedContent()).isZero();
    assertThat(ledger.approvedCampaign()).isZero();
    assertThat(ledger.approvedPerDay()).isEmpty();
  }

  @Test
  void aDayOutsideTheWeekCannotBeFreed() {
    BalanceLedger ledger = new BalanceLedger(WEEK);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ledger.unapprove(PostCategory.CONTENT, TUESDAY.minusDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDayHasRoomBelowTheCap() {
    BalanceLedger ledger = new BalanceLedger(WEEK);
    ledger.approve(PostCategory.CONTENT, TUESDAY);
    ledger.approve(PostCategory.CONTENT, TUESDAY);

    assertThat(ledger.approvedOn(TUESDAY)).isEqualTo(2);
    assertThat(ledger.hasRoomOn(TUESDAY, 3)).isTrue();
    assertThat(ledger.hasRoomOn(TUESDAY, 2)).isFalse();
    assertThat(ledger.approvedPerDay()).containsExactly(Map.entry(TUESDAY, 2));
  }

  @Test
  void aLedgerWithOnlyHeldPostsHasHeldAndIsKept() {
    BalanceLedger ledger = new BalanceLedger(WEEK);
    assertThat(ledger.hasHeld()).isFalse();

    ledger.hold("k1", TUESDAY);

    assertThat(ledger.hasHeld()).isTrue();
    assertThat(ledger.isEmpty()).isFalse();
    assertThat(ledger.key()).isEqualTo(WEEK);
  }

  @Test
  void onlyApprovedContentOrCampaignAloneMakesALedgerWorthKeeping() {
    BalanceLedger content = new BalanceLedger(WEEK, 1, 0, Map.of(TUESDAY, 1), List.of());
    BalanceLedger campaign = new BalanceLedger(WEEK, 0, 1, Map.of(TUESDAY, 1), List.of());

    assertThat(content.isEmpty()).isFalse();
    assertThat(campaign.isEmpty()).isFalse();
  }

  @Test
  void ledgersWithTheSameBooksAreEqual() {
    BalanceLedger one = books(2, 1, "k1");

    assertThat(one).isEqualTo(books(2, 1, "k1")).hasSameHashCodeAs(books(2, 1, "k1"));
    assertThat(one)
        .isNotEqualTo(books(3, 1, "k1"))
        .isNotEqualTo(books(2, 0, "k1"))
        .isNotEqualTo(books(2, 1, "k2"))
        .isNotEqualTo(
            new BalanceLedger(WEEK, 2, 1, Map.of(TUESDAY.plusDays(1), 3), List.of(held("k1"))))
        .isNotEqualTo(
            new BalanceLedger(
                WindowKey.of("westside", Platform.FACEBOOK, TUESDAY),
                2,
                1,
                Map.of(TUESDAY, 3),
                List.of(held("k1"))))
        .isNotEqualTo("a ledger");
    assertThat(one.hashCode()).isNotEqualTo(books(3, 1, "k1").hashCode());
  }

  @Test
  void aLedgerDescribesItsBooks() {
    assertThat(books(2, 1, "k1").toString())
        .contains("content=2", "campaign=1", "perDay={2026-12-01=3}", "k1", "eastside");
  }

  private static BalanceLedger.Held held(String postId) {
    return new BalanceLedger.Held(postId, TUESDAY);
  }

  private static BalanceLedger books(int content, int campaign, String heldPost) {
    return new BalanceLedger(WEEK, content, campaign, Map.of(TUESDAY, 3), List.of(held(heldPost)));
  }
}
