package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the crisis desk knows of one incident: the report, the plan it follows (a copy taken when it
 * was routed), its escalation schedule, who was told, and where it stands.
 *
 * @param plan the plan it follows; null while unrouted
 * @param schedule when each tier of the plan, each repeat and exhaustion are due; empty while
 *     unrouted
 * @param tier the highest tier the schedule has reached (whether or not anyone on it handles the
 *     severity); -1 while unrouted
 * @param repeats how many repeats of the last tier the schedule has reached
 * @param notified every alert sent (repeats and fallback alerts too), in the order sent
 * @param acknowledgedBy who took charge; null until acknowledged
 * @param resolution how it ended; null until resolved
 * @param updatedAt the wall-clock time of the last change
 * @param acknowledgedAt the wall-clock time the acknowledgement was processed; null until then
 * @param acknowledgedVia how it was acknowledged ({@code API}, {@code LINK}, {@code SMS}); null
 *     until acknowledged or when the event did not say
 */
public record Incident(
    IncidentReport report,
    IncidentStage stage,
    Plan plan,
    EscalationPlan schedule,
    int tier,
    int repeats,
    List<Notified> notified,
    String acknowledgedBy,
    Resolution resolution,
    Instant updatedAt,
    Instant acknowledgedAt,
    String acknowledgedVia) {

  public Incident {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(updatedAt, "updatedAt");
    notified = List.copyOf(notified);
  }

  /** Not (yet) acknowledged: without the acknowledgement's time and channel. */
  public Incident(
      IncidentReport report,
      IncidentStage stage,
      Plan plan,
      EscalationPlan schedule,
      int tier,
      int repeats,
      List<Notified> notified,
      String acknowledgedBy,
      Resolution resolution,
      Instant updatedAt) {
    this(
        report,
        stage,
        plan,
        schedule,
        tier,
        repeats,
        notified,
        acknowledgedBy,
        resolution,
        updatedAt,
        null,
        null);
  }

  /** Not (yet) acknowledged and no repeat reached. */
  public Incident(
      IncidentReport report,
      IncidentStage stage,
      Plan plan,
      EscalationPlan schedule,
      int tier,
      List<Notified> notified,
      String acknowledgedBy,
      Resolution resolution,
      Instant updatedAt) {
    this(report, stage, plan, schedule, tier, 0, notified, acknowledgedBy, resolution, updatedAt);
  }

  static Incident unrouted(IncidentReport report, Instant now) {
    return new Incident(
        report,
        IncidentStage.UNROUTED,
        null,
        new EscalationPlan(List.of()),
        -1,
        0,
        List.of(),
        null,
        null,
        now);
  }

  /** Routed to {@code plan}, keeping whatever was sent while it was unrouted. */
  Incident routed(IncidentReport report, Plan plan, EscalationPlan schedule, Instant now) {
    return new Incident(
        report, IncidentStage.OPEN, plan, schedule, -1, 0, notified, null, null, now);
  }

  public String incidentId() {
    return report.incidentId();
  }

  public String branchId() {
    return report.branchId();
  }

  /**
   * Every notification id written for this incident, in the order written: each alert (repeats and
   * fallback alerts too: {@link #notified()}), and once resolved, the resolution notice to each
   * recipient and channel alerted. Nothing is written after the resolution, and the resolution
   * notices are the ones {@link IncidentResponse#resolve} derives from {@link #notified()}, so the
   * record itself holds every id, bounded by the plan (docs/ARCHITECTURE.md#exactly-once). A new
   * set each call, free to change.
   */
  public Set<String> writtenIds() {
    Set<String> ids = new LinkedHashSet<>();
    notified.forEach(alert -> ids.add(alert.notificationId()));
    if (stage == IncidentStage.RESOLVED) {
      notified.forEach(
          alert ->
              ids.add(
                  NotificationIds.resolution(
                      incidentId(),
                      alert.recipient().responderId(),
                      alert.recipient().contact().channel())));
    }
    return ids;
  }

  /** Still escalating: told, but nobody has acknowledged and it is not resolved. */
  public boolean awaitingAcknowledgement() {
    return stage == IncidentStage.OPEN || stage == IncidentStage.ESCALATED;
  }

  /** The next step of the schedule, while escalation goes on and a step is left. */
  public Optional<EscalationPlan.Step> nextStep() {
    return awaitingAcknowledgement() ? schedule.next(tier, repeats) : Optional.empty();
  }

  /** When the next step (tier, repeat or exhaustion) is due. */
  public Optional<Instant> nextDeadline() {
    return nextStep().map(EscalationPlan.Step::at);
  }

  Incident reachedTier(int reached, List<Notified> added, Instant now) {
    IncidentStage next = reached == 0 ? IncidentStage.OPEN : IncidentStage.ESCALATED;
    return new Incident(
        report,
        next,
        plan,
        schedule,
        reached,
        repeats,
        with(added),
        acknowledgedBy,
        resolution,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }

  Incident repeated(int repeat, List<Notified> added, Instant now) {
    return new Incident(
        report,
        stage,
        plan,
        schedule,
        tier,
        repeat,
        with(added),
        acknowledgedBy,
        resolution,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }

  Incident exhausted(List<Notified> added, Instant now) {
    return new Incident(
        report,
        IncidentStage.EXHAUSTED,
        plan,
        schedule,
        tier,
        repeats,
        with(added),
        acknowledgedBy,
        resolution,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }

  /** Unrouted still, with the fallback alerts added. */
  Incident told(List<Notified> added, Instant now) {
    return new Incident(
        report,
        stage,
        plan,
        schedule,
        tier,
        repeats,
        with(added),
        acknowledgedBy,
        resolution,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }

  Incident acknowledged(String by, String via, Instant now) {
    return new Incident(
        report,
        IncidentStage.ACKNOWLEDGED,
        plan,
        schedule,
        tier,
        repeats,
        notified,
        by,
        resolution,
        now,
        now,
        via);
  }

  Incident resolved(Resolution how, Instant now) {
    return new Incident(
        report,
        IncidentStage.RESOLVED,
        plan,
        schedule,
        tier,
        repeats,
        notified,
        acknowledgedBy,
        how,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }

  private List<Notified> with(List<Notified> added) {
    List<Notified> all = new ArrayList<>(notified);
    all.addAll(added);
    return all;
  }
}
