package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The times in notification texts are in the branch's zone (its BranchSettings, else those of
 * {@code *}); without any, the UTC instant as before (README: local time).
 */
class CrisisLocalTimeTest {

  private static final String FACTS_HEAD =
      """
      HIGH incident at branch westside: Book challenge

      Petition to remove a picture book

      Incident:     i-7
      Branch:       westside
      Severity:     HIGH
      Category:     Book challenge
      """;

  @TempDir Path stateDir;
  private CrisisDriver crisis;

  @BeforeEach
  void start() {
    crisis =
        new CrisisDriver(
                stateDir, Map.of(CrisisSettings.PUBLIC_URL, "https://campaign.example.org"))
            .lines(DEFAULT_PLAN);
  }

  @AfterEach
  void close() {
    crisis.close();
  }

  private static String body(KeyValue<String, SpecificRecord> record) {
    return ((Notification) record.value).getBody();
  }

  @Test
  void theAlertAndTheResolutionShowTheBranchsLocalTime() {
    crisis.lines(
        Lines.q(
            "{'type':'BranchSettings','branchId':'westside','zone':'America/Chicago',"
                + "'reportContacts':[]}"));

    crisis.line(reported("i-7", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    List<KeyValue<String, SpecificRecord>> alerts = crisis.output();
    // before the first escalation (15:15)
    crisis.line(resolved("i-7", "westside", "alex", "2026-12-01T15:10:00Z"));
    List<KeyValue<String, SpecificRecord>> ended = crisis.output();

    assertThat(body(alerts.get(0)))
        .startsWith(FACTS_HEAD + "Reported:     Tue 1 Dec, 09:00 CST by jlee\n\n");
    assertThat(body(ended.get(0)))
        .isEqualTo(
            "RESOLVED: "
                + FACTS_HEAD
                + """
                Reported:     Tue 1 Dec, 09:00 CST by jlee
                Resolved:     Tue 1 Dec, 09:10 CST by alex
                Resolution:   The board kept the book on the shelf

                Dana Reyes, you were alerted as Branch manager on tier 0. No further action is \
                needed.""");
  }

  @Test
  void theSettingsOfEveryBranchApplyAndAFarZoneShowsItsOwnDate() {
    crisis.lines(
        Lines.q(
            "{'type':'BranchSettings','branchId':'*','zone':'Pacific/Kiritimati',"
                + "'reportContacts':[]}"));

    crisis.line(reported("i-7", "westside", "HIGH", "2026-12-01T15:00:00Z"));

    // UTC+14: 15:00 UTC on Tuesday is 05:00 on Wednesday
    assertThat(body(crisis.output().get(0)))
        .startsWith(FACTS_HEAD + "Reported:     Wed 2 Dec, 05:00 LINT by jlee\n\n");
  }

  @Test
  void withoutSettingsTheTimeStaysTheUtcInstant() {
    crisis.line(reported("i-7", "westside", "HIGH", "2026-12-01T15:00:00Z"));

    assertThat(body(crisis.output().get(0)))
        .startsWith(FACTS_HEAD + "Reported:     2026-12-01T15:00:00Z by jlee\n\n");
  }
}
