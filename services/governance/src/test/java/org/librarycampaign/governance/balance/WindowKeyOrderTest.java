package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class WindowKeyOrderTest {

  private static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");

  @Test
  void windowsSortByWeekThenByChannel() {
    WindowKey eastThisWeek = WindowKey.of("eastside", Platform.X, TUESDAY);
    WindowKey westThisWeek = WindowKey.of("westside", Platform.FACEBOOK, TUESDAY);
    WindowKey eastNextWeek = WindowKey.of("eastside", Platform.X, TUESDAY.plusWeeks(1));
    WindowKey westLastWeek = WindowKey.of("westside", Platform.X, TUESDAY.minusWeeks(1));

    assertThat(eastThisWeek.compareTo(westThisWeek)).isNegative();
    assertThat(westThisWeek.compareTo(eastThisWeek)).isPositive();
    assertThat(westThisWeek.compareTo(eastNextWeek)).isNegative();
    assertThat(eastThisWeek.compareTo(westLastWeek)).isPositive();
    assertThat(eastThisWeek.compareTo(WindowKey.of("eastside", Platform.X, TUESDAY))).isZero();
  }

  @Test
  void aWindowReadsAsItsStoreKey() {
    WindowKey key = WindowKey.of("eastside", Platform.X, TUESDAY);

    assertThat(key.toString()).isEqualTo(key.asString()).isEqualTo("eastside/X|2026-11-30");
  }
}
