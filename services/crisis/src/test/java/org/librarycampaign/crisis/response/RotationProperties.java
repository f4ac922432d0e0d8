package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The rotation math of README: rotations, over random rotations in zones with daylight-saving time
 * (Lord Howe moves by half an hour, Santiago at midnight) and random instants.
 */
class RotationProperties {

  private static final List<String> ZONES =
      List.of(
          "America/Chicago",
          "Europe/Berlin",
          "Australia/Lord_Howe",
          "America/Santiago",
          "Asia/Tokyo",
          "UTC");

  @Property(tries = 300)
  void exactlyOneMemberIsOnDutyAtAnyInstantAndTurnsChangeOnlyAtHandoffs(
      @ForAll("rotations") Rotation rotation, @ForAll("instants") Instant at) {
    long week = rotation.week(at);
    Instant begins = rotation.handoff(week);
    Instant ends = rotation.handoff(week + 1);

    assertThat(begins).isBeforeOrEqualTo(at);
    assertThat(ends).isAfter(at);
    Rotation.Member onDuty = rotation.scheduled(at);
    assertThat(rotation.members()).contains(onDuty);
    assertThat(rotation.scheduled(begins)).isEqualTo(onDuty);
    assertThat(rotation.scheduled(ends.minusMillis(1))).isEqualTo(onDuty);
    int index = rotation.members().indexOf(onDuty);
    assertThat(rotation.scheduled(ends))
        .as("the next member in order takes over at the handoff")
        .isEqualTo(rotation.members().get((index + 1) % rotation.members().size()));
  }

  @Property(tries = 300)
  void theHandoffIsAtTheStatedLocalTimeAcrossDaylightSavingChanges(
      @ForAll("rotations") Rotation rotation, @ForAll @IntRange(min = -60, max = 160) int week) {
    Instant handoff = rotation.handoff(week);
    ZonedDateTime local = handoff.atZone(rotation.zone());

    assertThat(local.getDayOfWeek()).isEqualTo(rotation.handoffDay());
    LocalDateTime wanted = local.toLocalDate().atTime(rotation.handoffTime());
    if (rotation.zone().getRules().getValidOffsets(wanted).isEmpty()) {
      // the time does not exist that day: the handoff is when the gap ends
      Duration gap = rotation.zone().getRules().getTransition(wanted).getDuration();
      assertThat(local.toLocalDateTime()).isEqualTo(wanted.plus(gap));
    } else {
      assertThat(local.toLocalTime()).isEqualTo(rotation.handoffTime());
      assertThat(handoff)
          .as("the first of two, when autumn repeats the time")
          .isEqualTo(wanted.atZone(rotation.zone()).withEarlierOffsetAtOverlap().toInstant());
    }
    Duration length = Duration.between(handoff, rotation.handoff(week + 1));
    assertThat(length).isBetween(Duration.ofDays(7).minusHours(3), Duration.ofDays(7).plusHours(3));
  }

  @Property(tries = 300)
  void anOverrideWinsInsideItsRangeAndNowhereElse(
      @ForAll("rotations") Rotation rotation,
      @ForAll("instants") Instant at,
      @ForAll @IntRange(min = -10, max = 10) int startOffset,
      @ForAll @IntRange(min = 0, max = 14) int days,
      @ForAll @IntRange(min = 0, max = 5) int memberIndex) {
    Rotation.Member covering = rotation.members().get(memberIndex % rotation.members().size());
    LocalDate day = LocalDate.ofInstant(at, rotation.zone());
    LocalDate from = day.plusDays(startOffset);
    RotationOverride override =
        new RotationOverride("duty", "o1", covering.responderId(), from, from.plusDays(days));

    Rotation.Member onDuty = rotation.onDuty(at, List.of(override));

    if (override.covers(day)) {
      assertThat(onDuty).isEqualTo(covering);
    } else {
      assertThat(onDuty).isEqualTo(rotation.scheduled(at));
    }
  }

  @Provide
  Arbitrary<Rotation> rotations() {
    Arbitrary<List<Rotation.Member>> members =
        Arbitraries.integers()
            .between(1, 5)
            .map(
                n -> {
                  List<Rotation.Member> list = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    list.add(new Rotation.Member("m" + i, "Member " + i, List.of()));
                  }
                  return list;
                });
    Arbitrary<LocalTime> times =
        Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
    return Combinators.combine(
            members,
            Arbitraries.of(DayOfWeek.class),
            times,
            Arbitraries.of(ZONES).map(ZoneId::of),
            Arbitraries.integers()
                .between(0, 3 * 365)
                .map(d -> LocalDate.of(2025, 1, 1).plusDays(d)))
        .as(Rotation::new);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2029-12-31T00:00:00Z").toEpochMilli())
        .map(Instant::ofEpochMilli);
  }
}
