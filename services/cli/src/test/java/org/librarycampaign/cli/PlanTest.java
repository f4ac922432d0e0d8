package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code campaign plan} on the example week prints exactly the records it printed when the harness
 * was made (budget-week.plan.jsonl): a change to any topology's output shows here first.
 */
class PlanTest {

  private static final Path EXAMPLE = Path.of("../../examples/budget-week.jsonl");

  @Test
  void theExampleWeekGivesTheRecordedPlan() throws Exception {
    Plan plan;
    try (BufferedReader reader = Files.newBufferedReader(EXAMPLE)) {
      plan = Plan.read(reader);
    }
    List<String> printed = new ArrayList<>();

    Plan.Summary summary = plan.run(printed::add);

    assertThat(printed).containsExactlyElementsOf(expected());
    assertThat(summary.toString())
        .startsWith(
            "plan: 19 events and 1 ticks through conflicts, crisis, governance, publisher; 24 records"
                + " written");
  }

  /**
   * A Tick after the week: governance expires the two posts still held at their time (EXPIRED,
   * stamped with that time), the publisher shows what it would publish when (governance's decisions
   * reach it), and publishes nothing (budget-week-published.plan.jsonl).
   */
  @Test
  void aTickAfterTheWeekShowsWhatWouldBePublishedAndWhatNot() throws Exception {
    String week = Files.readString(EXAMPLE);
    Plan plan =
        Plan.read(
            new BufferedReader(
                new java.io.StringReader(
                    week + "{\"type\":\"Tick\",\"at\":\"2026-12-06T00:00:00Z\"}\n")));
    List<String> printed = new ArrayList<>();

    plan.run(printed::add);

    List<String> expected = new ArrayList<>(expected());
    expected.addAll(expected("budget-week-published.plan.jsonl"));
    assertThat(printed).containsExactlyElementsOf(expected);
  }

  /**
   * A directory of officials for every branch before the week: the two campaign posts that tag
   * nobody are warned with who could be tagged; the posts that tag @CountyExec are not (handles
   * match in any case). Nothing else changes.
   */
  @Test
  void aDirectoryOfOfficialsNamesWhoCouldBeTagged() throws Exception {
    String directory =
        "{\"type\":\"Officials\",\"branchId\":\"*\",\"officials\":[{\"name\":\"Dana Reyes\","
            + "\"office\":\"County Executive\",\"handles\":{\"FACEBOOK\":\"@countyexec\"}}]}\n";
    Plan plan =
        Plan.read(
            new BufferedReader(new java.io.StringReader(directory + Files.readString(EXAMPLE))));
    List<String> printed = new ArrayList<>();

    Plan.Summary summary = plan.run(printed::add);

    String today =
        "No officials tagged: mention the officials this post addresses, e.g. @CountyExec";
    List<String> expected =
        expected().stream()
            .map(
                line ->
                    line.contains("\"postId\":\"p-budget-2\"")
                        ? line.replace(
                            today,
                            "No officials tagged: tag @countyexec (County Executive), eastside's"
                                + " officials on Facebook")
                        : line.contains("\"postId\":\"p-central-budget\"")
                            ? line.replace(
                                today,
                                "No officials tagged: tag @countyexec (County Executive),"
                                    + " county-central's officials on Facebook")
                            : line)
            .toList();
    assertThat(expected).isNotEqualTo(expected());
    assertThat(printed).containsExactlyElementsOf(expected);
    assertThat(summary.toString()).startsWith("plan: 20 events and 1 ticks");
  }

  private static List<String> expected() throws Exception {
    return expected("budget-week.plan.jsonl");
  }

  private static List<String> expected(String resource) throws Exception {
    try (InputStream in = PlanTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
