package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code campaign plan --config FILE}: the topologies read the file's campaign.* keys (and not the
 * environment), so the fallback contacts of services/crisis/README.md#never-unheard show in a dry
 * run too; a bad value is a bad input.
 */
class PlanConfigTest {

  private static final String UNROUTED =
      "{\"type\":\"IncidentReported\",\"incidentId\":\"i1\",\"branchId\":\"westside\","
          + "\"severity\":\"HIGH\",\"category\":\"SAFETY\",\"summary\":\"Smoke in the stacks\","
          + "\"reportedAt\":\"2026-12-01T15:00:00Z\"}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theFallbackContactsOfTheConfigHearOfAnUnroutedIncident() throws IOException {
    Path events = Files.writeString(dir.resolve("events.jsonl"), UNROUTED + "\n");
    Path config =
        Files.writeString(
            dir.resolve("plan.properties"),
            "campaign.crisis.fallback-contacts=Duty desk <duty@library.example>, +15550123\n");

    assertThat(plan("--config", config.toString(), events.toString())).isZero();

    List<String> ids =
        out.toString()
            .lines()
            .filter(line -> line.startsWith("{\"type\":\"Notification\""))
            .map(line -> line.replaceAll(".*\"notificationId\":\"([^\"]+)\".*", "$1"))
            .toList();
    assertThat(ids).containsExactly("i1/fallback/1/EMAIL", "i1/fallback/1/SMS");
    assertThat(out.toString()).contains("\"state\":\"UNROUTED\"");
  }

  @Test
  void theConflictsZoneOfTheConfigWritesItsMessagesInLocalTime() throws IOException {
    Path events =
        Files.writeString(
            dir.resolve("events.jsonl"),
            "{\"type\":\"Milestone\",\"milestoneId\":\"riverfront\",\"revision\":1,"
                + "\"kind\":\"COMMUNITY_EVENT\",\"branchId\":\"eastside\","
                + "\"title\":\"Riverfront Festival\",\"startsAt\":\"2026-12-05T16:00:00Z\","
                + "\"endsAt\":\"2026-12-06T00:00:00Z\"}\n"
                + "{\"type\":\"PostDrafted\",\"postId\":\"p1\",\"revision\":1,"
                + "\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\","
                + "\"category\":\"CONTENT\",\"text\":\"Story time\","
                + "\"scheduledAt\":\"2026-12-05T18:00:00Z\","
                + "\"draftedAt\":\"2026-11-27T10:00:00Z\"}\n");
    Path config =
        Files.writeString(
            dir.resolve("plan.properties"), "campaign.conflicts.zone=America/Chicago\n");

    assertThat(plan("--config", config.toString(), events.toString())).isZero();

    assertThat(out.toString())
        .contains(
            "\"message\":\"Scheduled during the Riverfront Festival (Sat 5 Dec, 10:00 to 18:00 CST,"
                + " 2 h buffer): moves it after the Riverfront Festival, Sat 5 Dec, 20:00 CST\"");
  }

  /**
   * A BranchSettings line names the branch's zone for every service in a dry run: the conflict's
   * window and suggested slot (conflicts) and an expired hold's time (governance) read in Chicago,
   * whatever campaign.conflicts.zone says, since a branch's own zone comes before the service's.
   */
  @Test
  void aBranchSettingsLineSetsTheZoneOfEveryServicesMessages() throws IOException {
    Path events =
        Files.writeString(
            dir.resolve("events.jsonl"),
            "{\"type\":\"BranchSettings\",\"branchId\":\"eastside\","
                + "\"zone\":\"America/Chicago\"}\n"
                + "{\"type\":\"Milestone\",\"milestoneId\":\"riverfront\",\"revision\":1,"
                + "\"kind\":\"COMMUNITY_EVENT\",\"branchId\":\"eastside\","
                + "\"title\":\"Riverfront Festival\",\"startsAt\":\"2026-12-05T16:00:00Z\","
                + "\"endsAt\":\"2026-12-06T00:00:00Z\"}\n"
                + "{\"type\":\"PostDrafted\",\"postId\":\"k1\",\"revision\":1,"
                + "\"branchId\":\"eastside\",\"platform\":\"FACEBOOK\","
                + "\"category\":\"CAMPAIGN\",\"campaignId\":\"budget-2027\","
                + "\"text\":\"Tell the board: fund our library! https://example.org\","
                + "\"scheduledAt\":\"2026-12-05T18:00:00Z\","
                + "\"draftedAt\":\"2026-11-27T10:00:00Z\"}\n"
                + "{\"type\":\"Tick\",\"at\":\"2026-12-06T00:00:00Z\"}\n");
    Path config =
        Files.writeString(dir.resolve("plan.properties"), "campaign.conflicts.zone=Asia/Tokyo\n");

    assertThat(plan("--config", config.toString(), events.toString())).isZero();

    assertThat(out.toString())
        .contains(
            "\"message\":\"Scheduled during the Riverfront Festival (Sat 5 Dec, 10:00 to 18:00 CST,"
                + " 2 h buffer): moves it after the Riverfront Festival, Sat 5 Dec, 20:00 CST\"",
            "\"message\":\"Still held when its time came (Sat 5 Dec, 12:00 CST): it expired and"
                + " will not be published or released. To post it, draft a new revision for a later"
                + " time.\"")
        .doesNotContain("UTC\"", "JST");
  }

  @Test
  void withoutAConfigNobodyIsTold() throws IOException {
    Path events = Files.writeString(dir.resolve("events.jsonl"), UNROUTED + "\n");

    assertThat(plan(events.toString())).isZero();

    assertThat(out.toString()).doesNotContain("\"type\":\"Notification\"");
  }

  @Test
  void aBadFallbackContactIsABadInputNamingTheKey() throws IOException {
    Path events = Files.writeString(dir.resolve("events.jsonl"), UNROUTED + "\n");
    Path config =
        Files.writeString(
            dir.resolve("plan.properties"), "campaign.crisis.fallback-contacts=Duty desk\n");

    assertThat(plan("--config", config.toString(), events.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("campaign.crisis.fallback-contacts entry 1");
  }

  private int plan(String... args) {
    CommandLine command = CampaignCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "plan";
    System.arraycopy(args, 0, all, 1, args.length);
    return command.execute(all);
  }
}
