package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import library.campaign.events.ContactChannel;
import org.junit.jupiter.api.Test;

/** README: rotations, with the dates of a real calendar. */
class RotationTest {

  static final Rotation.Member KIM =
      new Rotation.Member("kim", "Kim Lo", List.of(new Contact(ContactChannel.SMS, "+15550111")));
  static final Rotation.Member ALI =
      new Rotation.Member(
          "ali", "Ali Ren", List.of(new Contact(ContactChannel.EMAIL, "ali@library.example")));
  static final Rotation.Member BO =
      new Rotation.Member("bo", "Bo Yates", List.of(new Contact(ContactChannel.SMS, "+15550112")));

  /** Monday 09:00 in Chicago, from Monday 2026-11-02 (the day after DST ended there). */
  static final Rotation WEEKLY =
      new Rotation(
          List.of(KIM, ALI, BO),
          DayOfWeek.MONDAY,
          LocalTime.of(9, 0),
          ZoneId.of("America/Chicago"),
          LocalDate.of(2026, 11, 2));

  @Test
  void eachMemberHasAWeekFromTheFirstHandoffInTurn() {
    assertThat(WEEKLY.scheduled(chicago("2026-11-02T09:00"))).isEqualTo(KIM);
    assertThat(WEEKLY.scheduled(chicago("2026-11-09T08:59"))).isEqualTo(KIM);
    assertThat(WEEKLY.scheduled(chicago("2026-11-09T09:00"))).isEqualTo(ALI);
    assertThat(WEEKLY.scheduled(chicago("2026-11-16T09:00"))).isEqualTo(BO);
    assertThat(WEEKLY.scheduled(chicago("2026-11-23T09:00"))).as("starts over").isEqualTo(KIM);
    assertThat(WEEKLY.scheduled(chicago("2026-11-02T08:59")))
        .as("before the start the turns run backwards")
        .isEqualTo(BO);
  }

  @Test
  void aStartDateThatIsNotTheHandoffDayStartsAtTheNextHandoff() {
    Rotation fromWednesday =
        new Rotation(
            List.of(KIM, ALI),
            DayOfWeek.MONDAY,
            LocalTime.of(9, 0),
            ZoneId.of("America/Chicago"),
            LocalDate.of(2026, 11, 4));

    assertThat(fromWednesday.handoff(0)).isEqualTo(chicago("2026-11-09T09:00"));
    assertThat(fromWednesday.scheduled(chicago("2026-11-09T09:00"))).isEqualTo(KIM);
  }

  @Test
  void theHandoffStaysAtTheLocalTimeAcrossDaylightSavingChanges() {
    Rotation sundays =
        new Rotation(
            List.of(KIM, ALI),
            DayOfWeek.SUNDAY,
            LocalTime.of(9, 0),
            ZoneId.of("America/Chicago"),
            LocalDate.of(2026, 2, 1));

    // 2026-03-08: clocks go forward at 02:00 in Chicago
    assertThat(sundays.handoff(5)).isEqualTo(Instant.parse("2026-03-08T14:00:00Z"));
    assertThat(sundays.handoff(4)).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
    assertThat(sundays.scheduled(Instant.parse("2026-03-08T13:59:59Z"))).isEqualTo(KIM);
    assertThat(sundays.scheduled(Instant.parse("2026-03-08T14:00:00Z"))).isEqualTo(ALI);
  }

  @Test
  void aHandoffInTheSpringGapHappensWhenTheGapEnds() {
    Rotation atHalfPastTwo =
        new Rotation(
            List.of(KIM, ALI),
            DayOfWeek.SUNDAY,
            LocalTime.of(2, 30),
            ZoneId.of("America/Chicago"),
            LocalDate.of(2026, 3, 8));

    assertThat(atHalfPastTwo.handoff(0)).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
    assertThat(atHalfPastTwo.handoff(1)).isEqualTo(Instant.parse("2026-03-15T07:30:00Z"));
  }

  @Test
  void anOverrideWinsForTheWholeLocalDaysItCovers() {
    List<RotationOverride> overrides =
        List.of(
            new RotationOverride(
                "duty", "bo-covers", "bo", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4)));

    assertThat(WEEKLY.onDuty(chicago("2026-11-02T23:59"), overrides)).isEqualTo(KIM);
    assertThat(WEEKLY.onDuty(chicago("2026-11-03T00:00"), overrides)).isEqualTo(BO);
    assertThat(WEEKLY.onDuty(chicago("2026-11-04T23:59"), overrides)).isEqualTo(BO);
    assertThat(WEEKLY.onDuty(chicago("2026-11-05T00:00"), overrides)).isEqualTo(KIM);
  }

  @Test
  void theLaterStartingOverrideWinsAndANonMemberIsIgnored() {
    List<RotationOverride> overrides =
        List.of(
            new RotationOverride(
                "duty", "a", "ali", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
            new RotationOverride(
                "duty", "b", "bo", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 12)),
            new RotationOverride(
                "duty", "c", "stranger", LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 11)));

    assertThat(WEEKLY.onDuty(chicago("2026-11-05T12:00"), overrides)).isEqualTo(ALI);
    assertThat(WEEKLY.onDuty(chicago("2026-11-11T12:00"), overrides)).isEqualTo(BO);
  }

  private static Instant chicago(String local) {
    return java.time.LocalDateTime.parse(local).atZone(ZoneId.of("America/Chicago")).toInstant();
  }
}
