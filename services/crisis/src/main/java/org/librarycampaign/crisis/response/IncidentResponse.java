package org.librarycampaign.crisis.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The crisis rules of services/crisis/README.md#rules: fan-out to tier 0 on a report, escalation
 * tier by tier on a fixed schedule, acknowledgement stops escalation, resolution notices to
 * everyone alerted.
 *
 * <p>Every method is a pure function of its arguments: {@code now} is the wall-clock time the
 * caller processes the event or deadline at. Repeating an event changes nothing, so it sends
 * nothing twice.
 */
public final class IncidentResponse {

  private final Duration timeoutUnit;

  /**
   * @param timeoutUnit how long one unit of a tier's {@code ackTimeoutMinutes} lasts
   */
  public IncidentResponse(Duration timeoutUnit) {
    if (timeoutUnit.isNegative() || timeoutUnit.isZero()) {
      throw new IllegalArgumentException("the timeout unit must be positive, got " + timeoutUnit);
    }
    this.timeoutUnit = timeoutUnit;
  }

  /**
   * A report. A new incident is routed to its plan and tier 0 is alerted; without a plan it is
   * unrouted. A known incident is left alone, unless it is unrouted and a plan now exists: then it
   * is routed as if reported now.
   */
  public Outcome report(
      Optional<Incident> known, IncidentReport report, Optional<Plan> plan, Instant now) {
    if (known.isPresent() && known.get().stage() != IncidentStage.UNROUTED) {
      return Outcome.unchanged(known.get());
    }
    if (plan.isEmpty()) {
      return known.map(Outcome::unchanged).orElseGet(() -> unrouted(report, now));
    }
    EscalationPlan schedule = EscalationPlan.schedule(plan.get(), now, timeoutUnit);
    List<Notice> notices = new ArrayList<>();
    Incident routed =
        alertTier(Incident.routed(report, plan.get(), schedule, now), 0, now, notices);
    return Outcome.changed(routed, notices);
  }

  /** Alerts every tier whose deadline has passed by {@code now}, in order. */
  public Outcome escalate(Incident incident, Instant now) {
    if (!incident.awaitingAcknowledgement()) {
      return Outcome.unchanged(incident);
    }
    List<Integer> due = incident.schedule().tiersDue(incident.tier(), now);
    if (due.isEmpty()) {
      return Outcome.unchanged(incident);
    }
    List<Notice> notices = new ArrayList<>();
    Incident escalated = incident;
    for (int tier : due) {
      escalated = alertTier(escalated, tier, now, notices);
    }
    return Outcome.changed(escalated, notices);
  }

  /**
   * A responder asks for the next tier now (an SMS reply {@code <n>E}): that tier is alerted at
   * once, as if its deadline had passed; the tiers after it keep their deadlines of the fixed
   * schedule. Nothing happens once acknowledged or resolved, while unrouted, or when the last tier
   * has already been reached.
   */
  public Outcome escalateNow(Incident incident, Instant now) {
    int next = incident.tier() + 1;
    if (!incident.awaitingAcknowledgement() || next >= incident.plan().tiers().size()) {
      return Outcome.unchanged(incident);
    }
    List<Notice> notices = new ArrayList<>();
    return Outcome.changed(alertTier(incident, next, now, notices), notices);
  }

  /**
   * Someone took charge: escalation stops. Acknowledging twice, or after resolution, is a no-op.
   */
  public Outcome acknowledge(Incident incident, String by, Instant now) {
    return acknowledge(incident, by, null, now);
  }

  /**
   * The same, saying how: {@code via} ({@code API}, {@code LINK}, {@code SMS}; null when not said)
   * is kept for the timeline.
   */
  public Outcome acknowledge(Incident incident, String by, String via, Instant now) {
    if (incident.stage() == IncidentStage.ACKNOWLEDGED
        || incident.stage() == IncidentStage.RESOLVED) {
      return Outcome.unchanged(incident);
    }
    return Outcome.changed(incident.acknowledged(by, via, now), List.of());
  }

  /**
   * The incident is over: every responder alerted so far gets one resolution notice per channel
   * they were alerted on, at the address of their first alert on it, in the order first alerted.
   */
  public Outcome resolve(Incident incident, Resolution resolution, Instant now) {
    if (incident.stage() == IncidentStage.RESOLVED) {
      return Outcome.unchanged(incident);
    }
    Map<String, Notified> firstPerChannel = new LinkedHashMap<>();
    for (Notified alert : incident.notified()) {
      Recipient recipient = alert.recipient();
      firstPerChannel.putIfAbsent(
          NotificationIds.resolution(
              incident.incidentId(), recipient.responderId(), recipient.contact().channel()),
          alert);
    }
    List<Notice> notices = new ArrayList<>();
    firstPerChannel.forEach(
        (id, alert) ->
            notices.add(
                new Notice(id, NoticeKind.RESOLUTION, alert.tier(), alert.recipient(), now)));
    return Outcome.changed(incident.resolved(resolution, now), notices);
  }

  private static Outcome unrouted(IncidentReport report, Instant now) {
    return Outcome.changed(Incident.unrouted(report, now), List.of());
  }

  /**
   * Alerts the responders of one tier who handle the incident's severity, one notice per contact. A
   * second contact on the same channel would repeat an id, so only the first one is used.
   */
  private static Incident alertTier(Incident incident, int tier, Instant now, List<Notice> out) {
    Set<String> sent = new HashSet<>();
    incident.notified().forEach(n -> sent.add(n.notificationId()));
    List<Notified> added = new ArrayList<>();
    for (Responder responder : incident.plan().tiers().get(tier).responders()) {
      if (!responder.handles(incident.report().severity())) {
        continue;
      }
      for (Contact contact : responder.contacts()) {
        String id =
            NotificationIds.alert(
                incident.incidentId(), tier, responder.responderId(), contact.channel());
        if (sent.add(id)) {
          Recipient recipient = Recipient.of(responder, contact);
          added.add(new Notified(id, tier, recipient));
          out.add(new Notice(id, NoticeKind.ALERT, tier, recipient, now));
        }
      }
    }
    return incident.reachedTier(tier, added, now);
  }
}
