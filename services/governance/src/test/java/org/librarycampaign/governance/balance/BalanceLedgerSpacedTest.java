package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class BalanceLedgerSpacedTest {

  private static final WindowKey WEEK =
      new WindowKey("eastside", Platform.FACEBOOK, LocalDate.parse("2026-11-30"));
  private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant TEN = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void spacedPostsAreKeptByTimeThenIdAndALaterTimeReplacesTheEarlier() {
    BalanceLedger ledger = new BalanceLedger(WEEK);

    ledger.space("b", TEN);
    ledger.space("c", NINE);
    ledger.space("a", TEN);

    assertThat(ledger.spaced())
        .containsExactly(
            new BalanceLedger.Spaced("c", NINE),
            new BalanceLedger.Spaced("a", TEN),
            new BalanceLedger.Spaced("b", TEN));
    ledger.space("c", TEN.plusSeconds(60));
    assertThat(ledger.spaced())
        .extracting(BalanceLedger.Spaced::postId)
        .containsExactly("a", "b", "c");
    assertThatThrownBy(() -> ledger.spaced().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unspaceForgetsThePostAndSaysWhetherItWasKept() {
    BalanceLedger ledger = new BalanceLedger(WEEK);
    ledger.space("a", NINE);

    assertThat(ledger.unspace("b")).isFalse();
    assertThat(ledger.unspace("a")).isTrue();
    assertThat(ledger.spaced()).isEmpty();
  }

  @Test
  void aLedgerWithSpacedPostsIsNotEmptyAndEqualityCountsThem() {
    BalanceLedger ledger = new BalanceLedger(WEEK);
    ledger.space("a", NINE);

    assertThat(ledger.isEmpty()).isFalse();
    assertThat(ledger).isNotEqualTo(new BalanceLedger(WEEK));
    BalanceLedger same =
        new BalanceLedger(
            WEEK, 0, 0, Map.of(), List.of(), List.of(new BalanceLedger.Spaced("a", NINE)));
    assertThat(ledger).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(ledger.toString()).contains("spaced=[Spaced[postId=a");
    assertThat(new BalanceLedger(WEEK).toString()).doesNotContain("spaced");
  }

  @Test
  void aLedgerBuiltFromUnorderedTimesKeepsThemOrdered() {
    BalanceLedger ledger =
        new BalanceLedger(
            WEEK,
            0,
            0,
            Map.of(),
            List.of(),
            List.of(new BalanceLedger.Spaced("b", TEN), new BalanceLedger.Spaced("a", NINE)));

    assertThat(ledger.spaced()).extracting(BalanceLedger.Spaced::postId).containsExactly("a", "b");
  }

  @Test
  void aSpacedPostNeedsAnIdAndATime() {
    assertThatThrownBy(() -> new BalanceLedger.Spaced(null, NINE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new BalanceLedger.Spaced("a", null))
        .isInstanceOf(NullPointerException.class);
  }
}
