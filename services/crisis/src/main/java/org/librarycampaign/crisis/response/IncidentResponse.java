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
import library.campaign.events.ContactChannel;

/**
 * The crisis rules of services/crisis/README.md#rules: fan-out to tier 0 on a report, escalation
 * tier by tier on a fixed schedule, repeats of the last tier, then the fallback contacts;
 * acknowledgement stops escalation, resolution notices to everyone alerted. An unrouted incident
 * goes to the fallback contacts at once.
 *
 * <p>Every method is a pure function of its arguments: {@code now} is the wall-clock time the
 * caller processes the event or deadline at. Repeating an event changes nothing, so it sends
 * nothing twice.
 */
public final class IncidentResponse {

  private final Duration timeoutUnit;
  private final List<FallbackContact> fallback;

  /**
   * @param timeoutUnit how long one unit of a tier's {@code ackTimeoutMinutes} lasts
   */
  public IncidentResponse(Duration timeoutUnit) {
    this(timeoutUnit, List.of());
  }

  /**
   * @param timeoutUnit how long one unit of a tier's {@code ackTimeoutMinutes} (and of a repeat's
   *     {@code everyMinutes}) lasts
   * @param fallback who is told of unrouted and exhausted incidents, in order
   */
  public IncidentResponse(Duration timeoutUnit, List<FallbackContact> fallback) {
    if (timeoutUnit.isNegative() || timeoutUnit.isZero()) {
      throw new IllegalArgumentException("the timeout unit must be positive, got " + timeoutUnit);
    }
    this.timeoutUnit = timeoutUnit;
    this.fallback = List.copyOf(fallback);
  }

  public Outcome report(
      Optional<Incident> known, IncidentReport report, Optional<Plan> plan, Instant now) {
    return report(known, report, plan, now, Overrides.NONE);
  }

  /**
   * A report. A new incident is routed to its plan and tier 0 is alerted; without a plan it is
   * unrouted and the fallback contacts are told. A known incident is left alone, unless it is
   * unrouted and a plan now exists: then it is routed as if reported now.
   */
  public Outcome report(
      Optional<Incident> known,
      IncidentReport report,
      Optional<Plan> plan,
      Instant now,
      Overrides overrides) {
    if (known.isPresent() && known.get().stage() != IncidentStage.UNROUTED) {
      return Outcome.unchanged(known.get());
    }
    if (plan.isEmpty()) {
      return known.map(Outcome::unchanged).orElseGet(() -> unrouted(report, now));
    }
    EscalationPlan schedule = EscalationPlan.schedule(plan.get(), now, timeoutUnit);
    List<Notice> notices = new ArrayList<>();
    Incident base = known.orElseGet(() -> Incident.unrouted(report, now));
    Incident routed =
        alertTier(base.routed(report, plan.get(), schedule, now), 0, now, overrides, notices);
    return Outcome.changed(routed, notices);
  }

  public Outcome escalate(Incident incident, Instant now) {
    return escalate(incident, now, Overrides.NONE);
  }

  /**
   * Every step of the schedule whose time has come by {@code now}, in order: the tiers, then the
   * repeats of the last tier, then exhaustion (the fallback contacts are told).
   */
  public Outcome escalate(Incident incident, Instant now, Overrides overrides) {
    List<Notice> notices = new ArrayList<>();
    Incident escalated = incident;
    Optional<EscalationPlan.Step> step = escalated.nextStep();
    while (step.isPresent() && !step.get().at().isAfter(now)) {
      escalated =
          switch (step.get().kind()) {
            case TIER -> alertTier(escalated, step.get().number(), now, overrides, notices);
            case REPEAT -> repeatLastTier(escalated, step.get().number(), now, overrides, notices);
            case EXHAUSTED -> escalated.exhausted(alertFallback(escalated, now, notices), now);
          };
      step = escalated.nextStep();
    }
    return escalated == incident
        ? Outcome.unchanged(incident)
        : Outcome.changed(escalated, notices);
  }

  /**
   * A responder asks for the next tier now (an SMS reply {@code <n>E}): that tier is alerted at
   * once, as if its deadline had passed; the tiers after it keep their deadlines of the fixed
   * schedule. Nothing happens once acknowledged or resolved, while unrouted, or when the last tier
   * has already been reached.
   */
  public Outcome escalateNow(Incident incident, Instant now) {
    return escalateNow(incident, now, Overrides.NONE);
  }

  /** The same, with the rotation overrides of the incident's plan (the member on duty is told). */
  public Outcome escalateNow(Incident incident, Instant now, Overrides overrides) {
    int next = incident.tier() + 1;
    if (!incident.awaitingAcknowledgement() || next >= incident.plan().tiers().size()) {
      return Outcome.unchanged(incident);
    }
    List<Notice> notices = new ArrayList<>();
    return Outcome.changed(alertTier(incident, next, now, overrides, notices), notices);
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
   * The incident is over: every responder (and fallback contact) alerted so far gets one resolution
   * notice per channel they were alerted on, at the address of their first alert on it, in the
   * order first alerted.
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

  private Outcome unrouted(IncidentReport report, Instant now) {
    Incident incident = Incident.unrouted(report, now);
    List<Notice> notices = new ArrayList<>();
    return Outcome.changed(incident.told(alertFallback(incident, now, notices), now), notices);
  }

  /**
   * Alerts the responders of one tier who handle the incident's severity (for a rotation, its
   * member on duty now), one notice per contact. A second contact on the same channel would repeat
   * an id, so only the first one is used.
   */
  private static Incident alertTier(
      Incident incident, int tier, Instant now, Overrides overrides, List<Notice> out) {
    List<Notified> added =
        tell(
            incident,
            tier,
            now,
            overrides,
            0,
            out,
            (r, c) -> NotificationIds.alert(incident.incidentId(), tier, r, c));
    return incident.reachedTier(tier, added, now);
  }

  /** Repeat {@code n} of the last tier: whoever is on it now, ids ending {@code /repeat-<n>}. */
  private static Incident repeatLastTier(
      Incident incident, int n, Instant now, Overrides overrides, List<Notice> out) {
    int tier = incident.tier();
    List<Notified> added =
        tell(
            incident,
            tier,
            now,
            overrides,
            n,
            out,
            (r, c) -> NotificationIds.repeat(incident.incidentId(), tier, r, c, n));
    return incident.repeated(n, added, now);
  }

  private interface IdScheme {
    String id(String responderId, ContactChannel channel);
  }

  private static List<Notified> tell(
      Incident incident,
      int tier,
      Instant now,
      Overrides overrides,
      int repeat,
      List<Notice> out,
      IdScheme ids) {
    Set<String> sent = sentIds(incident);
    List<Notified> added = new ArrayList<>();
    for (Responder listed : incident.plan().tiers().get(tier).responders()) {
      if (!listed.handles(incident.report().severity())) {
        continue;
      }
      Responder responder = listed.onDuty(now, overrides.of(listed.responderId()));
      for (Contact contact : responder.contacts()) {
        String id = ids.id(responder.responderId(), contact.channel());
        if (sent.add(id)) {
          Recipient recipient = Recipient.of(responder, contact);
          added.add(new Notified(id, tier, recipient));
          NoticeKind kind = repeat > 0 ? NoticeKind.REPEAT : NoticeKind.ALERT;
          out.add(new Notice(id, kind, tier, recipient, now, repeat));
        }
      }
    }
    return added;
  }

  /** Every fallback contact, on each channel once, tier -1. */
  private List<Notified> alertFallback(Incident incident, Instant now, List<Notice> out) {
    Set<String> sent = sentIds(incident);
    List<Notified> added = new ArrayList<>();
    for (int i = 0; i < fallback.size(); i++) {
      FallbackContact person = fallback.get(i);
      for (Contact contact : person.contacts()) {
        String id = NotificationIds.fallback(incident.incidentId(), i + 1, contact.channel());
        if (sent.add(id)) {
          Recipient recipient = Recipient.fallback(i + 1, person, contact);
          added.add(new Notified(id, -1, recipient));
          out.add(new Notice(id, NoticeKind.FALLBACK, -1, recipient, now));
        }
      }
    }
    return added;
  }

  private static Set<String> sentIds(Incident incident) {
    Set<String> sent = new HashSet<>();
    incident.notified().forEach(n -> sent.add(n.notificationId()));
    return sent;
  }
}
