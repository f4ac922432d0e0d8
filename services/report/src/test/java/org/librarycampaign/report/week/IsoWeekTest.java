package org.librarycampaign.report.week;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void readsAndWritesTheIsoForm() {
    IsoWeek week = IsoWeek.parse("2026-W49");
    assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(week).hasToString("2026-W49");
    assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(IsoWeek.parse("2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void namesWhatIsWrongWithABadWeek() {
    assertThatThrownBy(() -> IsoWeek.parse("2026-49")).hasMessageContaining("like 2026-W49");
    assertThatThrownBy(() -> IsoWeek.parse("2027-W53")).hasMessageContaining("1 to 52");
    assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).hasMessageContaining("not 0");
  }

  @Test
  void aWeekRunsFromMondayMidnightToMondayMidnightInItsZone() {
    IsoWeek week = IsoWeek.parse("2026-W49");
    assertThat(week.start(CHICAGO)).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    assertThat(week.end(CHICAGO)).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
    assertThat(week.contains(Instant.parse("2026-11-30T05:59:59Z"), CHICAGO)).isFalse();
    assertThat(week.contains(Instant.parse("2026-11-30T06:00:00Z"), CHICAGO)).isTrue();
    assertThat(week.contains(Instant.parse("2026-12-07T06:00:00Z"), CHICAGO)).isFalse();
  }

  @Test
  void aWeekWithADaylightSavingChangeIsAnHourShortOrLong() {
    // clocks go forward on Sun 8 Mar 2026 and back on Sun 1 Nov 2026 in Chicago
    IsoWeek spring = IsoWeek.of(LocalDate.of(2026, 3, 8));
    IsoWeek autumn = IsoWeek.of(LocalDate.of(2026, 11, 1));
    assertThat(Duration.between(spring.start(CHICAGO), spring.end(CHICAGO)))
        .isEqualTo(Duration.ofHours(167));
    assertThat(Duration.between(autumn.start(CHICAGO), autumn.end(CHICAGO)))
        .isEqualTo(Duration.ofHours(169));
  }

  @Test
  void aZoneFarFromUtcPutsAnInstantInAnotherWeek() {
    Instant sundayEveningUtc = Instant.parse("2026-12-06T20:00:00Z");
    assertThat(IsoWeek.of(sundayEveningUtc, ZoneId.of("UTC"))).isEqualTo(IsoWeek.parse("2026-W49"));
    assertThat(IsoWeek.of(sundayEveningUtc, ZoneId.of("Pacific/Kiritimati")))
        .isEqualTo(IsoWeek.parse("2026-W50"));
    assertThat(IsoWeek.parse("2026-W49").previous()).isEqualTo(IsoWeek.parse("2026-W48"));
    assertThat(IsoWeek.parse("2026-W01").previous()).isEqualTo(IsoWeek.parse("2025-W52"));
  }
}
