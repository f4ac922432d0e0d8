package org.librarycampaign.crisis.response;

import java.util.List;
import java.util.Objects;

/**
 * A response plan as the crisis desk uses it: the key it was published under (a branch, or {@code
 * *} for the default plan), the steps to take, the tiers in escalation order, and how the last tier
 * is repeated when nobody acknowledges.
 *
 * @param repeat null reads as {@link Repeat#DEFAULT}
 */
public record Plan(String key, List<String> steps, List<Tier> tiers, Repeat repeat) {

  public Plan {
    Objects.requireNonNull(key, "key");
    steps = List.copyOf(steps);
    tiers = List.copyOf(tiers);
    repeat = repeat == null ? Repeat.DEFAULT : repeat;
  }

  /** A plan with the default repeat. */
  public Plan(String key, List<String> steps, List<Tier> tiers) {
    this(key, steps, tiers, Repeat.DEFAULT);
  }

  public boolean isDefault() {
    return ResponsePlanRouting.DEFAULT_PLAN_KEY.equals(key);
  }
}
