package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.acknowledged;
import static org.librarycampaign.crisis.Lines.q;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeat until answered and never unheard (README: rules) through the production topology, driven
 * like {@code campaign plan}: each case asserts every record written, in order, and then that
 * nothing else was.
 */
class CrisisLoopTopologyTest {

  static final String FALLBACK =
      "Duty desk <duty@library.example>, +15550123; Lee Chen https://chat.example/hooks/duty";

  /** One tier (10 min): the manager by e-mail; repeated every 5 minutes, twice. */
  static final String REPEATING_PLAN =
      q(
          "{'type':'ResponsePlan','branchId':'*','steps':['Hold all campaign posts'],"
              + "'tiers':[{'ackTimeoutMinutes':10,'responders':["
              + "{'responderId':'manager','name':'Dana Reyes','role':'Branch manager',"
              + "'minSeverity':'LOW','contacts':[{'channel':'EMAIL','address':'dana@library.example'}]}]}],"
              + "'repeat':{'everyMinutes':5,'times':2}}");

  private static final String MANAGER = "Dana Reyes (Branch manager) EMAIL dana@library.example";
  private static final String DESK_EMAIL =
      "Duty desk (Fallback contact) EMAIL duty@library.example";
  private static final String DESK_SMS = "Duty desk (Fallback contact) SMS +15550123";
  private static final String LEE =
      "Lee Chen (Fallback contact) WEBHOOK https://chat.example/hooks/duty";

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void theLastTierIsRepeatedThenTheIncidentIsExhaustedAndTheFallbackContactsAreTold() {
    crisis = withFallback().lines(REPEATING_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL", MANAGER, 0, "15:00:00"),
            status("i1 OPEN HIGH tier=0 notified=1 [i1/0/manager/EMAIL]", "15:00:00"));

    crisis.tick("2026-12-01T15:09:59Z");
    assertThat(crisis.brief()).isEmpty();

    crisis.tick("2026-12-01T15:10:00Z");
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL/repeat-1", MANAGER, 0, "15:10:00"),
            status(
                "i1 OPEN HIGH tier=0 notified=2 [i1/0/manager/EMAIL, i1/0/manager/EMAIL/repeat-1]",
                "15:10:00"));

    crisis.tick("2026-12-01T15:15:00Z");
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL/repeat-2", MANAGER, 0, "15:15:00"),
            status(
                "i1 OPEN HIGH tier=0 notified=3 [i1/0/manager/EMAIL, i1/0/manager/EMAIL/repeat-1,"
                    + " i1/0/manager/EMAIL/repeat-2]",
                "15:15:00"));

    crisis.tick("2026-12-01T15:19:59Z");
    assertThat(crisis.brief()).isEmpty();

    crisis.tick("2026-12-01T15:20:00Z");
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/fallback/1/EMAIL", DESK_EMAIL, -1, "15:20:00"),
            alert("i1/fallback/1/SMS", DESK_SMS, -1, "15:20:00"),
            alert("i1/fallback/2/WEBHOOK", LEE, -1, "15:20:00"),
            status(
                "i1 EXHAUSTED HIGH tier=0 notified=6 [i1/0/manager/EMAIL,"
                    + " i1/0/manager/EMAIL/repeat-1, i1/0/manager/EMAIL/repeat-2,"
                    + " i1/fallback/1/EMAIL, i1/fallback/1/SMS, i1/fallback/2/WEBHOOK]",
                "15:20:00"));

    crisis.tick("2026-12-02T15:00:00Z");
    assertThat(crisis.brief()).as("nothing after exhaustion").isEmpty();

    crisis.line(resolved("i1", "westside", "Duty desk", "2026-12-02T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            resolution("i1/resolved/manager/EMAIL", MANAGER, 0),
            resolution("i1/resolved/fallback-1/EMAIL", DESK_EMAIL, -1),
            resolution("i1/resolved/fallback-1/SMS", DESK_SMS, -1),
            resolution("i1/resolved/fallback-2/WEBHOOK", LEE, -1),
            "S i1 RESOLVED HIGH tier=0 notified=6 [i1/0/manager/EMAIL,"
                + " i1/0/manager/EMAIL/repeat-1, i1/0/manager/EMAIL/repeat-2,"
                + " i1/fallback/1/EMAIL, i1/fallback/1/SMS, i1/fallback/2/WEBHOOK]"
                + " at=2026-12-02T15:00:00Z");
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anAcknowledgementStopsTheRepeatsAtOnce() {
    crisis = withFallback().lines(REPEATING_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.tick("2026-12-01T15:10:00Z");
    assertThat(crisis.brief()).hasSize(4);

    crisis.line(acknowledged("i1", "westside", "dana", "2026-12-01T15:12:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            status(
                "i1 ACKNOWLEDGED HIGH tier=0 notified=2 [i1/0/manager/EMAIL,"
                    + " i1/0/manager/EMAIL/repeat-1] ackBy=dana",
                "15:12:00"));

    crisis.tick("2026-12-01T18:00:00Z");
    assertThat(crisis.brief()).isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anUnroutedIncidentReachesTheFallbackContactsAtOnce() {
    crisis = withFallback();

    crisis.line(reported("i1", "westside", "LOW", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/fallback/1/EMAIL", DESK_EMAIL, -1, "15:00:00", "LOW"),
            alert("i1/fallback/1/SMS", DESK_SMS, -1, "15:00:00", "LOW"),
            alert("i1/fallback/2/WEBHOOK", LEE, -1, "15:00:00", "LOW"),
            status(
                "i1 UNROUTED LOW tier=-1 notified=3 [i1/fallback/1/EMAIL, i1/fallback/1/SMS,"
                    + " i1/fallback/2/WEBHOOK]",
                "15:00:00"));

    crisis.line(reported("i1", "westside", "LOW", "2026-12-01T15:01:00Z"));
    crisis.tick("2026-12-01T18:00:00Z");
    assertThat(crisis.brief()).as("told once, and nothing is scheduled").isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void theRepeatsFollowTheTimeoutUnit() {
    crisis =
        new CrisisDriver(
                stateDir,
                Map.of(
                    CrisisSettings.FALLBACK_CONTACTS,
                    "Lee Chen https://chat.example/hooks/duty",
                    CrisisSettings.ACK_TIMEOUT_UNIT,
                    "1s"))
            .lines(REPEATING_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.tick("2026-12-01T15:00:20Z");

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL/repeat-1", MANAGER, 0, "15:00:20"),
            alert("i1/0/manager/EMAIL/repeat-2", MANAGER, 0, "15:00:20"),
            alert("i1/fallback/1/WEBHOOK", LEE, -1, "15:00:20"),
            status(
                "i1 EXHAUSTED HIGH tier=0 notified=4 [i1/0/manager/EMAIL,"
                    + " i1/0/manager/EMAIL/repeat-1, i1/0/manager/EMAIL/repeat-2,"
                    + " i1/fallback/1/WEBHOOK]",
                "15:00:20"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  private CrisisDriver withFallback() {
    return new CrisisDriver(stateDir, Map.of(CrisisSettings.FALLBACK_CONTACTS, FALLBACK));
  }

  static String alert(String id, String recipient, int tier, String at) {
    return alert(id, recipient, tier, at, "HIGH");
  }

  static String alert(String id, String recipient, int tier, String at, String severity) {
    String incidentId = id.substring(0, id.indexOf('/'));
    return "N "
        + id
        + " ALERT "
        + severity
        + " tier="
        + tier
        + " "
        + recipient
        + " ack=http://localhost:8080/v1/incidents/"
        + incidentId
        + "/ack at=2026-12-01T"
        + at
        + "Z";
  }

  private static String resolution(String id, String recipient, int tier) {
    return "N "
        + id
        + " RESOLUTION HIGH tier="
        + tier
        + " "
        + recipient
        + " at=2026-12-02T15:00:00Z";
  }

  static String status(String text, String at) {
    return "S " + text + " at=2026-12-01T" + at + "Z";
  }
}
