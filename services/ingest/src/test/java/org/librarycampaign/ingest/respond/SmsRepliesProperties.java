package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.ingest.respond.SmsReplies.Action;
import org.librarycampaign.ingest.respond.SmsReplies.Reply;
import org.librarycampaign.platform.ack.ReplyCodes;

/** What no SMS reply ever does, whatever its text and whatever the sender's incidents. */
class SmsRepliesProperties {

  private final SmsReplies replies = new SmsReplies(ZoneId.of("UTC"));

  /** The sender's incidents: ids and states. */
  record Sender(List<Notification> alerts, Map<String, IncidentStatus> statuses) {}

  @Property(tries = 300)
  void anActionIsOnlyEverOnAnOpenIncidentTheSenderWasAlertedAbout(
      @ForAll("senders") Sender sender, @ForAll("bodies") String body) {
    Reply reply = replies.reply(body, sender.alerts(), sender.statuses());

    if (reply.action() == Action.ACKNOWLEDGE || reply.action() == Action.ESCALATE) {
      assertThat(sender.alerts()).contains(reply.alert());
      IncidentStatus status = sender.statuses().get(reply.alert().getIncidentId());
      assertThat(
              status == null
                  || status.getState() == IncidentState.OPEN
                  || status.getState() == IncidentState.ESCALATED)
          .as("acted on %s", status == null ? "an unknown status" : status.getState())
          .isTrue();
    } else {
      assertThat(reply.alert()).isNull();
    }
    if (reply.action() == Action.ESCALATE) {
      assertThat(ReplyCodes.parse(body))
          .hasValueSatisfying(
              code -> assertThat(code.action()).isEqualTo(ReplyCodes.Action.ESCALATE));
    }
    assertThat(reply.action() == Action.IGNORE).isEqualTo(sender.alerts().isEmpty());
    assertThat(reply.answer().isEmpty()).isEqualTo(reply.action() == Action.IGNORE);
  }

  @Provide
  Arbitrary<Sender> senders() {
    Arbitrary<String> ids = Arbitraries.of("i1", "i2", "i3", "x7", "x12", "book-challenge-9");
    Arbitrary<IncidentState> states =
        Arbitraries.of(
            IncidentState.OPEN,
            IncidentState.ESCALATED,
            IncidentState.ACKNOWLEDGED,
            IncidentState.RESOLVED);
    return Combinators.combine(
            ids.set().ofMaxSize(4), states.list().ofSize(4), Arbitraries.integers().between(0, 3))
        .as(
            (chosen, chosenStates, unknown) -> {
              List<Notification> alerts = new ArrayList<>();
              Map<String, IncidentStatus> statuses = new LinkedHashMap<>();
              int i = 0;
              for (String id : chosen) {
                Notification alert = Incidents.sms(id, "manager", "+15550100");
                alerts.add(alert);
                if (i != unknown) {
                  statuses.put(id, Incidents.status(id, chosenStates.get(i), alert));
                }
                i++;
              }
              return new Sender(alerts, statuses);
            });
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> codes =
        Combinators.combine(
                Arbitraries.of("i1", "i2", "i3", "x7", "x12", "book-challenge-9", "zz"),
                Arbitraries.of("A", "a", "E", "e", " E"))
            .as((id, action) -> ReplyCodes.number(id) + action);
    return Arbitraries.oneOf(
        codes,
        Arbitraries.of("ACK", "ok", "Yes", "help", "", "   ", "STOP", "4", "100A", "A4"),
        Arbitraries.strings().ofMaxLength(12));
  }
}
