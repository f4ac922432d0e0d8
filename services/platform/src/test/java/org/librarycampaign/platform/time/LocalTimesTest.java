package org.librarycampaign.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalTimesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void aTimeShowsItsWeekdayDateAndZoneAbbreviation() {
    assertThat(LocalTimes.dayAndTime(Instant.parse("2026-12-05T16:00:00Z"), CHICAGO))
        .isEqualTo("Sat 5 Dec, 10:00 CST");
    assertThat(LocalTimes.dayAndTime(Instant.parse("2026-07-04T16:00:00Z"), CHICAGO))
        .isEqualTo("Sat 4 Jul, 11:00 CDT");
  }

  @Test
  void utcIsCalledUtcWhateverItsName() {
    Instant at = Instant.parse("2026-12-05T16:00:00Z");

    assertThat(LocalTimes.dayAndTime(at, ZoneOffset.UTC)).isEqualTo("Sat 5 Dec, 16:00 UTC");
    assertThat(LocalTimes.dayAndTime(at, ZoneId.of("Etc/UTC"))).isEqualTo("Sat 5 Dec, 16:00 UTC");
    assertThat(LocalTimes.dayAndTime(at, ZoneId.of("UTC"))).isEqualTo("Sat 5 Dec, 16:00 UTC");
  }

  @Test
  void aSpanWithinOneDayNamesTheDayOnce() {
    assertThat(
            LocalTimes.span(
                Instant.parse("2027-03-06T16:00:00Z"),
                Instant.parse("2027-03-07T00:00:00Z"),
                CHICAGO))
        .isEqualTo("Sat 6 Mar, 10:00 to 18:00 CST");
  }

  @Test
  void aSpanAcrossMidnightNamesBothDays() {
    assertThat(
            LocalTimes.span(
                Instant.parse("2026-12-06T04:00:00Z"),
                Instant.parse("2026-12-06T08:00:00Z"),
                CHICAGO))
        .isEqualTo("Sat 5 Dec, 22:00 to Sun 6 Dec, 02:00 CST");
  }

  @Test
  void aSpanOverTheSpringChangeNamesBothAbbreviations() {
    // 2026-03-08 02:00 CST becomes 03:00 CDT
    assertThat(
            LocalTimes.span(
                Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-08T09:00:00Z"),
                CHICAGO))
        .isEqualTo("Sun 8 Mar, 01:00 CST to 04:00 CDT");
  }

  @Test
  void zonesFarFromUtcShowTheirOwnDate() {
    Instant at = Instant.parse("2026-12-05T12:00:00Z");

    assertThat(LocalTimes.dayAndTime(at, ZoneId.of("Pacific/Kiritimati")))
        .isEqualTo("Sun 6 Dec, 02:00 LINT");
    assertThat(LocalTimes.dayAndTime(at, ZoneId.of("Pacific/Pago_Pago")))
        .isEqualTo("Sat 5 Dec, 01:00 SST");
  }

  @Test
  void aDateShowsItsWeekdayAndWithTheYearWhenAsked() {
    assertThat(LocalTimes.day(java.time.LocalDate.of(2026, 12, 1))).isEqualTo("Tue 1 Dec");
    assertThat(LocalTimes.dayAndYear(java.time.LocalDate.of(2027, 1, 2)))
        .isEqualTo("Sat 2 Jan 2027");
  }

  @Test
  void lengthsOfTimeReadInMinutesHoursThenDays() {
    assertThat(LocalTimes.duration(Duration.ofSeconds(59))).isEqualTo("0 min");
    assertThat(LocalTimes.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
    assertThat(LocalTimes.duration(Duration.ofMinutes(60))).isEqualTo("1 h");
    assertThat(LocalTimes.duration(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(LocalTimes.duration(Duration.ofHours(47).plusMinutes(59))).isEqualTo("47 h 59 min");
    assertThat(LocalTimes.duration(Duration.ofHours(48))).isEqualTo("2 d");
    assertThat(LocalTimes.duration(Duration.ofHours(190).plusMinutes(30))).isEqualTo("7 d 22 h");
    assertThat(LocalTimes.duration(Duration.ofMinutes(-5))).isEqualTo("0 min");
  }
}
