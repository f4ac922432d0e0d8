package org.librarycampaign.crisis.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed schedule of an incident: tier 0 is due when the report is processed (T0), tier k at T0
 * plus the ack timeouts of tiers 0..k-1. When the last tier's timeout has passed too (at E), the
 * last tier is told again at E, E + every, ... ({@code times} repeats), and the incident is
 * exhausted at E + times x every. It is computed once, when the incident is routed, so a later
 * change of the plan or of the timeout unit does not move the deadlines of an open incident.
 *
 * @param dueTimes when each tier is due, in tier order
 * @param repeatTimes when each repeat of the last tier is due, repeat 1 first
 * @param exhaustedAt when the incident is exhausted; null for an incident routed before repeats
 *     existed (its schedule ends with the last tier)
 */
public record EscalationPlan(
    List<Instant> dueTimes, List<Instant> repeatTimes, Instant exhaustedAt) {

  public EscalationPlan {
    dueTimes = List.copyOf(dueTimes);
    repeatTimes = List.copyOf(repeatTimes);
  }

  /** Tiers only: no repeats, never exhausted. */
  public EscalationPlan(List<Instant> dueTimes) {
    this(dueTimes, List.of(), null);
  }

  /**
   * @param unit how long one unit of {@code ackTimeoutMinutes} and {@code everyMinutes} lasts: a
   *     minute, except in drills
   */
  public static EscalationPlan schedule(Plan plan, Instant t0, Duration unit) {
    List<Instant> due = new ArrayList<>();
    Instant at = t0;
    for (Tier tier : plan.tiers()) {
      due.add(at);
      at = at.plus(unit.multipliedBy(tier.ackTimeoutMinutes()));
    }
    Duration every = unit.multipliedBy(plan.repeat().everyMinutes());
    List<Instant> repeats = new ArrayList<>();
    for (int n = 0; n < plan.repeat().times(); n++) {
      repeats.add(at);
      at = at.plus(every);
    }
    return new EscalationPlan(due, repeats, at);
  }

  public Optional<Instant> dueAt(int tier) {
    return tier >= 0 && tier < dueTimes.size() ? Optional.of(dueTimes.get(tier)) : Optional.empty();
  }

  /** When repeat {@code n} (from 1) is due. */
  public Optional<Instant> repeatAt(int n) {
    return n >= 1 && n <= repeatTimes.size()
        ? Optional.of(repeatTimes.get(n - 1))
        : Optional.empty();
  }

  public Optional<Instant> exhaustion() {
    return Optional.ofNullable(exhaustedAt);
  }

  /**
   * The next step after {@code reached} tiers and {@code repeats} repeats: the next tier, else the
   * next repeat, else exhaustion.
   */
  public Optional<Step> next(int reached, int repeats) {
    if (reached + 1 < dueTimes.size()) {
      return Optional.of(new Step(Step.Kind.TIER, reached + 1, dueTimes.get(reached + 1)));
    }
    if (repeats < repeatTimes.size()) {
      return Optional.of(new Step(Step.Kind.REPEAT, repeats + 1, repeatTimes.get(repeats)));
    }
    return exhaustion().map(at -> new Step(Step.Kind.EXHAUSTED, 0, at));
  }

  /** The tiers after {@code reached} whose time has come by {@code now}, in order. */
  public List<Integer> tiersDue(int reached, Instant now) {
    List<Integer> due = new ArrayList<>();
    for (int tier = reached + 1; tier < dueTimes.size(); tier++) {
      if (dueTimes.get(tier).isAfter(now)) {
        break;
      }
      due.add(tier);
    }
    return due;
  }

  /**
   * One step of the schedule.
   *
   * @param number the tier, or the repeat number (from 1); 0 for exhaustion
   */
  public record Step(Kind kind, int number, Instant at) {
    public enum Kind {
      TIER,
      REPEAT,
      EXHAUSTED
    }
  }
}
