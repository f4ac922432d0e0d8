package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponsePlanRoutingTest {

  private static final Plan DEFAULT = Plans.DEFAULT;
  private static final Plan EASTSIDE =
      new Plan("eastside", List.of(), List.of(new Tier(10, List.of(Plans.MANAGER))));
  private static final Plan EASTSIDE_WITHOUT_TIERS =
      new Plan("eastside", List.of("Call"), List.of());
  private static final Plan DEFAULT_WITHOUT_TIERS = new Plan("*", List.of(), List.of());

  @Test
  void theBranchPlanComesFirst() {
    assertThat(route("eastside", Map.of("eastside", EASTSIDE, "*", DEFAULT))).contains(EASTSIDE);
  }

  @Test
  void anotherBranchFallsBackToTheDefaultPlan() {
    assertThat(route("westside", Map.of("eastside", EASTSIDE, "*", DEFAULT))).contains(DEFAULT);
  }

  @Test
  void aBranchPlanWithoutTiersFallsBackToTheDefaultPlan() {
    assertThat(route("eastside", Map.of("eastside", EASTSIDE_WITHOUT_TIERS, "*", DEFAULT)))
        .contains(DEFAULT);
  }

  @Test
  void noUsablePlanRoutesNowhere() {
    assertThat(route("westside", Map.of("eastside", EASTSIDE))).isEmpty();
    assertThat(route("westside", Map.of("*", DEFAULT_WITHOUT_TIERS))).isEmpty();
    assertThat(route("westside", Map.of())).isEmpty();
  }

  private static Optional<Plan> route(String branchId, Map<String, Plan> published) {
    return ResponsePlanRouting.planFor(branchId, key -> Optional.ofNullable(published.get(key)));
  }
}
