package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the crisis desk knows of one incident: the report, the plan it follows (a copy taken when it
 * was routed), its escalation schedule, who was told, and where it stands.
 *
 * @param plan the plan it follows; null while unrouted
 * @param schedule when each tier of the plan is due; empty while unrouted
 * @param tier the highest tier the schedule has reached (whether or not anyone on it handles the
 *     severity); -1 while unrouted
 * @param notified every alert sent, in the order sent
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
        notified,
        acknowledgedBy,
        resolution,
        updatedAt,
        null,
        null);
  }

  static Incident unrouted(IncidentReport report, Instant now) {
    return new Incident(
        report,
        IncidentStage.UNROUTED,
        null,
        new EscalationPlan(List.of()),
        -1,
        List.of(),
        null,
        null,
        now);
  }

  static Incident routed(IncidentReport report, Plan plan, EscalationPlan schedule, Instant now) {
    return new Incident(report, IncidentStage.OPEN, plan, schedule, -1, List.of(), null, null, now);
  }

  public String incidentId() {
    return report.incidentId();
  }

  public String branchId() {
    return report.branchId();
  }

  /** Still escalating: told, but nobody has acknowledged and it is not resolved. */
  public boolean awaitingAcknowledgement() {
    return stage == IncidentStage.OPEN || stage == IncidentStage.ESCALATED;
  }

  /** When the next tier is due, while escalation goes on and a tier is left. */
  public Optional<Instant> nextDeadline() {
    return awaitingAcknowledgement() ? schedule.dueAt(tier + 1) : Optional.empty();
  }

  Incident reachedTier(int reached, List<Notified> added, Instant now) {
    List<Notified> all = new ArrayList<>(notified);
    all.addAll(added);
    IncidentStage next = reached == 0 ? IncidentStage.OPEN : IncidentStage.ESCALATED;
    return new Incident(
        report,
        next,
        plan,
        schedule,
        reached,
        all,
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
        notified,
        acknowledgedBy,
        how,
        now,
        acknowledgedAt,
        acknowledgedVia);
  }
}
