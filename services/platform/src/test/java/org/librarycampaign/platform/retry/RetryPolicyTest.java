package org.librarycampaign.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(6, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1), 0.25);

  @Test
  void theBaseDoublesUntilTheCap() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(POLICY::baseBackoff))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
  }

  @Test
  void notificationsThatFailedTogetherRetryApart() {
    Set<Duration> waits = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      waits.add(POLICY.backoff(1, "incident-7/0/r" + i + "/EMAIL"));
    }
    assertThat(waits).hasSizeGreaterThan(90);
  }

  @Test
  void onlyTheLastAttemptHasNoSuccessor() {
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(POLICY::allowsAnotherAfter))
        .containsExactly(true, true, true, true, true, false);
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 2, Duration.ofSeconds(1), 0))
        .hasMessageContaining("initialBackoff");
    assertThatThrownBy(
            () -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0))
        .hasMessageContaining("maxBackoff");
    assertThatThrownBy(
            () -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1.0))
        .hasMessageContaining("jitter");
  }

  @Property
  void theWaitStaysWithinTheJitterOfTheBase(
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll @StringLength(min = 1, max = 40) String id,
      @ForAll @DoubleRange(min = 0.0, max = 0.99) double jitter,
      @ForAll @IntRange(min = 1, max = 60_000) int initialMillis,
      @ForAll @DoubleRange(min = 1.0, max = 4.0) double multiplier) {
    RetryPolicy policy =
        new RetryPolicy(
            10, Duration.ofMillis(initialMillis), multiplier, Duration.ofMinutes(30), jitter);
    long base = policy.baseBackoff(attempt).toMillis();

    long wait = policy.backoff(attempt, id).toMillis();

    assertThat(wait).isPositive();
    assertThat(wait)
        .isBetween((long) Math.floor(base * (1 - jitter)), (long) Math.ceil(base * (1 + jitter)));
    assertThat(policy.backoff(attempt, id)).isEqualTo(Duration.ofMillis(wait));
  }

  @Property
  void theBaseNeverShrinksAndNeverPassesTheCap(
      @ForAll @IntRange(min = 1, max = 60) int attempt,
      @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier) {
    RetryPolicy policy =
        new RetryPolicy(10, Duration.ofMillis(250), multiplier, Duration.ofMinutes(10), 0.5);

    assertThat(policy.baseBackoff(attempt + 1)).isGreaterThanOrEqualTo(policy.baseBackoff(attempt));
    assertThat(policy.baseBackoff(attempt)).isLessThanOrEqualTo(Duration.ofMinutes(10));
  }
}
