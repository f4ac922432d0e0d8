package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.EASTSIDE_PLAN;
import static org.librarycampaign.crisis.Lines.acknowledged;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.json.ParsedEvent;

/**
 * The crisis topology in a TopologyTestDriver, driven like {@code campaign plan}: each case asserts
 * every record written, in order, and then that nothing else was.
 */
class CrisisTopologyTest {

  private static final String MANAGER_EMAIL =
      "Dana Reyes (Branch manager) EMAIL dana@library.example";
  private static final String MANAGER_SMS = "Dana Reyes (Branch manager) SMS +15550100";
  private static final String COMMS =
      "Sam Ortiz (Communications officer) EMAIL sam@library.example";
  private static final String DIRECTOR = "Alex Kim (Library director) EMAIL alex@library.example";
  private static final String DEPUTY =
      "Jo Park (Deputy director) WEBHOOK https://chat.example/hooks/crisis";
  private static final String BOARD = "Pat Lee (Board chair) SMS +15550199";
  private static final String EAST_MANAGER =
      "Morgan Diaz (Eastside manager) EMAIL morgan@library.example";
  private static final String EAST_COMMS =
      "Sam Ortiz (Communications officer) EMAIL sam@library.example";

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void tierZeroGetsTheRespondersWhoHandleTheSeverityOnEveryContact() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);

    crisis.line(reported("i-low", "westside", "LOW", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-low/0/manager/EMAIL", "LOW", 0, MANAGER_EMAIL, "15:00:00"),
            alert("i-low/0/manager/SMS", "LOW", 0, MANAGER_SMS, "15:00:00"),
            status(
                "i-low OPEN LOW tier=0 notified=2 [i-low/0/manager/EMAIL, i-low/0/manager/SMS]",
                "15:00:00"));

    crisis.line(reported("i-high", "westside", "HIGH", "2026-12-01T15:01:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-high/0/manager/EMAIL", "HIGH", 0, MANAGER_EMAIL, "15:01:00"),
            alert("i-high/0/manager/SMS", "HIGH", 0, MANAGER_SMS, "15:01:00"),
            alert("i-high/0/comms/EMAIL", "HIGH", 0, COMMS, "15:01:00"),
            status(
                "i-high OPEN HIGH tier=0 notified=3"
                    + " [i-high/0/manager/EMAIL, i-high/0/manager/SMS, i-high/0/comms/EMAIL]",
                "15:01:00"));

    crisis.line(reported("i-critical", "westside", "CRITICAL", "2026-12-01T15:02:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-critical/0/manager/EMAIL", "CRITICAL", 0, MANAGER_EMAIL, "15:02:00"),
            alert("i-critical/0/manager/SMS", "CRITICAL", 0, MANAGER_SMS, "15:02:00"),
            alert("i-critical/0/comms/EMAIL", "CRITICAL", 0, COMMS, "15:02:00"),
            alert("i-critical/0/director/EMAIL", "CRITICAL", 0, DIRECTOR, "15:02:00"),
            status(
                "i-critical OPEN CRITICAL tier=0 notified=4 [i-critical/0/manager/EMAIL,"
                    + " i-critical/0/manager/SMS, i-critical/0/comms/EMAIL,"
                    + " i-critical/0/director/EMAIL]",
                "15:02:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aBranchPlanComesBeforeTheDefaultPlanUntilItIsWithdrawn() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN, EASTSIDE_PLAN);

    crisis.line(reported("i-east", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-east/0/east-manager/EMAIL", "HIGH", 0, EAST_MANAGER, "15:00:00"),
            status("i-east OPEN HIGH tier=0 notified=1 [i-east/0/east-manager/EMAIL]", "15:00:00"));

    crisis.line(reported("i-west", "westside", "MEDIUM", "2026-12-01T15:01:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-west/0/manager/EMAIL", "MEDIUM", 0, MANAGER_EMAIL, "15:01:00"),
            alert("i-west/0/manager/SMS", "MEDIUM", 0, MANAGER_SMS, "15:01:00"),
            alert("i-west/0/comms/EMAIL", "MEDIUM", 0, COMMS, "15:01:00"),
            status(
                "i-west OPEN MEDIUM tier=0 notified=3"
                    + " [i-west/0/manager/EMAIL, i-west/0/manager/SMS, i-west/0/comms/EMAIL]",
                "15:01:00"));

    crisis.removePlan("eastside");
    crisis.line(reported("i-east-2", "eastside", "LOW", "2026-12-01T15:02:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i-east-2/0/manager/EMAIL", "LOW", 0, MANAGER_EMAIL, "15:02:00"),
            alert("i-east-2/0/manager/SMS", "LOW", 0, MANAGER_SMS, "15:02:00"),
            status(
                "i-east-2 OPEN LOW tier=0 notified=2"
                    + " [i-east-2/0/manager/EMAIL, i-east-2/0/manager/SMS]",
                "15:02:00"));

    crisis.tick("2026-12-01T15:10:00Z");
    assertThat(crisis.brief())
        .as("eastside's tier 1 follows eastside's plan, copied when the incident was routed")
        .containsExactly(
            alert("i-east/1/comms/EMAIL", "HIGH", 1, EAST_COMMS, "15:10:00"),
            status(
                "i-east ESCALATED HIGH tier=1 notified=2"
                    + " [i-east/0/east-manager/EMAIL, i-east/1/comms/EMAIL]",
                "15:10:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void escalatesThroughEveryTierAtItsDeadline() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief()).hasSize(4);

    crisis.tick("2026-12-01T15:14:59Z");
    assertThat(crisis.brief()).isEmpty();

    crisis.tick("2026-12-01T15:15:00Z");
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:15:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:15:00"));

    crisis.tick("2026-12-01T15:44:59Z");
    assertThat(crisis.brief()).isEmpty();

    crisis.tick("2026-12-01T15:45:00Z");
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/2/board/SMS", "HIGH", 2, BOARD, "15:45:00"),
            status(
                "i1 ESCALATED HIGH tier=2 notified=5 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK, i1/2/board/SMS]",
                "15:45:00"));

    crisis.tick("2026-12-01T16:44:59Z");
    assertThat(crisis.brief())
        .as("nothing more until the last tier's timeout has passed (then it repeats)")
        .isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aTierWithNobodyForTheSeverityIsReachedButAlertsNobody() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "MEDIUM", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.tick("2026-12-01T15:15:00Z").tick("2026-12-01T15:45:00Z");

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "MEDIUM", 1, DEPUTY, "15:15:00"),
            status(
                "i1 ESCALATED MEDIUM tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:15:00"),
            status(
                "i1 ESCALATED MEDIUM tier=2 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:45:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void everyTierDueWhenTheClockJumpsIsNotifiedInOrder() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.tick("2026-12-01T16:00:00Z");

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "16:00:00"),
            alert("i1/2/board/SMS", "HIGH", 2, BOARD, "16:00:00"),
            status(
                "i1 ESCALATED HIGH tier=2 notified=5 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK, i1/2/board/SMS]",
                "16:00:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anAcknowledgementStopsTheEscalation() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.line(acknowledged("i1", "westside", "dana", "2026-12-01T15:10:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            status(
                "i1 ACKNOWLEDGED HIGH tier=0 notified=3"
                    + " [i1/0/manager/EMAIL, i1/0/manager/SMS, i1/0/comms/EMAIL] ackBy=dana",
                "15:10:00"));

    crisis.tick("2026-12-01T18:00:00Z");
    crisis.line(acknowledged("i1", "westside", "sam", "2026-12-01T18:01:00Z"));
    assertThat(crisis.brief())
        .as("no escalation, and a second acknowledgement is no news")
        .isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anIncidentBreakingTheInputRulesGoesToDeadLettersAndAValidOneAfterItIsActedOn() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    // written straight to Kafka, past ingest's JSON reader
    ParsedEvent valid =
        new org.librarycampaign.platform.json.EventJson()
            .parse(reported("i1", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    IncidentEvent invalid =
        new IncidentEvent(
            IncidentReported.newBuilder(
                    (IncidentReported) ((IncidentEvent) valid.value()).getEvent())
                .setIncidentId("i*")
                .build());
    crisis.event(
        new ParsedEvent(valid.type(), valid.topic(), valid.key(), invalid, valid.eventTime()));

    assertThat(crisis.output())
        .as("one dead letter, no notification, no status")
        .extracting(record -> ((DeadLetter) record.value).getErrorMessage())
        .containsExactly(
            "INVALID: IncidentReported incidentId: must match [A-Za-z0-9._:-]{1,128}: ASCII"
                + " letters, digits, '.', '_', ':' and '-' only");

    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:01:00Z"));
    assertThat(crisis.brief()).as("the valid report is acted on").hasSize(4);
  }

  @Test
  void anotherBranchsAcknowledgementGoesToDeadLettersAndTheIncidentKeepsEscalating() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief()).hasSize(4);

    crisis.line(acknowledged("i1", "westside", "mallory", "2026-12-01T15:05:00Z"));
    List<KeyValue<String, SpecificRecord>> refused = crisis.output();
    assertThat(refused).hasSize(1);
    DeadLetter letter = (DeadLetter) refused.get(0).value;
    assertThat(letter.getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(letter.getErrorClass()).isEqualTo(RejectedRecord.class.getName());
    assertThat(letter.getErrorMessage())
        .isEqualTo("OWNERSHIP: incidentId i1 of branch westside belongs to another branch");

    crisis.tick("2026-12-01T15:15:00Z");
    assertThat(crisis.brief())
        .as("the incident was not acknowledged: it escalates on time")
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:15:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:15:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anotherBranchsReportOrResolutionOfAnIncidentGoesToDeadLettersAndChangesNothing() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief()).hasSize(4);

    crisis.line(reported("i1", "westside", "CRITICAL", "2026-12-01T15:02:00Z"));
    crisis.line(resolved("i1", "westside", "mallory", "2026-12-01T15:03:00Z"));
    assertThat(crisis.output())
        .as("two dead letters, no notification, no status")
        .extracting(record -> ((DeadLetter) record.value).getErrorMessage())
        .containsExactly(
            "OWNERSHIP: incidentId i1 of branch westside belongs to another branch",
            "OWNERSHIP: incidentId i1 of branch westside belongs to another branch");

    crisis.tick("2026-12-01T15:15:00Z");
    assertThat(crisis.brief())
        .as("still eastside's HIGH incident, escalating on time")
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:15:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:15:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aDeadlineThatFellBeforeALineFiresBeforeTheLine() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.line(acknowledged("i1", "westside", "dana", "2026-12-01T15:20:00Z"));

    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:20:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:20:00"),
            status(
                "i1 ACKNOWLEDGED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK] ackBy=dana",
                "15:20:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void deadlinesAreCheckedAtTheConfiguredIntervalAndBeforeEveryEvent() {
    crisis =
        new CrisisDriver(stateDir, Map.of(CrisisSettings.ESCALATION_CHECK_INTERVAL, "1h"))
            .lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.line(reported("i2", "westside", "LOW", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.advance(Duration.ofMinutes(20));
    assertThat(crisis.brief()).as("the first check is at 16:00").isEmpty();

    crisis.line(acknowledged("i2", "westside", "dana", "2026-12-01T15:20:00Z"));
    assertThat(crisis.brief())
        .as("an event first fires every deadline due, of any incident")
        .containsExactly(
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:20:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:20:00"),
            status(
                "i2 ESCALATED LOW tier=1 notified=2 [i2/0/manager/EMAIL, i2/0/manager/SMS]",
                "15:20:00"),
            status(
                "i2 ACKNOWLEDGED LOW tier=1 notified=2 [i2/0/manager/EMAIL, i2/0/manager/SMS]"
                    + " ackBy=dana",
                "15:20:00"));

    crisis.advance(Duration.ofMinutes(40));
    assertThat(crisis.brief())
        .as("the hourly check at 16:00 finds tier 2 of i1 due since 15:45")
        .containsExactly(
            alert("i1/2/board/SMS", "HIGH", 2, BOARD, "16:00:00"),
            status(
                "i1 ESCALATED HIGH tier=2 notified=5 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK, i1/2/board/SMS]",
                "16:00:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aResolutionNoticeGoesToEveryoneAlertedOnEveryChannel() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "CRITICAL", "2026-12-01T15:00:00Z"));
    crisis.tick("2026-12-01T15:15:00Z");
    crisis.line(acknowledged("i1", "westside", "jo", "2026-12-01T15:16:00Z"));
    crisis.brief();

    crisis.line(resolved("i1", "westside", "alex", "2026-12-01T16:30:00Z"));

    assertThat(crisis.brief())
        .containsExactly(
            resolution("i1/resolved/manager/EMAIL", "CRITICAL", 0, MANAGER_EMAIL, "16:30:00"),
            resolution("i1/resolved/manager/SMS", "CRITICAL", 0, MANAGER_SMS, "16:30:00"),
            resolution("i1/resolved/comms/EMAIL", "CRITICAL", 0, COMMS, "16:30:00"),
            resolution("i1/resolved/director/EMAIL", "CRITICAL", 0, DIRECTOR, "16:30:00"),
            resolution("i1/resolved/deputy/WEBHOOK", "CRITICAL", 1, DEPUTY, "16:30:00"),
            status(
                "i1 RESOLVED CRITICAL tier=1 notified=5 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/0/director/EMAIL, i1/1/deputy/WEBHOOK] ackBy=jo",
                "16:30:00"));

    crisis.tick("2026-12-02T15:00:00Z");
    assertThat(crisis.brief()).isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void aResolutionStopsTheEscalationWithoutAnAcknowledgement() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "LOW", "2026-12-01T15:00:00Z"));
    crisis.brief();

    crisis.line(resolved("i1", "westside", "dana", "2026-12-01T15:05:00Z"));
    crisis.tick("2026-12-01T18:00:00Z");

    assertThat(crisis.brief())
        .containsExactly(
            resolution("i1/resolved/manager/EMAIL", "LOW", 0, MANAGER_EMAIL, "15:05:00"),
            resolution("i1/resolved/manager/SMS", "LOW", 0, MANAGER_SMS, "15:05:00"),
            status(
                "i1 RESOLVED LOW tier=0 notified=2 [i1/0/manager/EMAIL, i1/0/manager/SMS]",
                "15:05:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void withoutAPlanAnIncidentIsUnroutedUntilItIsReportedAgainOnceThereIsOne() {
    crisis = new CrisisDriver(stateDir);

    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief())
        .containsExactly(status("i1 UNROUTED HIGH tier=-1 notified=0 []", "15:00:00"));

    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:01:00Z"));
    crisis.tick("2026-12-01T16:00:00Z");
    assertThat(crisis.brief()).as("still no plan: nothing new").isEmpty();

    crisis.line(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T16:01:00Z"));
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL", "HIGH", 0, MANAGER_EMAIL, "16:01:00"),
            alert("i1/0/manager/SMS", "HIGH", 0, MANAGER_SMS, "16:01:00"),
            alert("i1/0/comms/EMAIL", "HIGH", 0, COMMS, "16:01:00"),
            status(
                "i1 OPEN HIGH tier=0 notified=3"
                    + " [i1/0/manager/EMAIL, i1/0/manager/SMS, i1/0/comms/EMAIL]",
                "16:01:00"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void eventsForAnIncidentNeverReportedAreIgnored() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);

    crisis.line(acknowledged("ghost", "westside", "dana", "2026-12-01T15:00:00Z"));
    crisis.line(resolved("ghost", "westside", "dana", "2026-12-01T15:01:00Z"));

    assertThat(crisis.brief()).isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void repeatedAndReplayedEventsAddNoNotification() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    List<String> history =
        List.of(
            reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"),
            reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"),
            reported("i1", "westside", "CRITICAL", "2026-12-01T15:05:00Z"),
            acknowledged("i1", "westside", "dana", "2026-12-01T15:20:00Z"),
            acknowledged("i1", "westside", "dana", "2026-12-01T15:21:00Z"),
            resolved("i1", "westside", "dana", "2026-12-01T15:30:00Z"),
            resolved("i1", "westside", "dana", "2026-12-01T15:31:00Z"));
    history.forEach(crisis::line);
    assertThat(crisis.brief())
        .containsExactly(
            alert("i1/0/manager/EMAIL", "HIGH", 0, MANAGER_EMAIL, "15:00:00"),
            alert("i1/0/manager/SMS", "HIGH", 0, MANAGER_SMS, "15:00:00"),
            alert("i1/0/comms/EMAIL", "HIGH", 0, COMMS, "15:00:00"),
            status(
                "i1 OPEN HIGH tier=0 notified=3"
                    + " [i1/0/manager/EMAIL, i1/0/manager/SMS, i1/0/comms/EMAIL]",
                "15:00:00"),
            alert("i1/1/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:20:00"),
            status(
                "i1 ESCALATED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK]",
                "15:20:00"),
            status(
                "i1 ACKNOWLEDGED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK] ackBy=dana",
                "15:20:00"),
            resolution("i1/resolved/manager/EMAIL", "HIGH", 0, MANAGER_EMAIL, "15:30:00"),
            resolution("i1/resolved/manager/SMS", "HIGH", 0, MANAGER_SMS, "15:30:00"),
            resolution("i1/resolved/comms/EMAIL", "HIGH", 0, COMMS, "15:30:00"),
            resolution("i1/resolved/deputy/WEBHOOK", "HIGH", 1, DEPUTY, "15:30:00"),
            status(
                "i1 RESOLVED HIGH tier=1 notified=4 [i1/0/manager/EMAIL, i1/0/manager/SMS,"
                    + " i1/0/comms/EMAIL, i1/1/deputy/WEBHOOK] ackBy=dana",
                "15:30:00"));

    history.forEach(crisis::line);
    crisis.tick("2026-12-03T00:00:00Z");

    assertThat(crisis.brief()).as("the whole history replayed").isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  private static String alert(String id, String severity, int tier, String recipient, String at) {
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

  private static String resolution(
      String id, String severity, int tier, String recipient, String at) {
    return "N "
        + id
        + " RESOLUTION "
        + severity
        + " tier="
        + tier
        + " "
        + recipient
        + " at=2026-12-01T"
        + at
        + "Z";
  }

  private static String status(String text, String at) {
    return "S " + text + " at=2026-12-01T" + at + "Z";
  }
}
