package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPlanTest {

  private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

  @Test
  void tierKIsDueAtT0PlusTheTimeoutsOfTheTiersBeforeIt() {
    EscalationPlan schedule = EscalationPlan.schedule(Plans.DEFAULT, T0, Duration.ofMinutes(1));

    assertThat(schedule.dueTimes())
        .containsExactly(
            T0, Instant.parse("2026-12-01T15:15:00Z"), Instant.parse("2026-12-01T15:45:00Z"));
  }

  @Test
  void theUnitScalesEveryTimeout() {
    EscalationPlan schedule = EscalationPlan.schedule(Plans.DEFAULT, T0, Duration.ofSeconds(2));

    assertThat(schedule.dueTimes()).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(90));
  }

  @Test
  void aNegativeTimeoutCountsAsZero() {
    Plan plan =
        new Plan(
            "*",
            List.of(),
            List.of(new Tier(-5, List.of(Plans.MANAGER)), new Tier(10, List.of(Plans.DEPUTY))));

    assertThat(EscalationPlan.schedule(plan, T0, Duration.ofMinutes(1)).dueTimes())
        .containsExactly(T0, T0);
  }

  @Test
  void theTiersDueAreThoseAfterTheOneReachedWhoseTimeHasCome() {
    EscalationPlan schedule = EscalationPlan.schedule(Plans.DEFAULT, T0, Duration.ofMinutes(1));

    assertThat(schedule.tiersDue(0, Instant.parse("2026-12-01T15:14:59.999Z"))).isEmpty();
    assertThat(schedule.tiersDue(0, Instant.parse("2026-12-01T15:15:00Z"))).containsExactly(1);
    assertThat(schedule.tiersDue(0, Instant.parse("2026-12-01T18:00:00Z"))).containsExactly(1, 2);
    assertThat(schedule.tiersDue(1, Instant.parse("2026-12-01T18:00:00Z"))).containsExactly(2);
    assertThat(schedule.tiersDue(2, Instant.parse("2026-12-09T00:00:00Z"))).isEmpty();
  }

  @Test
  void dueAtIsEmptyPastTheLastTier() {
    EscalationPlan schedule = EscalationPlan.schedule(Plans.DEFAULT, T0, Duration.ofMinutes(1));

    assertThat(schedule.dueAt(1)).contains(Instant.parse("2026-12-01T15:15:00Z"));
    assertThat(schedule.dueAt(3)).isEmpty();
    assertThat(schedule.dueAt(-1)).isEmpty();
  }
}
