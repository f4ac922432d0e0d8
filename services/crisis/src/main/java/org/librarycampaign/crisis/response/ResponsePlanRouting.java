package org.librarycampaign.crisis.response;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which plan an incident follows: its branch's plan, else the default plan (key {@code *}). A plan
 * without tiers reaches nobody, so it does not count: a branch plan without tiers falls back to the
 * default plan, and no usable plan at all leaves the incident unrouted.
 */
public final class ResponsePlanRouting {

  public static final String DEFAULT_PLAN_KEY = "*";

  private ResponsePlanRouting() {}

  /**
   * @param plans the published plan under a key (a branch id or {@code *}), if any
   */
  public static Optional<Plan> planFor(String branchId, Function<String, Optional<Plan>> plans) {
    return usable(plans.apply(branchId)).or(() -> usable(plans.apply(DEFAULT_PLAN_KEY)));
  }

  private static Optional<Plan> usable(Optional<Plan> plan) {
    return plan.filter(p -> !p.tiers().isEmpty());
  }
}
