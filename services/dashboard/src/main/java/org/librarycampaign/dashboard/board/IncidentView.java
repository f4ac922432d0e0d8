package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;

/**
 * An incident: what was reported, the tier reached, who was notified over which channel, who
 * acknowledged and how ({@code acknowledgedVia}: API, LINK, SMS), and every notification's delivery
 * receipts.
 *
 * @param state the crisis service's state (OPEN, ESCALATED, ACKNOWLEDGED, RESOLVED, UNROUTED,
 *     EXHAUSTED); before it has said anything, REPORTED, ACKNOWLEDGED or RESOLVED as the branch
 *     told it
 * @param open not resolved
 * @param unheard open, and nobody on a response plan is handling it: UNROUTED (no plan) or
 *     EXHAUSTED (nobody answered through the last tier and its repeats); only the fallback contacts
 *     were told. Shown first, in red.
 */
public record IncidentView(
    String incidentId,
    String branchId,
    String severity,
    String category,
    String summary,
    String state,
    boolean open,
    boolean unheard,
    int tier,
    String reportedBy,
    Instant reportedAt,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String resolvedBy,
    Instant resolvedAt,
    String resolution,
    List<Notified> notifications,
    String acknowledgedVia) {

  /**
   * One notification and its delivery.
   *
   * @param delivery the latest receipt's status (DELIVERED, RETRYING, FAILED), PENDING before the
   *     first
   * @param outbox the message went to the local outbox (the channel is not configured)
   */
  public record Notified(
      String notificationId,
      String kind,
      int tier,
      String responderId,
      String name,
      String role,
      String channel,
      String address,
      String subject,
      Instant createdAt,
      String delivery,
      boolean outbox,
      List<ReceiptsFact.Receipt> receipts) {}

  /** Resolved incidents shown below the open ones, the latest first. */
  static final int RESOLVED_SHOWN = 10;

  public IncidentView {
    notifications = List.copyOf(notifications);
  }

  /** Without how it was acknowledged; unheard when open and UNROUTED or EXHAUSTED. */
  public IncidentView(
      String incidentId,
      String branchId,
      String severity,
      String category,
      String summary,
      String state,
      boolean open,
      int tier,
      String reportedBy,
      Instant reportedAt,
      String acknowledgedBy,
      Instant acknowledgedAt,
      String resolvedBy,
      Instant resolvedAt,
      String resolution,
      List<Notified> notifications) {
    this(
        incidentId,
        branchId,
        severity,
        category,
        summary,
        state,
        open,
        open && ("UNROUTED".equals(state) || "EXHAUSTED".equals(state)),
        tier,
        reportedBy,
        reportedAt,
        acknowledgedBy,
        acknowledgedAt,
        resolvedBy,
        resolvedAt,
        resolution,
        notifications,
        null);
  }

  static List<IncidentView> of(Facts facts) {
    Map<String, IncidentFact> reports = new TreeMap<>();
    facts.incidents().forEach(i -> reports.put(i.incidentId(), i));
    Map<String, IncidentStatusFact> statuses = new TreeMap<>();
    facts.statuses().forEach(s -> statuses.put(s.incidentId(), s));
    Map<String, ReceiptsFact> receipts = new TreeMap<>();
    facts.receipts().forEach(r -> receipts.put(r.notificationId(), r));
    Map<String, List<NotificationFact>> notifications = new TreeMap<>();
    facts
        .notifications()
        .forEach(n -> notifications.computeIfAbsent(n.incidentId(), i -> new ArrayList<>()).add(n));

    TreeSet<String> ids = new TreeSet<>(reports.keySet());
    ids.addAll(statuses.keySet());
    List<IncidentView> open = new ArrayList<>();
    List<IncidentView> resolved = new ArrayList<>();
    for (String id : ids) {
      IncidentView view =
          view(
              id,
              reports.get(id),
              statuses.get(id),
              notifications.getOrDefault(id, List.of()),
              receipts);
      (view.open() ? open : resolved).add(view);
    }
    Comparator<Instant> latestFirst = Comparator.nullsLast(Comparator.reverseOrder());
    open.sort(
        Comparator.comparing((IncidentView view) -> !view.unheard())
            .thenComparing(IncidentView::reportedAt, latestFirst)
            .thenComparing(IncidentView::incidentId));
    resolved.sort(
        Comparator.comparing(IncidentView::resolvedAt, latestFirst)
            .thenComparing(IncidentView::incidentId));
    List<IncidentView> all = new ArrayList<>(open);
    all.addAll(resolved.subList(0, Math.min(RESOLVED_SHOWN, resolved.size())));
    return all;
  }

  private static IncidentView view(
      String id,
      IncidentFact report,
      IncidentStatusFact status,
      List<NotificationFact> sent,
      Map<String, ReceiptsFact> receipts) {
    boolean resolved =
        (report != null && report.resolved())
            || (status != null && "RESOLVED".equals(status.state()));
    String state;
    if (resolved) {
      state = "RESOLVED";
    } else if (status != null) {
      state = status.state();
    } else {
      state = report.acknowledgedAt() != null ? "ACKNOWLEDGED" : "REPORTED";
    }
    String acknowledgedBy =
        report != null && report.acknowledgedBy() != null
            ? report.acknowledgedBy()
            : status != null ? status.acknowledgedBy() : null;
    return new IncidentView(
        id,
        report != null && report.branchId() != null ? report.branchId() : status.branchId(),
        first(report != null ? report.severity() : null, status != null ? status.severity() : null),
        report != null ? report.category() : null,
        first(report != null ? report.summary() : null, status != null ? status.summary() : null),
        state,
        !resolved,
        !resolved && ("UNROUTED".equals(state) || "EXHAUSTED".equals(state)),
        status != null ? status.tier() : 0,
        report != null ? report.reportedBy() : null,
        report != null && report.reportedAt() != null
            ? report.reportedAt()
            : status != null ? status.reportedAt() : null,
        acknowledgedBy,
        report != null ? report.acknowledgedAt() : null,
        report != null ? report.resolvedBy() : null,
        report != null && report.resolvedAt() != null
            ? report.resolvedAt()
            : resolved && status != null ? status.updatedAt() : null,
        report != null ? report.resolution() : null,
        notified(sent, status, receipts),
        report != null ? report.acknowledgedVia() : null);
  }

  private static List<Notified> notified(
      List<NotificationFact> sent, IncidentStatusFact status, Map<String, ReceiptsFact> receipts) {
    Map<String, Notified> byId = new TreeMap<>();
    for (NotificationFact n : sent) {
      byId.put(
          n.notificationId(),
          notified(
              n.notificationId(),
              n.kind(),
              n.tier(),
              n.responderId(),
              n.name(),
              n.role(),
              n.channel(),
              n.address(),
              n.subject(),
              n.createdAt(),
              receipts.get(n.notificationId())));
    }
    if (status != null) {
      for (IncidentStatusFact.Notified n : status.notified()) {
        byId.computeIfAbsent(
            n.notificationId(),
            id ->
                notified(
                    id,
                    "ALERT",
                    n.tier(),
                    n.responderId(),
                    n.name(),
                    null,
                    n.channel(),
                    null,
                    null,
                    null,
                    receipts.get(id)));
      }
    }
    List<Notified> list = new ArrayList<>(byId.values());
    list.sort(
        Comparator.comparing((Notified n) -> !"ALERT".equals(n.kind()))
            .thenComparingInt(Notified::tier)
            .thenComparing(Notified::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Notified::channel)
            .thenComparing(Notified::notificationId));
    return list;
  }

  private static Notified notified(
      String id,
      String kind,
      int tier,
      String responderId,
      String name,
      String role,
      String channel,
      String address,
      String subject,
      Instant createdAt,
      ReceiptsFact receipts) {
    boolean any = receipts != null && !receipts.receipts().isEmpty();
    return new Notified(
        id,
        kind,
        tier,
        responderId,
        name,
        role,
        channel,
        address,
        subject,
        createdAt,
        any ? receipts.latest().status() : "PENDING",
        any && receipts.latest().outbox(),
        any ? receipts.receipts() : List.of());
  }

  private static String first(String a, String b) {
    return a != null ? a : b;
  }
}
