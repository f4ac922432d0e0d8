package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.CrisisLoopTopologyTest.alert;
import static org.librarycampaign.crisis.CrisisLoopTopologyTest.status;
import static org.librarycampaign.crisis.Lines.q;
import static org.librarycampaign.crisis.Lines.reported;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-call rotations (README: rotations) through the production topology, driven like {@code
 * campaign plan}: the member on duty when a tier is told is the one told, an override event wins
 * for the days it covers, and a cancelled override no longer does.
 */
class RotationTopologyTest {

  /**
   * One tier (60 min): the duty rotation, Kim then Ali, handing over Mondays 09:00 in Chicago from
   * Monday 2026-11-30; repeated once after an hour.
   */
  static final String ROTATION_PLAN =
      q(
          "{'type':'ResponsePlan','branchId':'*','steps':['Hold all campaign posts'],"
              + "'tiers':[{'ackTimeoutMinutes':60,'responders':["
              + "{'responderId':'duty','name':'Duty rotation','role':'Duty manager',"
              + "'minSeverity':'LOW','rotation':{'members':["
              + "{'responderId':'kim','name':'Kim Lo','contacts':[{'channel':'SMS','address':'+15550111'}]},"
              + "{'responderId':'ali','name':'Ali Ren','contacts':[{'channel':'EMAIL','address':'ali@library.example'}]}],"
              + "'handoffDay':'MONDAY','handoffTime':'09:00','zone':'America/Chicago',"
              + "'startDate':'2026-11-30'}}]}],"
              + "'repeat':{'everyMinutes':60,'times':1}}");

  private static final String KIM = "Kim Lo (Duty manager) SMS +15550111";
  private static final String ALI = "Ali Ren (Duty manager) EMAIL ali@library.example";

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void theMemberOnDutyWhenTheTierIsToldIsTheOneTold() {
    crisis = new CrisisDriver(stateDir).lines(ROTATION_PLAN);

    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));

    assertThat(crisis.brief())
        .as("Tuesday 09:00 in Chicago: Kim's first week")
        .containsExactly(
            alert("i1/0/kim/SMS", KIM, 0, "15:00:00"),
            status("i1 OPEN HIGH tier=0 notified=1 [i1/0/kim/SMS]", "15:00:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aRepeatAfterTheHandoffGoesToTheNextMember() {
    crisis = new CrisisDriver(stateDir).lines(ROTATION_PLAN);

    crisis.line(reported("i1", "westside", "HIGH", "2026-12-07T14:30:00Z"));
    assertThat(crisis.brief())
        .as("Monday 08:30 in Chicago: still Kim")
        .containsExactly(
            "N i1/0/kim/SMS ALERT HIGH tier=0 " + KIM + ack("i1") + " at=2026-12-07T14:30:00Z",
            "S i1 OPEN HIGH tier=0 notified=1 [i1/0/kim/SMS] at=2026-12-07T14:30:00Z");

    crisis.tick("2026-12-07T15:30:00Z");
    assertThat(crisis.brief())
        .as("Monday 09:30: Ali took over at 09:00")
        .containsExactly(
            "N i1/0/ali/EMAIL/repeat-1 ALERT HIGH tier=0 "
                + ALI
                + ack("i1")
                + " at=2026-12-07T15:30:00Z",
            "S i1 OPEN HIGH tier=0 notified=2 [i1/0/kim/SMS, i1/0/ali/EMAIL/repeat-1]"
                + " at=2026-12-07T15:30:00Z");
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anOverrideWinsForTheDaysItCoversUntilItIsCancelled() {
    crisis = new CrisisDriver(stateDir).lines(ROTATION_PLAN);

    crisis.line(override(false));
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/ali/EMAIL", ALI, 0, "15:00:00"),
            status("i1 OPEN HIGH tier=0 notified=1 [i1/0/ali/EMAIL]", "15:00:00"));

    crisis.line(override(true));
    crisis.line(reported("i2", "westside", "HIGH", "2026-12-01T15:01:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i2/0/kim/SMS", KIM, 0, "15:01:00"),
            status("i2 OPEN HIGH tier=0 notified=1 [i2/0/kim/SMS]", "15:01:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anOverrideForAnotherPlansRotationDoesNotApply() {
    crisis = new CrisisDriver(stateDir).lines(ROTATION_PLAN);

    crisis.line(override(false).replace("\"branchId\":\"*\"", "\"branchId\":\"eastside\""));
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/kim/SMS", KIM, 0, "15:00:00"),
            status("i1 OPEN HIGH tier=0 notified=1 [i1/0/kim/SMS]", "15:00:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  private static String override(boolean cancelled) {
    return q(
        "{'type':'RotationOverride','branchId':'*','rotationId':'duty','overrideId':'ali-covers',"
            + "'responderId':'ali','from':'2026-12-01','until':'2026-12-01',"
            + "'reason':'Kim is at a conference','cancelled':"
            + cancelled
            + "}");
  }

  private static String ack(String incidentId) {
    return " ack=http://localhost:8080/v1/incidents/" + incidentId + "/ack";
  }
}
