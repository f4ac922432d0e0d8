package org.librarycampaign.governance.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class SpacingTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private final Map<WindowKey, BalanceLedger> weeks = new HashMap<>();

  private BalanceLedger weekOf(LocalDate day) {
    return weeks.computeIfAbsent(
        WindowKey.of("eastside", Platform.FACEBOOK, day), BalanceLedger::new);
  }

  private void approved(String postId, String at) {
    Instant instant = Instant.parse(at);
    weekOf(WindowKey.dayOf(instant, CHICAGO)).space(postId, instant);
  }

  private Spacing spacing(int minutes) {
    return new Spacing(this::weekOf, CHICAGO, Duration.ofMinutes(minutes));
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void withoutAGapNothingIsTooClose() {
    approved("a", "2026-12-01T15:00:00Z");

    assertThat(spacing(0).tooClose(at("2026-12-01T15:00:00Z"), "p")).isEmpty();
    assertThat(spacing(0).nextFree(at("2026-12-01T15:00:00Z"), "p"))
        .isEqualTo(at("2026-12-01T15:00:00Z"));
    assertThat(Spacing.NONE.tooClose(at("2026-12-01T15:00:00Z"), "p")).isEmpty();
    assertThat(Spacing.NONE.gap()).isZero();
  }

  @Test
  void lessThanTheGapIsTooCloseAndExactlyTheGapIsNot() {
    approved("a", "2026-12-01T15:00:00Z");
    Spacing spacing = spacing(30);

    assertThat(spacing.gap()).isEqualTo(Duration.ofMinutes(30));
    assertThat(spacing.tooClose(at("2026-12-01T15:29:59Z"), "p"))
        .contains(new BalanceLedger.Spaced("a", at("2026-12-01T15:00:00Z")));
    assertThat(spacing.tooClose(at("2026-12-01T14:30:01Z"), "p")).isPresent();
    assertThat(spacing.tooClose(at("2026-12-01T15:30:00Z"), "p")).isEmpty();
    assertThat(spacing.tooClose(at("2026-12-01T14:30:00Z"), "p")).isEmpty();
  }

  @Test
  void thePostItselfDoesNotCount() {
    approved("a", "2026-12-01T15:00:00Z");

    assertThat(spacing(30).tooClose(at("2026-12-01T15:10:00Z"), "a")).isEmpty();
    assertThat(spacing(30).nextFree(at("2026-12-01T15:10:00Z"), "a"))
        .isEqualTo(at("2026-12-01T15:10:00Z"));
  }

  @Test
  void theNearestOtherPostIsNamedAndTheEarlierOfTwoAtTheSameDistance() {
    approved("a", "2026-12-01T14:40:00Z");
    approved("b", "2026-12-01T15:05:00Z");
    approved("c", "2026-12-01T15:20:00Z");

    assertThat(spacing(30).tooClose(at("2026-12-01T15:00:00Z"), "p"))
        .map(BalanceLedger.Spaced::postId)
        .contains("b");
    assertThat(spacing(30).tooClose(at("2026-12-01T15:00:00Z"), "b"))
        .map(BalanceLedger.Spaced::postId)
        .contains("a");
    assertThat(spacing(30).tooClose(at("2026-12-01T15:00:00Z"), "x"))
        .map(BalanceLedger.Spaced::postId)
        .contains("b");
    approved("d", "2026-12-01T14:55:00Z");
    assertThat(spacing(30).tooClose(at("2026-12-01T15:00:00Z"), "p"))
        .map(BalanceLedger.Spaced::postId)
        .contains("d");
  }

  @Test
  void theNearestFreeTimeIsPastEveryPostWithinReach() {
    approved("a", "2026-12-01T15:00:00Z");
    approved("b", "2026-12-01T15:30:00Z");
    approved("c", "2026-12-01T16:10:00Z");

    // 15:10 is near a and b; 16:00 is near c; 16:40 is free
    assertThat(spacing(30).nextFree(at("2026-12-01T15:10:00Z"), "p"))
        .isEqualTo(at("2026-12-01T16:40:00Z"));
    assertThat(spacing(20).nextFree(at("2026-12-01T15:10:00Z"), "p"))
        .isEqualTo(at("2026-12-01T15:50:00Z"));
    assertThat(spacing(30).nextFree(at("2026-12-01T17:00:00Z"), "p"))
        .isEqualTo(at("2026-12-01T17:00:00Z"));
  }

  @Test
  void postsAcrossTheWeeksEdgeInTheChannelsZoneCount() {
    // Sun 6 Dec 23:50 and Mon 7 Dec 00:10 in Chicago: two weeks
    approved("sunday", "2026-12-07T05:50:00Z");
    approved("monday", "2026-12-07T06:40:00Z");

    assertThat(spacing(30).tooClose(at("2026-12-07T06:10:00Z"), "p"))
        .map(BalanceLedger.Spaced::postId)
        .contains("sunday");
    assertThat(spacing(30).tooClose(at("2026-12-07T05:30:00Z"), "p"))
        .map(BalanceLedger.Spaced::postId)
        .contains("sunday");
    assertThat(spacing(30).nextFree(at("2026-12-07T06:00:00Z"), "p"))
        .isEqualTo(at("2026-12-07T07:10:00Z"));
  }
}
