package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.ingest.respond.Incidents.sms;
import static org.librarycampaign.ingest.respond.Incidents.status;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponseChannel;
import org.junit.jupiter.api.Test;
import org.librarycampaign.ingest.respond.SmsReplies.Action;
import org.librarycampaign.ingest.respond.SmsReplies.Reply;
import org.librarycampaign.platform.ack.ReplyCodes;

class SmsRepliesTest {

  private static final String NUMBER = "+15550100";
  private final SmsReplies replies = new SmsReplies(ZoneId.of("America/Chicago"));

  private final Notification i1 = sms("i1", "manager", NUMBER);
  private final Notification i2 = sms("i2", "manager", NUMBER);
  private final int n1 = ReplyCodes.number("i1");
  private final int n2 = ReplyCodes.number("i2");

  @Test
  void theIncidentNumbersOfTheseTestsDiffer() {
    assertThat(n1).isNotEqualTo(n2);
  }

  @Test
  void aCodeAcknowledgesOrEscalatesItsIncident() {
    Map<String, IncidentStatus> open =
        Map.of(
            "i1", status("i1", IncidentState.OPEN, i1),
            "i2", status("i2", IncidentState.ESCALATED, i2));

    assertThat(replies.reply(n1 + "A", List.of(i1, i2), open))
        .isEqualTo(
            new Reply(
                Action.ACKNOWLEDGE,
                i1,
                "Thank you, Dana Reyes: incident i1 (westside, HIGH) is acknowledged; escalation"
                    + " stops.",
                "acknowledged"));
    assertThat(replies.reply(" " + n2 + "e ", List.of(i1, i2), open))
        .isEqualTo(
            new Reply(
                Action.ESCALATE,
                i2,
                "Incident i2 (westside, HIGH) is escalated now: the next tier of the plan is told.",
                "escalated"));
  }

  @Test
  void aBareAckAcknowledgesTheOnlyOpenIncidentOrListsTheCodes() {
    Map<String, IncidentStatus> oneOpen =
        Map.of(
            "i1", status("i1", IncidentState.RESOLVED, i1),
            "i2", status("i2", IncidentState.OPEN, i2));
    for (String bare : List.of("ACK", "ok", " Yes ")) {
      Reply reply = replies.reply(bare, List.of(i1, i2), oneOpen);
      assertThat(reply.action()).as(bare).isEqualTo(Action.ACKNOWLEDGE);
      assertThat(reply.alert()).as(bare).isEqualTo(i2);
    }

    Map<String, IncidentStatus> bothOpen =
        Map.of(
            "i1", status("i1", IncidentState.OPEN, i1),
            "i2", status("i2", IncidentState.OPEN, i2));
    assertThat(replies.reply("ack", List.of(i1, i2), bothOpen))
        .isEqualTo(
            new Reply(
                Action.ANSWER,
                null,
                "You have 2 open incidents: "
                    + n1
                    + "A westside Petition <b>to</b> remove a p\u2026; "
                    + n2
                    + "A westside Petition <b>to</b> remove a p\u2026.",
                "listed"));

    Map<String, IncidentStatus> noneOpen =
        Map.of(
            "i1", status("i1", IncidentState.RESOLVED, i1),
            "i2", status("i2", IncidentState.ACKNOWLEDGED, i2));
    assertThat(replies.reply("OK", List.of(i1, i2), noneOpen))
        .isEqualTo(
            new Reply(
                Action.ANSWER,
                null,
                "You have no open incident to acknowledge.",
                "no_open_incident"));
  }

  @Test
  void anAcknowledgedOrResolvedIncidentIsNotActedOnAgainAndTheAnswerSaysByWhom() {
    IncidentStatus acknowledged =
        IncidentStatus.newBuilder(status("i1", IncidentState.ACKNOWLEDGED, i1))
            .setAcknowledgedBy("Jo Park")
            .setAcknowledgedAt(Incidents.T0.plusSeconds(300))
            .setAcknowledgedVia(ResponseChannel.LINK)
            .build();
    assertThat(replies.reply(n1 + "E", List.of(i1), Map.of("i1", acknowledged)))
        .isEqualTo(
            new Reply(
                Action.ANSWER,
                null,
                "Incident i1 was already acknowledged by Jo Park at Tue 1 Dec, 09:05 CST.",
                "already_acknowledged"));

    IncidentStatus resolved =
        IncidentStatus.newBuilder(status("i1", IncidentState.RESOLVED, i1))
            .setResolvedBy("Alex Kim")
            .build();
    assertThat(replies.reply(n1 + "A", List.of(i1), Map.of("i1", resolved)))
        .isEqualTo(
            new Reply(
                Action.ANSWER, null, "Incident i1 is already resolved by Alex Kim.", "resolved"));
  }

  @Test
  void anUnknownCodeOrOtherTextGetsHelpWithTheOpenCodes() {
    Map<String, IncidentStatus> open = Map.of("i1", status("i1", IncidentState.OPEN, i1));
    int other = n1 == 99 ? 98 : n1 + 1;

    assertThat(replies.reply(other + "A", List.of(i1), open))
        .isEqualTo(
            new Reply(
                Action.ANSWER,
                null,
                "No incident of yours has code "
                    + other
                    + ". Open: "
                    + n1
                    + "A westside Petition <b>to</b> remove a p\u2026.",
                "unknown_code"));
    assertThat(replies.reply("what is this?", List.of(i1), open))
        .isEqualTo(
            new Reply(
                Action.ANSWER,
                null,
                "Reply <n>A to acknowledge or <n>E to escalate an incident now; ACK acknowledges"
                    + " your only open incident. Open: "
                    + n1
                    + "A westside Petition <b>to</b> remove a p\u2026.",
                "help"));
  }

  @Test
  void aNumberNeverAlertedIsIgnoredWithoutAnAnswer() {
    assertThat(replies.reply("ACK", List.of(), Map.of()))
        .isEqualTo(new Reply(Action.IGNORE, null, "", "unknown_number"));
  }

  @Test
  void twoOpenIncidentsWithTheSameNumberAreAmbiguous() {
    String twin = twinOf("i1");
    Notification other = sms(twin, "manager", NUMBER);
    Map<String, IncidentStatus> open =
        Map.of(
            "i1",
            status("i1", IncidentState.OPEN, i1),
            twin,
            status(twin, IncidentState.OPEN, other));

    Reply reply = replies.reply(n1 + "A", List.of(i1, other), open);
    assertThat(reply.action()).isEqualTo(Action.ANSWER);
    assertThat(reply.outcome()).isEqualTo("ambiguous");
    assertThat(reply.answer())
        .isEqualTo(
            "Code "
                + n1
                + " matches 2 of your incidents (i1, "
                + twin
                + "): please use the link in the message.");

    // once the twin is resolved, the code means the open one
    Map<String, IncidentStatus> oneResolved =
        Map.of(
            "i1",
            status("i1", IncidentState.OPEN, i1),
            twin,
            status(twin, IncidentState.RESOLVED, other));
    assertThat(replies.reply(n1 + "A", List.of(i1, other), oneResolved).alert()).isEqualTo(i1);
  }

  /** Another incident id with the same number (there is one among the first few hundred). */
  private static String twinOf(String incidentId) {
    for (int i = 0; ; i++) {
      String candidate = "x" + i;
      if (ReplyCodes.number(candidate) == ReplyCodes.number(incidentId)) {
        return candidate;
      }
    }
  }
}
