package org.librarycampaign.ingest.respond;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.NotificationKind;

/**
 * The timeline of one incident (services/ingest/README.md#incident-timeline), built from the crisis
 * service's records: its latest status, its notifications and their latest delivery receipts. Each
 * step has its time in the zone of the incident's branch, else the configured zone (ISO-8601 with
 * the offset; README.md, "Local time"); steps are in time order, and steps at the same time in the
 * order they happened.
 */
public final class Timeline {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Function<String, ZoneId> zones;

  /** Every time in one zone. */
  public Timeline(ZoneId zone) {
    this(branchId -> zone);
  }

  /**
   * @param zones the zone of a branch's people
   */
  public Timeline(Function<String, ZoneId> zones) {
    this.zones = zones;
  }

  /** The JSON body of {@code GET /v1/incidents/{incidentId}}, as ordered maps and lists. */
  public Map<String, Object> of(
      IncidentStatus status,
      List<Notification> notifications,
      Function<String, Optional<DeliveryReceipt>> receipts) {
    ZoneId zone = zones.apply(status.getBranchId());
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(status.getReportedAt(), 0, ordered("what", "reported")));
    Set<Integer> tiersSeen = new HashSet<>();
    for (Notification n : notifications) {
      if (n.getKind() == NotificationKind.ALERT && n.getTier() > 0 && tiersSeen.add(n.getTier())) {
        steps.add(new Step(n.getCreatedAt(), 1, ordered("what", "escalated", "tier", n.getTier())));
      }
      tiersSeen.add(n.getTier());
      Map<String, Object> step = ordered("what", kind(n), "notificationId", n.getNotificationId());
      step.put("tier", n.getTier());
      step.put("to", n.getRecipient().getName());
      step.put("role", n.getRecipient().getRole());
      step.put("channel", n.getChannel().name());
      step.put(
          "receipt", receipts.apply(n.getNotificationId()).map(r -> receipt(r, zone)).orElse(null));
      steps.add(new Step(n.getCreatedAt(), 2, step));
    }
    if (status.getAcknowledgedBy() != null) {
      Map<String, Object> step = ordered("what", "acknowledged", "by", status.getAcknowledgedBy());
      step.put(
          "via", status.getAcknowledgedVia() == null ? "API" : status.getAcknowledgedVia().name());
      Instant at =
          status.getAcknowledgedAt() != null ? status.getAcknowledgedAt() : status.getUpdatedAt();
      steps.add(new Step(at, 3, step));
    }
    if (status.getResolvedAt() != null) {
      steps.add(
          new Step(
              status.getResolvedAt(),
              1,
              ordered("what", "resolved", "by", status.getResolvedBy())));
    }
    steps.sort(Comparator.comparing(Step::at).thenComparing(Step::rank));

    Map<String, Object> body = ordered("incidentId", status.getIncidentId());
    body.put("branchId", status.getBranchId());
    body.put("state", status.getState().name());
    body.put("severity", status.getSeverity().name());
    body.put("summary", status.getSummary());
    body.put("tier", status.getTier());
    body.put("zone", zone.getId());
    body.put("reportedAt", local(status.getReportedAt(), zone));
    body.put("acknowledgedAt", local(status.getAcknowledgedAt(), zone));
    body.put("resolvedAt", local(status.getResolvedAt(), zone));
    body.put("timeToAcknowledge", between(status.getReportedAt(), status.getAcknowledgedAt()));
    body.put("timeToResolve", between(status.getReportedAt(), status.getResolvedAt()));
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (Step step : steps) {
      Map<String, Object> entry = ordered("at", local(step.at(), zone));
      entry.putAll(step.fields());
      timeline.add(entry);
    }
    body.put("timeline", timeline);
    return body;
  }

  /** What a notification id says it is: a tier alert, a repeat, a fallback, a resolution. */
  static String kind(Notification n) {
    if (n.getKind() == NotificationKind.RESOLUTION) {
      return "resolution-notice";
    }
    String id = n.getNotificationId();
    if (id.contains("/repeat-")) {
      return "repeated";
    }
    if (id.startsWith(n.getIncidentId() + "/fallback/")) {
      return "fallback";
    }
    return "notified";
  }

  private static Map<String, Object> receipt(DeliveryReceipt receipt, ZoneId zone) {
    Map<String, Object> out = ordered("status", receipt.getStatus().name());
    out.put("at", local(receipt.getAt(), zone));
    out.put("attempt", receipt.getAttempt());
    if (receipt.getReason() != null) {
      out.put("reason", receipt.getReason());
    }
    if (receipt.getNextAttemptAt() != null) {
      out.put("nextAttemptAt", local(receipt.getNextAttemptAt(), zone));
    }
    if (receipt.getOutbox()) {
      out.put("outbox", true);
    }
    return out;
  }

  private static String local(Instant at, ZoneId zone) {
    return at == null ? null : LOCAL.format(at.atZone(zone));
  }

  /** ISO-8601 ({@code PT4M30S}); null until the second time is known. */
  private static String between(Instant from, Instant to) {
    return to == null ? null : Duration.between(from, to).toString();
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** rank orders steps at the same instant: reported, escalated/resolved, notified, acked. */
  private record Step(Instant at, int rank, Map<String, Object> fields) {}
}
