package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class WindowKeyTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void theWindowIsTheIsoWeekInTheChannelZone() {
    Instant sundayNightInChicago = Instant.parse("2026-12-07T03:00:00Z");
    LocalDate day = WindowKey.dayOf(sundayNightInChicago, CHICAGO);

    WindowKey key = WindowKey.of("eastside", Platform.FACEBOOK, day);

    assertThat(day).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(key.monday()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(key.start(CHICAGO)).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    assertThat(key.end(CHICAGO)).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
    assertThat(
            WindowKey.of(
                    "eastside",
                    Platform.FACEBOOK,
                    WindowKey.dayOf(sundayNightInChicago, ZoneId.of("UTC")))
                .monday())
        .isEqualTo(LocalDate.of(2026, 12, 7));
  }

  @Test
  void aWeekAcrossTheEndOfDaylightSavingStartsAndEndsAtLocalMidnight() {
    WindowKey key = WindowKey.of("eastside", Platform.X, LocalDate.of(2026, 10, 29));

    assertThat(key.start(CHICAGO)).isEqualTo(Instant.parse("2026-10-26T05:00:00Z"));
    assertThat(key.end(CHICAGO)).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
  }

  @Test
  void itsStringFormStartsWithTheBranchAndReadsBack() {
    WindowKey key = WindowKey.of("east-side_2", Platform.THREADS, LocalDate.of(2026, 12, 3));

    assertThat(key.asString()).isEqualTo("east-side_2/THREADS|2026-11-30");
    assertThat(key.asString()).startsWith(WindowKey.branchPrefix("east-side_2"));
    assertThat(WindowKey.parse(key.asString())).isEqualTo(key);
  }
}
