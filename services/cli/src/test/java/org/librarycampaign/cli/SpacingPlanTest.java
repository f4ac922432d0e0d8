package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code campaign plan examples/spacing-week.jsonl}: a channel with 30 minutes between posts and
 * one campaign post a week shows its TOO_CLOSE and WEEKLY_CAMPAIGN_LIMIT holds and their releases
 * (services/governance/README.md#spacing-and-the-weekly-ceiling).
 */
class SpacingPlanTest {

  private static final Path EXAMPLE = Path.of("../../examples/spacing-week.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSpacingWeekShowsTheHoldsAndTheirReleases() throws Exception {
    Plan plan;
    try (BufferedReader reader = Files.newBufferedReader(EXAMPLE)) {
      plan = Plan.read(reader);
    }
    List<JsonNode> decisions = new ArrayList<>();

    plan.run(
        line -> {
          try {
            JsonNode record = JSON.readTree(line);
            if (record.path("type").asText().equals("PostDecision")) {
              decisions.add(record);
            }
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });

    assertThat(decisions.stream().map(SpacingPlanTest::summary).toList())
        .containsExactly(
            "s1 r1 APPROVED",
            "s2 r1 HELD TOO_CLOSE",
            "s3 r1 APPROVED",
            "s4 r1 HELD WEEKLY_CAMPAIGN_LIMIT",
            "s1 r1 WITHDRAWN WITHDRAWN",
            "s2 r1 APPROVED released",
            "s4 r1 APPROVED released",
            "s3 r2 HELD RATIO_LIMIT");
    assertThat(decisions.get(1).at("/reasons/0/message").asText())
        .isEqualTo(
            "Held: post s1 is approved for Tue 1 Dec, 09:00 CST on eastside/FACEBOOK, 20 minutes"
                + " from this one, and the channel policy wants 30 minutes between posts; nearest"
                + " free time: Tue 1 Dec, 09:30 CST");
  }

  private static String summary(JsonNode decision) {
    StringBuilder line =
        new StringBuilder(
            decision.get("postId").asText()
                + " r"
                + decision.get("revision").asInt()
                + " "
                + decision.get("status").asText());
    if (decision.get("released").asBoolean()) {
      line.append(" released");
    }
    decision.get("reasons").forEach(r -> line.append(' ').append(r.get("code").asText()));
    return line.toString();
  }
}
