package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.acknowledged;
import static org.librarycampaign.crisis.Lines.q;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IncidentEscalationRequested (an SMS reply {@code <n>E}) through the production topology: the next
 * tier is told at once, the later tiers keep their fixed deadlines, and nothing happens once the
 * incident is acknowledged, resolved or on its last tier. Every record written is asserted, then
 * that nothing else was.
 */
class EscalationRequestTopologyTest {

  private static final String DEPUTY =
      "Jo Park (Deputy director) WEBHOOK https://chat.example/hooks/crisis";
  private static final String BOARD = "Pat Lee (Board chair) SMS +15550199";
  private static final String TIER_0 = "i1/0/manager/EMAIL, i1/0/manager/SMS, i1/0/comms/EMAIL";

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void theNextTierIsToldAtOnceAndTheLaterTiersKeepTheirDeadlines() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.line(escalationRequested("i1", "Dana Reyes", "2026-12-01T15:05:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", 1, DEPUTY, "15:05:00"),
            status(
                "ESCALATED HIGH tier=1 notified=4 [" + TIER_0 + ", i1/1/deputy/WEBHOOK]",
                "15:05:00"));

    crisis.tick("2026-12-01T15:44:59Z");
    assertThat(crisis.brief()).as("tier 1's own deadline (15:15) tells nobody again").isEmpty();

    crisis.tick("2026-12-01T15:45:00Z");
    assertThat(crisis.brief())
        .as("tier 2 at T0 + 15 + 30 minutes, as scheduled at the report")
        .containsExactly(
            alert("i1/2/board/SMS", 2, BOARD, "15:45:00"),
            status(
                "ESCALATED HIGH tier=2 notified=5 ["
                    + TIER_0
                    + ", i1/1/deputy/WEBHOOK, i1/2/board/SMS]",
                "15:45:00"));

    crisis.line(escalationRequested("i1", "Pat Lee", "2026-12-01T15:50:00Z"));
    assertThat(crisis.brief()).as("no tier after the last one").isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void twoRequestsInARowReachTwoTiers() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.line(escalationRequested("i1", "Dana Reyes", "2026-12-01T15:01:00Z"));
    crisis.line(escalationRequested("i1", "Jo Park", "2026-12-01T15:02:00Z"));

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", 1, DEPUTY, "15:01:00"),
            status(
                "ESCALATED HIGH tier=1 notified=4 [" + TIER_0 + ", i1/1/deputy/WEBHOOK]",
                "15:01:00"),
            alert("i1/2/board/SMS", 2, BOARD, "15:02:00"),
            status(
                "ESCALATED HIGH tier=2 notified=5 ["
                    + TIER_0
                    + ", i1/1/deputy/WEBHOOK, i1/2/board/SMS]",
                "15:02:00"));
    // tier 2's own timeout (60 minutes) still ends at T0 + 105 minutes, as scheduled at the report
    crisis.tick("2026-12-01T16:44:59Z");
    assertThat(crisis.brief()).as("the passed deadlines tell nobody twice").isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();

    crisis.tick("2026-12-01T16:45:00Z");
    assertThat(crisis.brief())
        .as("the last tier's first repeat keeps the fixed schedule")
        .anySatisfy(line -> assertThat(line).contains("i1/2/board/SMS/repeat-1"))
        .noneSatisfy(line -> assertThat(line).contains("repeat-2"));
  }

  @Test
  void nothingHappensOnceAcknowledgedOrResolvedOrForAnUnknownIncident() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.line(acknowledged("i1", "westside", "dana", "2026-12-01T15:01:00Z"));
    crisis.line(reported("i2", "westside", "HIGH", "2026-12-01T15:02:00Z"));
    crisis.line(resolved("i2", "westside", "dana", "2026-12-01T15:03:00Z"));
    crisis.brief();

    crisis.line(escalationRequested("i1", "Dana Reyes", "2026-12-01T15:05:00Z"));
    crisis.line(escalationRequested("i2", "Dana Reyes", "2026-12-01T15:05:00Z"));
    crisis.line(escalationRequested("ghost", "Dana Reyes", "2026-12-01T15:05:00Z"));

    assertThat(crisis.brief()).isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  static String escalationRequested(String incidentId, String by, String at) {
    return q(
        "{'type':'IncidentEscalationRequested','incidentId':'"
            + incidentId
            + "','branchId':'westside','by':'"
            + by
            + "','at':'"
            + at
            + "','via':'SMS'}");
  }

  private static String alert(String id, int tier, String recipient, String at) {
    return "N "
        + id
        + " ALERT HIGH tier="
        + tier
        + " "
        + recipient
        + " ack=http://localhost:8080/v1/incidents/i1/ack at=2026-12-01T"
        + at
        + "Z";
  }

  private static String status(String text, String at) {
    return "S i1 " + text + " at=2026-12-01T" + at + "Z";
  }
}
