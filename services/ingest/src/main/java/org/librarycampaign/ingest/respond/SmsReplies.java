package org.librarycampaign.ingest.respond;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.librarycampaign.platform.ack.ReplyCodes;

/**
 * What an SMS reply means (services/ingest/README.md#sms-replies), as a pure function of who sent
 * it, what it says, the SMS alerts sent to that number and the status of their incidents.
 *
 * <ul>
 *   <li>A number never alerted by SMS: ignored, without an answer (counted).
 *   <li>A code {@code <n>A} or {@code <n>E} (platform {@code ack.ReplyCodes}): acknowledges or
 *       escalates the incident with that number among those the number was alerted about.
 *   <li>{@code ACK}, {@code OK} or {@code YES}: acknowledges the sender's only open incident; with
 *       several, the answer lists their codes.
 *   <li>Anything else: a short help text, with the codes of the sender's open incidents.
 * </ul>
 *
 * An incident already acknowledged or resolved is not acted on again: the answer says by whom.
 */
public final class SmsReplies {

  private static final Set<String> BARE_ACKNOWLEDGEMENTS = Set.of("ACK", "OK", "YES");
  private static final int MAX_LISTED = 5;

  private final Function<String, ZoneId> zones;

  /** Every time in one zone. */
  public SmsReplies(ZoneId zone) {
    this(branchId -> zone);
  }

  /**
   * @param zones the zone of a branch's people: an answer's times read in the zone of the
   *     incident's branch (README.md, "Local time")
   */
  public SmsReplies(Function<String, ZoneId> zones) {
    this.zones = zones;
  }

  /** What to do. */
  public enum Action {
    /** Write IncidentAcknowledged (via SMS) for {@link Reply#alert()}'s incident and recipient. */
    ACKNOWLEDGE,
    /** Write IncidentEscalationRequested (via SMS). */
    ESCALATE,
    /** Only answer. */
    ANSWER,
    /** Neither answer nor act: the number is not known. */
    IGNORE
  }

  /**
   * @param alert the latest alert of the incident acted on to this number (who the sender is); null
   *     unless acting
   * @param answer the text to send back; empty to send none
   * @param outcome what happened, for the metric: acknowledged, escalated, already_acknowledged,
   *     resolved, listed, ambiguous, unknown_code, no_open_incident, help, unknown_number
   */
  public record Reply(Action action, Notification alert, String answer, String outcome) {}

  /**
   * @param alerts every SMS alert sent to the sender's number, oldest first
   * @param statuses the status of each of their incidents, by incidentId (missing: not known yet,
   *     taken as open)
   */
  public Reply reply(String body, List<Notification> alerts, Map<String, IncidentStatus> statuses) {
    if (alerts.isEmpty()) {
      return new Reply(Action.IGNORE, null, "", "unknown_number");
    }
    Map<String, Notification> latest = new LinkedHashMap<>();
    alerts.forEach(alert -> latest.put(alert.getIncidentId(), alert));
    String text = body == null ? "" : body.strip();
    Optional<ReplyCodes.Reply> code = ReplyCodes.parse(text);
    if (code.isPresent()) {
      return byCode(code.get(), latest, statuses);
    }
    List<Notification> open =
        latest.values().stream()
            .filter(alert -> isOpen(statuses.get(alert.getIncidentId())))
            .toList();
    if (BARE_ACKNOWLEDGEMENTS.contains(text.toUpperCase(Locale.ROOT))) {
      if (open.size() == 1) {
        return act(Action.ACKNOWLEDGE, open.get(0));
      }
      if (open.isEmpty()) {
        return answer("You have no open incident to acknowledge.", "no_open_incident");
      }
      return answer("You have " + open.size() + " open incidents: " + codes(open) + ".", "listed");
    }
    String help =
        "Reply <n>A to acknowledge or <n>E to escalate an incident now; ACK acknowledges your only"
            + " open incident.";
    return answer(
        open.isEmpty()
            ? help + " You have no open incident."
            : help + " Open: " + codes(open) + ".",
        "help");
  }

  private Reply byCode(
      ReplyCodes.Reply code,
      Map<String, Notification> latest,
      Map<String, IncidentStatus> statuses) {
    List<Notification> matches =
        latest.values().stream()
            .filter(alert -> ReplyCodes.number(alert.getIncidentId()) == code.number())
            .toList();
    if (matches.size() > 1) {
      // an old resolved incident may share the number; the open ones are what the code means
      List<Notification> unresolved =
          matches.stream()
              .filter(alert -> !isResolved(statuses.get(alert.getIncidentId())))
              .toList();
      matches =
          unresolved.isEmpty() ? matches.subList(matches.size() - 1, matches.size()) : unresolved;
    }
    if (matches.isEmpty()) {
      List<Notification> open =
          latest.values().stream().filter(a -> isOpen(statuses.get(a.getIncidentId()))).toList();
      return answer(
          "No incident of yours has code "
              + code.number()
              + "."
              + (open.isEmpty() ? " You have no open incident." : " Open: " + codes(open) + "."),
          "unknown_code");
    }
    if (matches.size() > 1) {
      return answer(
          "Code "
              + code.number()
              + " matches "
              + matches.size()
              + " of your incidents ("
              + matches.stream().map(Notification::getIncidentId).collect(Collectors.joining(", "))
              + "): please use the link in the message.",
          "ambiguous");
    }
    Notification alert = matches.get(0);
    IncidentStatus status = statuses.get(alert.getIncidentId());
    if (isResolved(status)) {
      return answer(
          "Incident "
              + alert.getIncidentId()
              + " is already resolved"
              + (status.getResolvedBy() == null ? "" : " by " + status.getResolvedBy())
              + ".",
          "resolved");
    }
    if (status != null && status.getState() == IncidentState.ACKNOWLEDGED) {
      return answer(
          "Incident "
              + alert.getIncidentId()
              + " was already acknowledged by "
              + status.getAcknowledgedBy()
              + (status.getAcknowledgedAt() == null
                  ? ""
                  : " at "
                      + LocalTimes.brief(
                          status.getAcknowledgedAt(), zones.apply(alert.getBranchId())))
              + ".",
          "already_acknowledged");
    }
    return act(
        code.action() == ReplyCodes.Action.ACKNOWLEDGE ? Action.ACKNOWLEDGE : Action.ESCALATE,
        alert);
  }

  private static Reply act(Action action, Notification alert) {
    String what =
        alert.getIncidentId() + " (" + alert.getBranchId() + ", " + alert.getSeverity() + ")";
    return action == Action.ACKNOWLEDGE
        ? new Reply(
            action,
            alert,
            "Thank you, "
                + alert.getRecipient().getName()
                + ": incident "
                + what
                + " is acknowledged; escalation stops.",
            "acknowledged")
        : new Reply(
            action,
            alert,
            "Incident " + what + " is escalated now: the next tier of the plan is told.",
            "escalated");
  }

  private static Reply answer(String text, String outcome) {
    return new Reply(Action.ANSWER, null, text, outcome);
  }

  private static String codes(List<Notification> open) {
    List<String> listed = new ArrayList<>();
    for (Notification alert : open.subList(0, Math.min(open.size(), MAX_LISTED))) {
      listed.add(
          ReplyCodes.number(alert.getIncidentId())
              + "A "
              + alert.getBranchId()
              + " "
              + abbreviate(alert.getSummary()));
    }
    if (open.size() > MAX_LISTED) {
      listed.add("and " + (open.size() - MAX_LISTED) + " more");
    }
    return String.join("; ", listed);
  }

  private static String abbreviate(String summary) {
    String oneLine = summary.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 30 ? oneLine : oneLine.substring(0, 29) + "\u2026";
  }

  private static boolean isOpen(IncidentStatus status) {
    return status == null
        || status.getState() == IncidentState.OPEN
        || status.getState() == IncidentState.ESCALATED;
  }

  private static boolean isResolved(IncidentStatus status) {
    return status != null && status.getState() == IncidentState.RESOLVED;
  }
}
