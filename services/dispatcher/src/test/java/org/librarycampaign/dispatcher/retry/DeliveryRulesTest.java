package org.librarycampaign.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import library.campaign.events.DeliveryStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;
import org.librarycampaign.platform.retry.RetryPolicy;

class DeliveryRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(5), 0.0);
  private final DeliveryRules rules = new DeliveryRules(POLICY);

  @Test
  void aDeliveryIsFinal() {
    assertThat(rules.after("n1", 2, new DeliveryOutcome.Delivered(false, null), NOW))
        .isEqualTo(new DeliveryRules.Step(DeliveryStatus.DELIVERED, 2, null, null, false, false));
  }

  @Test
  void anOutboxDeliveryIsMarkedAndSaysWhere() {
    assertThat(rules.after("n1", 1, new DeliveryOutcome.Delivered(true, "written to x"), NOW))
        .isEqualTo(
            new DeliveryRules.Step(DeliveryStatus.DELIVERED, 1, null, "written to x", true, false));
  }

  @Test
  void aTransientFailureIsRetriedAfterTheBackoff() {
    assertThat(rules.after("n1", 2, new DeliveryOutcome.Failed(false, "HTTP 503"), NOW))
        .isEqualTo(
            new DeliveryRules.Step(
                DeliveryStatus.RETRYING, 2, NOW.plusSeconds(20), "HTTP 503", false, false));
  }

  @Test
  void theLastTransientFailureGivesUpWithADeadLetter() {
    assertThat(rules.after("n1", 3, new DeliveryOutcome.Failed(false, "HTTP 503"), NOW))
        .isEqualTo(
            new DeliveryRules.Step(
                DeliveryStatus.FAILED, 3, null, "gave up after 3 attempts: HTTP 503", false, true));
  }

  @Test
  void aPermanentFailureIsNotRetried() {
    assertThat(rules.after("n1", 1, new DeliveryOutcome.Failed(true, "HTTP 410"), NOW))
        .isEqualTo(
            new DeliveryRules.Step(
                DeliveryStatus.FAILED, 1, null, "permanent failure: HTTP 410", false, true));
  }

  @Provide
  Arbitrary<List<DeliveryOutcome>> outcomes() {
    Arbitrary<DeliveryOutcome> one =
        Arbitraries.oneOf(
            Arbitraries.just(new DeliveryOutcome.Delivered(false, null)),
            Arbitraries.just(new DeliveryOutcome.Delivered(true, "outbox")),
            Arbitraries.just(new DeliveryOutcome.Failed(false, "HTTP 503")),
            Arbitraries.just(new DeliveryOutcome.Failed(false, "timed out")),
            Arbitraries.just(new DeliveryOutcome.Failed(true, "HTTP 404")));
    return one.list().ofMinSize(1).ofMaxSize(12);
  }

  /**
   * Playing attempts until a final step, whatever the peer answers: at most maxAttempts attempts,
   * numbered 1, 2, 3..., exactly one final step, at the end, with a dead letter exactly when it is
   * FAILED, and every retry strictly later than the attempt it follows.
   */
  @Property
  void everyNotificationEndsOnceWithinTheAttempts(
      @ForAll("outcomes") List<DeliveryOutcome> answers,
      @ForAll @IntRange(min = 1, max = 8) int maxAttempts,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> idDigits) {
    DeliveryRules playing =
        new DeliveryRules(
            new RetryPolicy(maxAttempts, Duration.ofSeconds(1), 3.0, Duration.ofMinutes(2), 0.5));
    String id = idDigits.toString();
    List<DeliveryRules.Step> steps = new ArrayList<>();
    Instant now = NOW;
    int attempt = 1;
    for (DeliveryOutcome answer : answers) {
      DeliveryRules.Step step = playing.after(id, attempt, answer, now);
      steps.add(step);
      if (step.isFinal()) {
        break;
      }
      assertThat(step.nextAttemptAt()).isAfter(now);
      now = step.nextAttemptAt();
      attempt++;
    }

    assertThat(steps.size()).isLessThanOrEqualTo(maxAttempts);
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i).attempt()).isEqualTo(i + 1);
      assertThat(steps.get(i).isFinal()).isEqualTo(i == steps.size() - 1 && steps.get(i).isFinal());
    }
    DeliveryRules.Step last = steps.get(steps.size() - 1);
    if (last.isFinal()) {
      assertThat(last.deadLetter()).isEqualTo(last.status() == DeliveryStatus.FAILED);
    } else {
      assertThat(steps).hasSize(answers.size());
    }
    if (steps.size() == maxAttempts && last.status() != DeliveryStatus.DELIVERED) {
      assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
    }
    assertThat(steps.stream().filter(DeliveryRules.Step::deadLetter).count())
        .isEqualTo(last.status() == DeliveryStatus.FAILED ? 1 : 0);
  }
}
