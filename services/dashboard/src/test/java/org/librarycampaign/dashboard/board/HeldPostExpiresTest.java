package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The held queue's "time left": until the post's time, when governance expires it if held. */
class HeldPostExpiresTest {

  private static final Instant AT = Instant.parse("2026-12-02T21:00:00Z");
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static String left(String now) {
    return HeldPost.expires(AT, Instant.parse(now), CHICAGO);
  }

  @Test
  void hoursAndMinutesUnderADayWithTheLocalTimeOfTheChannel() {
    assertThat(left("2026-12-02T18:00:00Z")).isEqualTo("expires in 3 h, at Wed 2 Dec, 15:00 CST");
    assertThat(left("2026-12-02T17:40:30Z"))
        .isEqualTo("expires in 3 h 19 min, at Wed 2 Dec, 15:00 CST");
  }

  @Test
  void minutesUnderAnHourAndLessThanAMinuteAtTheEnd() {
    assertThat(left("2026-12-02T20:35:00Z"))
        .isEqualTo("expires in 25 min, at Wed 2 Dec, 15:00 CST");
    assertThat(left("2026-12-02T20:59:01Z"))
        .isEqualTo("expires in less than a minute, at Wed 2 Dec, 15:00 CST");
  }

  @Test
  void daysAndHoursFromADayOn() {
    assertThat(left("2026-11-30T15:00:00Z"))
        .isEqualTo("expires in 2 d 6 h, at Wed 2 Dec, 15:00 CST");
    assertThat(left("2026-12-01T21:00:00Z")).isEqualTo("expires in 1 d, at Wed 2 Dec, 15:00 CST");
  }

  @Test
  void atOrPastItsTimeItSaysItExpiresNow() {
    assertThat(left("2026-12-02T21:00:00Z"))
        .isEqualTo("expires now: its time, Wed 2 Dec, 15:00 CST, has come");
    assertThat(HeldPost.expires(AT, AT.plusSeconds(5), ZoneId.of("UTC")))
        .isEqualTo("expires now: its time, Wed 2 Dec, 21:00 UTC, has come");
  }
}
