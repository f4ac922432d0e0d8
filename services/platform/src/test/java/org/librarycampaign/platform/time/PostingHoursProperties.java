package org.librarycampaign.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The next time inside a window, for zones without daylight saving (those are unit tests). */
class PostingHoursProperties {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Property
  void theSlotIsTheFirstTimeInsideTheWindowAtOrAfterTheTime(
      @ForAll("instants") Instant at,
      @ForAll("windows") PostingHours hours,
      @ForAll("zones") ZoneId zone) {
    Instant slot = hours.nextInside(at, zone);

    LocalTime local = slot.atZone(zone).toLocalTime();
    assertThat(slot).isAfterOrEqualTo(at).isBefore(at.plus(Duration.ofDays(1)));
    assertThat(local).isAfterOrEqualTo(hours.from()).isBefore(hours.to());
    if (slot.isAfter(at)) {
      assertThat(local).as("moved only to the window's start").isEqualTo(hours.from());
      LocalTime before = at.atZone(zone).toLocalTime();
      assertThat(before.isBefore(hours.from()) || !before.isBefore(hours.to()))
          .as("moved only from outside the window")
          .isTrue();
    }
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 366L * 24 * 60).map(m -> START.plusSeconds(m * 60));
  }

  @Provide
  Arbitrary<PostingHours> windows() {
    Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 24 * 60 - 2);
    return Combinators.combine(minutes, Arbitraries.integers().between(1, 24 * 60 - 1))
        .filter((from, length) -> from + length < 24 * 60)
        .as(
            (from, length) ->
                new PostingHours(
                    LocalTime.ofSecondOfDay(from * 60L),
                    LocalTime.ofSecondOfDay((from + length) * 60L)));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
        ZoneId.of("UTC"),
        ZoneId.of("Pacific/Kiritimati"),
        ZoneId.of("Pacific/Pago_Pago"),
        ZoneId.of("Asia/Kolkata"),
        ZoneId.of("Asia/Kathmandu"));
  }
}
