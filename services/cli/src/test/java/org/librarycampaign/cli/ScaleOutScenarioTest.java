package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.json.EventJson;

/**
 * The scale-out scenario exercises what it claims to, in the harness: without this, {@link
 * ScaleOutIT} could compare two empty or trivial outputs and pass.
 */
class ScaleOutScenarioTest {

  private static ScaleOutScenario scenario;
  private static PipelineOutputs plan;

  @BeforeAll
  static void plan() {
    scenario = ScaleOutScenario.generate("http://localhost:1/hook");
    plan = PipelineOutputs.planned(scenario.lines(), ScaleOutScenario.SETTINGS);
  }

  @Test
  void everyLineIsAValidEventAndEveryBranchSends() {
    EventJson json = new EventJson();
    scenario.lines().forEach(json::parse);

    assertThat(scenario.lines()).hasSizeGreaterThan(300);
    assertThat(
            scenario.firstHalf().stream().map(ScaleOutScenario.Request::caller).distinct().count())
        .isEqualTo(ScaleOutScenario.branches().size());
  }

  @Test
  void thePlanDecidesEveryPostWithEveryKindOfOutcome() {
    assertThat(plan.decidedPosts())
        .isEqualTo((long) ScaleOutScenario.BRANCHES * ScaleOutScenario.POSTS_PER_BRANCH);
    Map<String, Long> statuses =
        plan.decisions.values().stream()
            .map(d -> d.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(statuses).containsKeys("APPROVED", "HELD", "REJECTED", "WITHDRAWN");
    assertThat(plan.decisions.values())
        .anyMatch(d -> d.contains("\"released\":true"))
        .anyMatch(d -> d.contains("DAILY_LIMIT"))
        .anyMatch(d -> d.contains("POLITICAL_SPEECH_RESTRICTED"));
  }

  @Test
  void thePlanHasConflictsGapsAndClearedOnes() {
    assertThat(plan.conflicts).isNotEmpty();
    assertThat(plan.conflicts.keySet())
        .anyMatch(pair -> pair.endsWith("/county-closure"))
        .anyMatch(pair -> pair.contains("/fair-"));
    assertThat(plan.conflictsCleared).isNotEmpty();
    assertThat(plan.openGaps).isNotEmpty();
    assertThat(plan.gapsEverOpened).hasSizeGreaterThan(plan.openGaps.size());
  }

  @Test
  void thePlanNotifiesOnEveryChannelEscalatesTheAnnexesAndResolves() {
    List<String> ids = List.copyOf(plan.notifications.keySet());

    assertThat(plan.notificationIds("WEBHOOK")).isNotEmpty();
    assertThat(plan.notificationIds("EMAIL")).isNotEmpty();
    assertThat(plan.notificationIds("SMS")).isNotEmpty();
    assertThat(ids)
        .contains("annex-0-a/1/director/EMAIL", "annex-1-a/1/director/WEBHOOK")
        .doesNotContain("annex-1-a/2/board/EMAIL")
        .anyMatch(id -> id.contains("/resolved/"))
        .noneMatch(id -> id.startsWith("inc-") && id.contains("/1/"));
    assertThat(plan.notificationRecords).isEqualTo(ids.size());
    assertThat(plan.incidents.values())
        .anyMatch(s -> s.contains("\"state\":\"ESCALATED\""))
        .anyMatch(s -> s.contains("\"state\":\"ACKNOWLEDGED\""))
        .anyMatch(s -> s.contains("\"state\":\"RESOLVED\""))
        .anyMatch(s -> s.contains("\"state\":\"OPEN\""));
    // the links in the plan's notifications are on the public URL the instances are given too
    assertThat(plan.notifications.values())
        .anyMatch(n -> n.contains(ScaleOutScenario.SETTINGS.get("campaign.public.url") + "/ack/"))
        .noneMatch(n -> n.contains("localhost:8080"));
  }
}
