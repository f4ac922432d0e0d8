package org.librarycampaign.crisis.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed schedule of an incident: tier 0 is due when the report is processed (T0), tier k at T0
 * plus the ack timeouts of tiers 0..k-1. It is computed once, when the incident is routed, so a
 * later change of the plan or of the timeout unit does not move the deadlines of an open incident.
 *
 * @param dueTimes when each tier is due, in tier order
 */
public record EscalationPlan(List<Instant> dueTimes) {

  public EscalationPlan {
    dueTimes = List.copyOf(dueTimes);
  }

  /**
   * @param unit how long one unit of {@code ackTimeoutMinutes} lasts: a minute, except in drills
   */
  public static EscalationPlan schedule(Plan plan, Instant t0, Duration unit) {
    List<Instant> due = new ArrayList<>();
    Instant at = t0;
    for (Tier tier : plan.tiers()) {
      due.add(at);
      at = at.plus(unit.multipliedBy(tier.ackTimeoutMinutes()));
    }
    return new EscalationPlan(due);
  }

  public Optional<Instant> dueAt(int tier) {
    return tier >= 0 && tier < dueTimes.size() ? Optional.of(dueTimes.get(tier)) : Optional.empty();
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
}
