package org.librarycampaign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.Severity;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;

/**
 * The crash workload keeps to what makes a running service comparable with the plan
 * (docs/RELIABILITY.md#the-scenarios): every line is a valid event with a time of its own, no
 * crisis, no hashtag, at most one community event per branch and day.
 */
class WorkloadTest {

  private static final EventJson JSON = new EventJson();
  private final Workload workload = new Workload(Instant.parse("2026-12-03T12:00:00Z"));

  @Test
  void everyLineIsAValidEventLaterThanTheOneBefore() {
    Instant previous = Instant.MIN;
    for (String line : workload.events(3_000)) {
      ParsedEvent event = JSON.parse(line);
      if (event.eventTime() != null && !(event.value() instanceof MilestoneEvent)) {
        assertThat(event.eventTime()).as(line).isAfter(previous);
        previous = event.eventTime();
      }
    }
    assertThat(workload.setup()).allSatisfy(JSON::parse);
  }

  @Test
  void noCrisisNoHashtagAndOneCommunityEventPerBranchAndDay() {
    Map<String, Integer> eventsPerBranchDay = new HashMap<>();
    Map<String, Instant> startOfMilestone = new HashMap<>();
    List<String> lines = workload.events(5_000);
    for (String line : lines) {
      ParsedEvent event = JSON.parse(line);
      if (event.value() instanceof PostEvent post && post.getEvent() instanceof PostDrafted d) {
        assertThat(d.getText()).doesNotContain("#");
        assertThat(d.getHashtags()).isNullOrEmpty();
      } else if (event.value() instanceof IncidentEvent incident
          && incident.getEvent() instanceof IncidentReported reported) {
        assertThat(reported.getSeverity()).isEqualTo(Severity.MEDIUM);
      } else if (event.value() instanceof MilestoneEvent milestone) {
        Instant known =
            startOfMilestone.putIfAbsent(milestone.getMilestoneId(), milestone.getStartsAt());
        if (known == null) {
          String branchDay =
              milestone.getBranchId()
                  + "/"
                  + Duration.between(Instant.EPOCH, milestone.getStartsAt()).toDays();
          eventsPerBranchDay.merge(branchDay, 1, Integer::sum);
        } else {
          assertThat(milestone.getStartsAt()).as("a revision keeps its window").isEqualTo(known);
        }
      }
    }
    assertThat(eventsPerBranchDay).isNotEmpty().allSatisfy((k, n) -> assertThat(n).isOne());
  }

  @Test
  void thePlanOfASmallWorkloadDecidesPostsFindsConflictsAndNotifies() {
    List<String> lines = new java.util.ArrayList<>(workload.setup());
    lines.addAll(workload.events(400));
    Expected expected = Expected.plan(workload.base(), lines);
    assertThat(expected.decisionCount()).isGreaterThan(300);
    assertThat(expected.conflicts).isNotEmpty();
    assertThat(expected.notifications).isNotEmpty();
  }
}
