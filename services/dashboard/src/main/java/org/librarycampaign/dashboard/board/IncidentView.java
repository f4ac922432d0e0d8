package org.librarycampaign.dashboard.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param timeline every step in time order (see {@link Step}); the page shows the times in the
 *     dashboard's zone
 * @param timeToAcknowledge ISO-8601 duration from the report to the acknowledgement ({@code
 *     PT20M}), null until both are known
 * @param timeToResolve ISO-8601 duration from the report to the resolution, null until both are
 *     known
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
    String acknowledgedVia,
    List<Step> timeline,
    String timeToAcknowledge,
    String timeToResolve) {

  /**
   * One step of an incident's timeline, the same steps as ingest's {@code GET
   * /v1/incidents/{incidentId}} (services/ingest/README.md#incident-timeline).
   *
   * @param at when it happened; null for a notification crisis's status names but whose record the
   *     dashboard has not read (shown last)
   * @param what {@code reported}, {@code escalated} (the first alert of a later tier), {@code
   *     notified} (a tier's alert), {@code repeated} (an id with {@code /repeat-<n>}), {@code
   *     fallback} (an id {@code <incidentId>/fallback/...}), {@code acknowledged}, {@code resolved}
   *     or {@code resolution-notice}
   * @param by who reported, acknowledged or resolved
   * @param via how it was acknowledged: LINK, SMS or API
   * @param detail the resolution's text
   * @param receipts a notification's delivery receipts, oldest first
   */
  public record Step(
      Instant at,
      String what,
      String notificationId,
      Integer tier,
      String to,
      String role,
      String channel,
      String by,
      String via,
      String detail,
      List<ReceiptsFact.Receipt> receipts) {

    public Step {
      receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }

    static Step of(Instant at, String what, String by) {
      return new Step(at, what, null, null, null, null, null, by, null, null, List.of());
    }
  }

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
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
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
        null,
        List.of(),
        null,
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
    Instant reportedAt =
        report != null && report.reportedAt() != null
            ? report.reportedAt()
            : status != null ? status.reportedAt() : null;
    Instant acknowledgedAt =
        report != null && report.acknowledgedAt() != null
            ? report.acknowledgedAt()
            // the branch's acknowledgement not read yet: crisis's status changed when it came
            : acknowledgedBy != null && status != null && "ACKNOWLEDGED".equals(status.state())
                ? status.updatedAt()
                : null;
    String acknowledgedVia =
        report != null && report.acknowledgedVia() != null
            ? report.acknowledgedVia()
            : acknowledgedBy != null ? "API" : null;
    String resolvedBy = report != null ? report.resolvedBy() : null;
    Instant resolvedAt =
        report != null && report.resolvedAt() != null
            ? report.resolvedAt()
            : resolved && status != null ? status.updatedAt() : null;
    String resolution = report != null ? report.resolution() : null;
    List<Notified> notified = notified(sent, status, receipts);
    List<Step> timeline =
        timeline(
            id,
            reportedAt,
            report != null ? report.reportedBy() : null,
            notified,
            acknowledgedBy,
            acknowledgedAt,
            acknowledgedVia,
            resolvedBy,
            resolvedAt,
            resolution);
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
        reportedAt,
        acknowledgedBy,
        report != null ? report.acknowledgedAt() : null,
        resolvedBy,
        resolvedAt,
        resolution,
        notified,
        report != null ? report.acknowledgedVia() : null,
        timeline,
        between(reportedAt, acknowledgedAt),
        between(reportedAt, resolvedAt));
  }

  /**
   * The steps in time order; steps at the same instant in the order they happen: reported,
   * escalated or resolved, notifications, acknowledged. Notifications without a known time come
   * last.
   */
  static List<Step> timeline(
      String incidentId,
      Instant reportedAt,
      String reportedBy,
      List<Notified> notified,
      String acknowledgedBy,
      Instant acknowledgedAt,
      String acknowledgedVia,
      String resolvedBy,
      Instant resolvedAt,
      String resolution) {
    record Ranked(Step step, int rank) {}
    List<Ranked> steps = new ArrayList<>();
    if (reportedAt != null) {
      steps.add(new Ranked(Step.of(reportedAt, "reported", reportedBy), 0));
    }
    List<Notified> byTime = new ArrayList<>(notified);
    byTime.sort(
        Comparator.comparing(Notified::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Notified::notificationId));
    Set<Integer> tiersSeen = new HashSet<>();
    for (Notified n : byTime) {
      String what = what(incidentId, n);
      if ("notified".equals(what) && n.tier() > 0 && tiersSeen.add(n.tier())) {
        steps.add(
            new Ranked(
                new Step(
                    n.createdAt(),
                    "escalated",
                    null,
                    n.tier(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of()),
                1));
      }
      tiersSeen.add(n.tier());
      steps.add(
          new Ranked(
              new Step(
                  n.createdAt(),
                  what,
                  n.notificationId(),
                  n.tier(),
                  n.name() != null ? n.name() : n.responderId(),
                  n.role(),
                  n.channel(),
                  null,
                  null,
                  null,
                  n.receipts()),
              2));
    }
    if (acknowledgedBy != null && acknowledgedAt != null) {
      steps.add(
          new Ranked(
              new Step(
                  acknowledgedAt,
                  "acknowledged",
                  null,
                  null,
                  null,
                  null,
                  null,
                  acknowledgedBy,
                  acknowledgedVia,
                  null,
                  List.of()),
              3));
    }
    if (resolvedAt != null) {
      steps.add(
          new Ranked(
              new Step(
                  resolvedAt,
                  "resolved",
                  null,
                  null,
                  null,
                  null,
                  null,
                  resolvedBy,
                  null,
                  resolution,
                  List.of()),
              1));
    }
    steps.sort(
        Comparator.comparing(
                (Ranked r) -> r.step().at(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Ranked::rank));
    return steps.stream().map(Ranked::step).toList();
  }

  /** What a notification id says it is: a tier alert, a repeat, a fallback, a resolution. */
  static String what(String incidentId, Notified n) {
    if ("RESOLUTION".equals(n.kind())) {
      return "resolution-notice";
    }
    if (n.notificationId().contains("/repeat-")) {
      return "repeated";
    }
    if (n.notificationId().startsWith(incidentId + "/fallback/")) {
      return "fallback";
    }
    return "notified";
  }

  /** ISO-8601 ({@code PT4M30S}); null until both times are known. */
  private static String between(Instant from, Instant to) {
    return from == null || to == null ? null : Duration.between(from, to).toString();
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
