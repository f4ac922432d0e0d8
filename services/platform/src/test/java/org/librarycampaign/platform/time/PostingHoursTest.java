package org.librarycampaign.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PostingHoursTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void aTimeInsideTheWindowStays() {
    assertThat(PostingHours.DEFAULT.nextInside(at("2026-12-05T15:30:00Z"), UTC))
        .isEqualTo(at("2026-12-05T15:30:00Z"));
    assertThat(PostingHours.DEFAULT.nextInside(at("2026-12-05T08:00:00Z"), UTC))
        .as("from is inside")
        .isEqualTo(at("2026-12-05T08:00:00Z"));
  }

  @Test
  void aNightTimeMovesToTheMorningInTheZone() {
    // 2 am Sunday in Chicago is 08:00Z: the same day at 8 am local
    assertThat(PostingHours.DEFAULT.nextInside(at("2026-12-06T08:00:00Z"), CHICAGO))
        .isEqualTo(at("2026-12-06T14:00:00Z"));
    // 21:00 local is past the window (to is excluded): the next morning
    assertThat(PostingHours.DEFAULT.nextInside(at("2026-12-06T03:00:00Z"), CHICAGO))
        .isEqualTo(at("2026-12-06T14:00:00Z"));
  }

  @Test
  void theMorningAfterTheSpringChangeIsInDaylightTime() {
    // Sun 8 Mar 2026, 01:30 CST; clocks go forward at 02:00; 08:00 is CDT (UTC-5)
    assertThat(PostingHours.DEFAULT.nextInside(at("2026-03-08T07:30:00Z"), CHICAGO))
        .isEqualTo(at("2026-03-08T13:00:00Z"));
  }

  @Test
  void aWindowThatStartsInTheSkippedHourStartsAfterTheChange() {
    PostingHours early = new PostingHours(LocalTime.of(2, 30), LocalTime.of(6, 0));

    // 02:30 does not exist on 8 Mar: it is read as 03:30 CDT (08:30Z)
    assertThat(early.nextInside(at("2026-03-08T07:00:00Z"), CHICAGO))
        .isEqualTo(at("2026-03-08T08:30:00Z"));
  }

  @Test
  void aWindowSkippedWholeByTheChangeIsTakenTheNextDay() {
    PostingHours skipped = new PostingHours(LocalTime.of(2, 30), LocalTime.of(3, 0));

    // on 8 Mar 02:30 reads as 03:30 CDT, after 03:00 CDT: no window that day; 9 Mar 02:30 CDT
    assertThat(skipped.nextInside(at("2026-03-08T07:00:00Z"), CHICAGO))
        .isEqualTo(at("2026-03-09T07:30:00Z"));
  }

  @Test
  void theRepeatedHourOfTheAutumnChangeIsTakenOnce() {
    PostingHours night = new PostingHours(LocalTime.of(1, 0), LocalTime.of(1, 30));

    // Sun 1 Nov 2026: 01:00-02:00 happens twice (CDT, then CST); the window is the first one
    assertThat(night.nextInside(at("2026-11-01T05:00:00Z"), CHICAGO))
        .isEqualTo(at("2026-11-01T06:00:00Z"));
    // after the first 01:30 CDT: the next day's window
    assertThat(night.nextInside(at("2026-11-01T06:45:00Z"), CHICAGO))
        .isEqualTo(at("2026-11-02T07:00:00Z"));
  }

  @Test
  void zonesFarFromUtcMoveToTheirOwnMorning() {
    // 12:00Z is Sun 02:00 in Kiritimati (UTC+14): 08:00 there is 18:00Z the day before's date
    assertThat(
            PostingHours.DEFAULT.nextInside(
                at("2026-12-05T12:00:00Z"), ZoneId.of("Pacific/Kiritimati")))
        .isEqualTo(at("2026-12-05T18:00:00Z"));
    // 09:00Z is Fri 22:00 in Pago Pago (UTC-11): Sat 08:00 there is 19:00Z
    assertThat(
            PostingHours.DEFAULT.nextInside(
                at("2026-12-05T09:00:00Z"), ZoneId.of("Pacific/Pago_Pago")))
        .isEqualTo(at("2026-12-05T19:00:00Z"));
  }

  @Test
  void aWindowIsReadFromItsRecordOrNotAtAll() {
    assertThat(PostingHours.parse("09:00", "17:30"))
        .isEqualTo(new PostingHours(LocalTime.of(9, 0), LocalTime.of(17, 30)));
    assertThat(PostingHours.parse("17:00", "09:00")).as("ends before it starts").isNull();
    assertThat(PostingHours.parse("9 am", "17:00")).isNull();
    assertThat(PostingHours.parse(null, "17:00")).isNull();
    assertThatThrownBy(() -> new PostingHours(LocalTime.NOON, LocalTime.NOON))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
