package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code campaign plan} on the review example (examples/review-week.jsonl, then a Tick after the
 * week) prints the reviews' decisions with their audit trail and sign-off, and what the publisher
 * would publish: signed posts, not the unsigned one, not the rejected one, the rescheduled one at
 * its new time (review-week.plan.jsonl; services/governance/README.md#reviews).
 */
class PlanReviewTest {

  private static final Path EXAMPLE = Path.of("../../examples/review-week.jsonl");

  @Test
  void theReviewWeekGivesTheRecordedPlan() throws Exception {
    String week = Files.readString(EXAMPLE);
    Plan plan =
        Plan.read(
            new BufferedReader(
                new StringReader(week + "{\"type\":\"Tick\",\"at\":\"2026-12-06T00:00:00Z\"}\n")));
    List<String> printed = new ArrayList<>();

    Plan.Summary summary = plan.run(printed::add);

    assertThat(printed).containsExactlyElementsOf(expected());
    assertThat(summary.toString())
        .startsWith(
            "plan: 14 events and 1 ticks through conflicts, crisis, governance, publisher; 18 records"
                + " written");
  }

  private static List<String> expected() throws Exception {
    try (InputStream in = PlanReviewTest.class.getResourceAsStream("review-week.plan.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
