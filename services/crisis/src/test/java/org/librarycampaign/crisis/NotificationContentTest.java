package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;
import library.campaign.events.NotifiedContact;
import library.campaign.events.Recipient;
import library.campaign.events.ResponseChannel;
import library.campaign.events.Severity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.ack.AckClaim;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;

/** Whole records, every field: what a recipient reads and what the dashboard shows. */
class NotificationContentTest {

  private static final List<String> STEPS =
      List.of(
          "Hold all campaign posts",
          "Call the branch manager",
          "Send press questions to the comms officer");
  private static final String SUBJECT =
      "westside: Book challenge - Petition to remove a picture book";
  private static final String FACTS =
      """
      Petition to remove a picture book

      Incident:     i-7
      Branch:       westside
      Severity:     HIGH
      Category:     Book challenge
      Reported:     2026-12-01T15:00:00Z by jlee
      """;
  private static final String ACK_URL = "https://campaign.example.org/v1/incidents/i-7/ack";
  private static final NotifiedContact MANAGER_EMAIL =
      new NotifiedContact("i-7/0/manager/EMAIL", 0, "manager", "Dana Reyes", ContactChannel.EMAIL);
  private static final NotifiedContact MANAGER_SMS =
      new NotifiedContact("i-7/0/manager/SMS", 0, "manager", "Dana Reyes", ContactChannel.SMS);
  private static final NotifiedContact COMMS_EMAIL =
      new NotifiedContact("i-7/0/comms/EMAIL", 0, "comms", "Sam Ortiz", ContactChannel.EMAIL);
  private static final NotifiedContact DEPUTY_WEBHOOK =
      new NotifiedContact("i-7/1/deputy/WEBHOOK", 1, "deputy", "Jo Park", ContactChannel.WEBHOOK);

  /**
   * The one-tap link of an alert written at {@code time}: the development key signs it, over the
   * incident, tier and responder, valid for 7 days (AckLinksTest covers the signing itself).
   */
  private static String ackUrl(int tier, String responderId, String time) {
    AckLinks links = AckLinks.from(CampaignConfig.of(Map.of()));
    AckClaim claim =
        new AckClaim("westside", "i-7", tier, responderId, at(time).plus(Duration.ofDays(7)));
    return "https://campaign.example.org/ack/" + links.sign(claim);
  }

  @TempDir Path stateDir;
  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void everyRecordCarriesWhatItsReaderNeeds() {
    crisis =
        new CrisisDriver(
                stateDir, Map.of(CrisisSettings.PUBLIC_URL, "https://campaign.example.org"))
            .lines(DEFAULT_PLAN);

    crisis.line(reported("i-7", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    List<KeyValue<String, SpecificRecord>> reported = crisis.output();
    assertThat(reported).hasSize(4);
    assertThat(reported.get(0))
        .isEqualTo(
            KeyValue.pair(
                "i-7/0/manager/EMAIL",
                Notification.newBuilder()
                    .setNotificationId("i-7/0/manager/EMAIL")
                    .setIncidentId("i-7")
                    .setBranchId("westside")
                    .setKind(NotificationKind.ALERT)
                    .setTier(0)
                    .setSeverity(Severity.HIGH)
                    .setRecipient(new Recipient("manager", "Dana Reyes", "Branch manager"))
                    .setChannel(ContactChannel.EMAIL)
                    .setAddress("dana@library.example")
                    .setSubject("[HIGH] " + SUBJECT)
                    .setBody(
                        "HIGH incident at branch westside: Book challenge\n\n"
                            + FACTS
                            + """

                            Dana Reyes, you are alerted as Branch manager on tier 0 of the default \
                            response plan.

                            Steps:
                            1. Hold all campaign posts
                            2. Call the branch manager
                            3. Send press questions to the comms officer

                            Acknowledge in one tap (this stops the escalation):\s"""
                            + ackUrl(0, "manager", "15:00:00"))
                    .setSummary("Petition to remove a picture book")
                    .setSteps(STEPS)
                    .setAcknowledgeUrl(ACK_URL)
                    .setAckUrl(ackUrl(0, "manager", "15:00:00"))
                    .setCreatedAt(at("15:00:00"))
                    .build()));
    assertThat(reported.get(3))
        .isEqualTo(
            KeyValue.pair(
                "i-7",
                status(
                    IncidentState.OPEN,
                    0,
                    null,
                    "15:00:00",
                    MANAGER_EMAIL,
                    MANAGER_SMS,
                    COMMS_EMAIL)));

    crisis.tick("2026-12-01T15:15:00Z");
    List<KeyValue<String, SpecificRecord>> escalated = crisis.output();
    assertThat(escalated)
        .containsExactly(
            KeyValue.pair(
                "i-7/1/deputy/WEBHOOK",
                Notification.newBuilder()
                    .setNotificationId("i-7/1/deputy/WEBHOOK")
                    .setIncidentId("i-7")
                    .setBranchId("westside")
                    .setKind(NotificationKind.ALERT)
                    .setTier(1)
                    .setSeverity(Severity.HIGH)
                    .setRecipient(new Recipient("deputy", "Jo Park", "Deputy director"))
                    .setChannel(ContactChannel.WEBHOOK)
                    .setAddress("https://chat.example/hooks/crisis")
                    .setSubject("[HIGH] ESCALATED to tier 1 - " + SUBJECT)
                    .setBody(
                        "HIGH incident at branch westside: Book challenge\n\n"
                            + FACTS
                            + """

                            Jo Park, you are alerted as Deputy director on tier 1 of the default \
                            response plan.
                            Nobody acknowledged it within 15 minutes of the first alert, so it is \
                            escalated to you.

                            Steps:
                            1. Hold all campaign posts
                            2. Call the branch manager
                            3. Send press questions to the comms officer

                            Acknowledge in one tap (this stops the escalation):\s"""
                            + ackUrl(1, "deputy", "15:15:00"))
                    .setSummary("Petition to remove a picture book")
                    .setSteps(STEPS)
                    .setAcknowledgeUrl(ACK_URL)
                    .setAckUrl(ackUrl(1, "deputy", "15:15:00"))
                    .setCreatedAt(at("15:15:00"))
                    .build()),
            KeyValue.pair(
                "i-7",
                status(
                    IncidentState.ESCALATED,
                    1,
                    null,
                    "15:15:00",
                    MANAGER_EMAIL,
                    MANAGER_SMS,
                    COMMS_EMAIL,
                    DEPUTY_WEBHOOK)));

    crisis.line(
        Lines.q(
            "{'type':'IncidentAcknowledged','incidentId':'i-7','branchId':'westside','by':'jo',"
                + "'at':'2026-12-01T15:16:00Z','via':'LINK'}"));
    crisis.line(resolved("i-7", "westside", "alex", "2026-12-01T16:30:00Z"));
    List<KeyValue<String, SpecificRecord>> ended = crisis.output();
    assertThat(ended).hasSize(6);
    assertThat(ended.get(0))
        .isEqualTo(
            KeyValue.pair(
                "i-7",
                IncidentStatus.newBuilder(
                        status(
                            IncidentState.ACKNOWLEDGED,
                            1,
                            "jo",
                            "15:16:00",
                            MANAGER_EMAIL,
                            MANAGER_SMS,
                            COMMS_EMAIL,
                            DEPUTY_WEBHOOK))
                    .setAcknowledgedAt(at("15:16:00"))
                    .setAcknowledgedVia(ResponseChannel.LINK)
                    .build()));
    assertThat(ended.get(4))
        .isEqualTo(
            KeyValue.pair(
                "i-7/resolved/deputy/WEBHOOK",
                Notification.newBuilder()
                    .setNotificationId("i-7/resolved/deputy/WEBHOOK")
                    .setIncidentId("i-7")
                    .setBranchId("westside")
                    .setKind(NotificationKind.RESOLUTION)
                    .setTier(1)
                    .setSeverity(Severity.HIGH)
                    .setRecipient(new Recipient("deputy", "Jo Park", "Deputy director"))
                    .setChannel(ContactChannel.WEBHOOK)
                    .setAddress("https://chat.example/hooks/crisis")
                    .setSubject("[RESOLVED] " + SUBJECT)
                    .setBody(
                        "RESOLVED: HIGH incident at branch westside: Book challenge\n\n"
                            + FACTS
                            + """
                            Acknowledged: by jo
                            Resolved:     2026-12-01T16:30:00Z by alex
                            Resolution:   The board kept the book on the shelf

                            Jo Park, you were alerted as Deputy director on tier 1. No further \
                            action is needed.""")
                    .setSummary("Petition to remove a picture book")
                    .setSteps(STEPS)
                    .setAcknowledgeUrl(null)
                    .setCreatedAt(at("16:30:00"))
                    .build()));
    assertThat(ended.get(5))
        .isEqualTo(
            KeyValue.pair(
                "i-7",
                IncidentStatus.newBuilder(
                        status(
                            IncidentState.RESOLVED,
                            1,
                            "jo",
                            "16:30:00",
                            MANAGER_EMAIL,
                            MANAGER_SMS,
                            COMMS_EMAIL,
                            DEPUTY_WEBHOOK))
                    .setAcknowledgedAt(at("15:16:00"))
                    .setAcknowledgedVia(ResponseChannel.LINK)
                    .setResolvedBy("alex")
                    .setResolvedAt(at("16:30:00"))
                    .build()));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  private static IncidentStatus status(
      IncidentState state,
      int tier,
      String acknowledgedBy,
      String updatedAt,
      NotifiedContact... notified) {
    return IncidentStatus.newBuilder()
        .setIncidentId("i-7")
        .setBranchId("westside")
        .setState(state)
        .setSeverity(Severity.HIGH)
        .setSummary("Petition to remove a picture book")
        .setTier(tier)
        .setNotifiedCount(notified.length)
        .setNotified(List.of(notified))
        .setAcknowledgedBy(acknowledgedBy)
        .setReportedAt(at("15:00:00"))
        .setUpdatedAt(at(updatedAt))
        .build();
  }

  private static Instant at(String time) {
    return Instant.parse("2026-12-01T" + time + "Z");
  }
}
