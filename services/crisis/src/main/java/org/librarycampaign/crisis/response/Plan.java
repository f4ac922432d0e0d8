package org.librarycampaign.crisis.response;

import java.util.List;
import java.util.Objects;

/**
 * A response plan as the crisis desk uses it: the key it was published under (a branch, or {@code
 * *} for the default plan), the steps to take, and the tiers in escalation order.
 */
public record Plan(String key, List<String> steps, List<Tier> tiers) {

  public Plan {
    Objects.requireNonNull(key, "key");
    steps = List.copyOf(steps);
    tiers = List.copyOf(tiers);
  }

  public boolean isDefault() {
    return ResponsePlanRouting.DEFAULT_PLAN_KEY.equals(key);
  }
}
