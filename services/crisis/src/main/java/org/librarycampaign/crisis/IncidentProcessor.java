package org.librarycampaign.crisis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import library.campaign.events.BranchSettings;
import library.campaign.events.CrisisOutput;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.Notification;
import library.campaign.events.ResponsePlan;
import library.campaign.events.RotationOverride;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.crisis.response.IncidentReport;
import org.librarycampaign.crisis.response.IncidentResponse;
import org.librarycampaign.crisis.response.IncidentStage;
import org.librarycampaign.crisis.response.Notice;
import org.librarycampaign.crisis.response.NoticeText;
import org.librarycampaign.crisis.response.Outcome;
import org.librarycampaign.crisis.response.Overrides;
import org.librarycampaign.crisis.response.Plan;
import org.librarycampaign.crisis.response.ResponsePlanRouting;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.streams.OwnershipGate;
import org.librarycampaign.platform.time.LocalZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The adapter between Kafka Streams and {@link IncidentResponse}: loads an incident from its store,
 * applies the rule, writes the notifications, the new state and the new status.
 *
 * <p>Time is the wall clock of the stream task ({@code currentSystemTimeMs}), which {@code campaign
 * plan} and the tests drive. Deadlines fire from a wall-clock punctuation, and also before every
 * event, so an event never overtakes a deadline that fell before it.
 *
 * <p>Under exactly-once the stores and the output records commit together, so a crash replays the
 * events and deadlines since the last commit against the state of that commit: nothing is lost, and
 * nothing is written twice. The incident's own record is a second guard: it holds every id written
 * for the incident ({@link Incident#writtenIds()}), and an id it holds is never written again.
 *
 * <p>Ownership (docs/ARCHITECTURE.md#ownership-and-placement): an incident id belongs to the branch
 * of the stored incident; another branch's event about it is refused (OWNERSHIP, {@link
 * OwnershipGate#refuseIfOwnedByAnotherBranch}) before anything is touched, and goes to dead letters
 * with its own bytes.
 *
 * <p>Each change of an incident is forwarded as one {@link CrisisOutput} (its notifications, then
 * its status), keyed by incident id, for the output gate.
 *
 * <p>Retention (README: retention): a resolved incident, and with it the ids it wrote, is forgotten
 * once the horizon has passed since its last change; an open incident is kept however old. Its last
 * status stays on {@code campaign.incident-status}.
 */
final class IncidentProcessor implements Processor<String, IncidentEvent, String, CrisisOutput> {

  private static final Logger LOGGER = LoggerFactory.getLogger(IncidentProcessor.class);

  private final CrisisSettings settings;
  private final IncidentResponse rules;
  private NoticeText text;
  private final InputTombstones tombstones = InputTombstones.of(CrisisService.NAME);
  private ProcessorContext<String, CrisisOutput> context;
  private KeyValueStore<String, ResponsePlan> plans;
  private KeyValueStore<String, Incident> incidents;
  private KeyValueStore<TimeOrderedKey, String> deadlines;
  private KeyValueStore<String, RotationOverride> rotationOverrides;

  /**
   * No deadline in {@link #deadlines} is earlier than this (epoch ms): the first deadline left
   * after the last check, lowered by every deadline written since. Until it has passed, a check
   * finds nothing due and reads nothing. {@code Long.MIN_VALUE} (not known) when the task starts.
   */
  private long earliestDeadline = Long.MIN_VALUE;

  IncidentProcessor(CrisisSettings settings) {
    this.settings = settings;
    this.rules = new IncidentResponse(settings.ackTimeoutUnit(), settings.fallbackContacts());
  }

  @Override
  public void init(ProcessorContext<String, CrisisOutput> context) {
    this.context = context;
    plans = context.getStateStore(CrisisTopology.PLANS_STORE);
    KeyValueStore<String, BranchSettings> branches =
        context.getStateStore(CrisisTopology.BRANCH_SETTINGS_STORE);
    // the branch's zone for the times in the texts (README: local time); incidents have no channel
    LocalZones zones = new LocalZones(channel -> null, branches::get, ZoneId.of("UTC"));
    this.text = new NoticeText(settings.publicUrl(), settings.ackLinks(), zones::zone);
    rotationOverrides = context.getStateStore(CrisisTopology.OVERRIDES_STORE);
    incidents = context.getStateStore(CrisisTopology.INCIDENTS_STORE);
    deadlines = context.getStateStore(CrisisTopology.DEADLINES_STORE);
    // (re)initialised with the task, after its stores are restored: read the store at the first
    // check
    earliestDeadline = Long.MIN_VALUE;
    context.schedule(
        settings.escalationCheckInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        ignored -> escalateDue(wallClock()));
    context.schedule(
        settings.retention().checkInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        ignored -> forgetExpired(wallClock()));
  }

  @Override
  public void process(Record<String, IncidentEvent> record) {
    Instant now = wallClock();
    if (record.value() == null) {
      escalateDue(now);
      tombstones.skipped(context, record);
      return;
    }
    Object event = record.value().getEvent();
    EventType.Incident type = EventType.Incident.of(record.value());
    String incidentId = EventMapping.incidentId(type, event);
    // checked before anything is touched, deadlines included, as the in-task gate did
    Optional<Incident> known = ownedBy(record.value(), incidentId);
    if (escalateDue(now) && known.isPresent()) {
      // a deadline of this incident may just have fired
      known = Optional.ofNullable(incidents.get(incidentId));
    }
    Optional<Incident> incident = known;
    Runnable handling =
        switch (type) {
          case REPORTED ->
              () -> onReported(incident, EventMapping.report((IncidentReported) event), now);
          case ACKNOWLEDGED -> () -> onAcknowledged(incident, (IncidentAcknowledged) event, now);
          case RESOLVED -> () -> onResolved(incident, (IncidentResolved) event, now);
          case ESCALATION_REQUESTED ->
              () -> onEscalationRequested(incident, (IncidentEscalationRequested) event, now);
        };
    handling.run();
  }

  /**
   * The stored incident, when the branch of {@code event} owns it; empty when none is stored (an
   * event about an unknown incident claims nothing: only a report stores one). Another branch's
   * event is refused with the in-task gate's words (the owner is not named: the message reaches
   * whoever reads dead letters).
   */
  private Optional<Incident> ownedBy(IncidentEvent event, String incidentId) {
    Incident stored = incidentId == null ? null : incidents.get(incidentId);
    OwnershipGate.refuseIfOwnedByAnotherBranch(
        event, "incidentId", id -> stored == null ? null : stored.branchId());
    return Optional.ofNullable(stored);
  }

  private void onAcknowledged(
      Optional<Incident> known, IncidentAcknowledged acknowledged, Instant now) {
    find(known, acknowledged.getIncidentId(), acknowledged.getBranchId(), "acknowledged")
        .ifPresent(
            incident ->
                apply(
                    Optional.of(incident),
                    rules.acknowledge(
                        incident,
                        acknowledged.getBy(),
                        acknowledged.getVia() == null ? null : acknowledged.getVia().name(),
                        now),
                    now));
  }

  private void onEscalationRequested(
      Optional<Incident> known, IncidentEscalationRequested requested, Instant now) {
    find(known, requested.getIncidentId(), requested.getBranchId(), "escalation requested")
        .ifPresent(
            incident -> {
              Outcome outcome =
                  rules.escalateNow(
                      incident,
                      now,
                      overridesOf(incident.plan() == null ? "" : incident.plan().key()));
              if (outcome.changed()) {
                CrisisMetrics.escalated(outcome.incident().tier() - incident.tier());
                LOGGER
                    .atInfo()
                    .addKeyValue("incidentId", incident.incidentId())
                    .addKeyValue("branchId", incident.branchId())
                    .addKeyValue("tier", outcome.incident().tier())
                    .addKeyValue("alerts", outcome.notices().size())
                    .log("Escalation requested by a responder; next tier told now");
              }
              apply(Optional.of(incident), outcome, now);
            });
  }

  private void onResolved(Optional<Incident> known, IncidentResolved resolved, Instant now) {
    find(known, resolved.getIncidentId(), resolved.getBranchId(), "resolved")
        .ifPresent(
            incident ->
                apply(
                    Optional.of(incident),
                    rules.resolve(incident, EventMapping.resolution(resolved), now),
                    now));
  }

  private void onReported(Optional<Incident> known, IncidentReport report, Instant now) {
    Optional<Plan> plan = ResponsePlanRouting.planFor(report.branchId(), this::publishedPlan);
    Outcome outcome =
        rules.report(known, report, plan, now, overridesOf(plan.map(Plan::key).orElse("")));
    if (outcome.changed()) {
      boolean routed = outcome.incident().stage() != IncidentStage.UNROUTED;
      CrisisMetrics.incidentReported(routed);
      if (routed) {
        LOGGER
            .atInfo()
            .addKeyValue("incidentId", report.incidentId())
            .addKeyValue("branchId", report.branchId())
            .addKeyValue("severity", report.severity())
            .addKeyValue("plan", plan.map(Plan::key).orElseThrow())
            .addKeyValue("alerts", outcome.notices().size())
            .log("Incident routed to its response plan");
      } else {
        LOGGER
            .atWarn()
            .addKeyValue("incidentId", report.incidentId())
            .addKeyValue("branchId", report.branchId())
            .addKeyValue("severity", report.severity())
            .addKeyValue("fallbackAlerts", outcome.notices().size())
            .log(
                "Incident unrouted: no response plan for its branch and no default plan;"
                    + " the fallback contacts are told");
      }
    }
    apply(known, outcome, now);
  }

  private Optional<Plan> publishedPlan(String key) {
    return Optional.ofNullable(plans.get(key)).map(plan -> EventMapping.plan(key, plan));
  }

  /**
   * The overrides of the rotations of the plan published under {@code planKey}, read when a tier is
   * told (README: rotations); cancelled ones are left out.
   */
  private Overrides overridesOf(String planKey) {
    return rotationId -> {
      List<org.librarycampaign.crisis.response.RotationOverride> found = new ArrayList<>();
      try (KeyValueIterator<String, RotationOverride> scan =
          rotationOverrides.prefixScan(
              planKey + "/" + rotationId + "/", Serdes.String().serializer())) {
        scan.forEachRemaining(
            entry -> {
              if (entry.value != null && !entry.value.getCancelled()) {
                found.add(EventMapping.rotationOverride(entry.value));
              }
            });
      }
      return found;
    };
  }

  private Optional<Incident> find(
      Optional<Incident> incident, String incidentId, String branchId, String what) {
    if (incident.isEmpty()) {
      LOGGER
          .atWarn()
          .addKeyValue("incidentId", incidentId)
          .addKeyValue("branchId", branchId)
          .addKeyValue("event", what)
          .log("Event for an incident that was never reported; ignored");
    }
    return incident;
  }

  /**
   * Every deadline up to {@code now}, earliest first. Runs before every event and at every check
   * interval; while the earliest deadline is still ahead it reads nothing (a store iterator per
   * event was a large share of an incident's cost: docs/PERFORMANCE.md, crisis and conflicts).
   *
   * @return whether any deadline was due
   */
  private boolean escalateDue(Instant now) {
    if (now.toEpochMilli() < earliestDeadline) {
      return false;
    }
    List<KeyValue<TimeOrderedKey, String>> due = new ArrayList<>();
    long next = Long.MAX_VALUE;
    try (KeyValueIterator<TimeOrderedKey, String> scan = deadlines.all()) {
      while (scan.hasNext()) {
        KeyValue<TimeOrderedKey, String> deadline = scan.next();
        if (deadline.key.at().isAfter(now)) {
          next = deadline.key.at().toEpochMilli();
          break;
        }
        due.add(deadline);
      }
    }
    // the deadlines written below, while the due ones are handled, lower it again
    earliestDeadline = next;
    for (KeyValue<TimeOrderedKey, String> deadline : due) {
      deadlines.delete(deadline.key);
      Incident incident = incidents.get(deadline.value);
      if (incident == null) {
        continue;
      }
      Outcome outcome =
          rules.escalate(
              incident, now, overridesOf(incident.plan() == null ? "" : incident.plan().key()));
      if (outcome.changed()) {
        Incident after = outcome.incident();
        CrisisMetrics.escalated(after.tier() - incident.tier());
        CrisisMetrics.repeated(after.repeats() - incident.repeats());
        boolean exhausted = after.stage() == IncidentStage.EXHAUSTED;
        if (exhausted) {
          CrisisMetrics.exhausted();
        }
        LOGGER
            .atLevel(exhausted ? Level.WARN : Level.INFO)
            .addKeyValue("incidentId", incident.incidentId())
            .addKeyValue("branchId", incident.branchId())
            .addKeyValue("tier", after.tier())
            .addKeyValue("repeats", after.repeats())
            .addKeyValue("stage", after.stage())
            .addKeyValue("alerts", outcome.notices().size())
            .log(
                exhausted
                    ? "Incident not acknowledged through its last tier and repeats; the fallback"
                        + " contacts are told"
                    : "Incident not acknowledged in time; escalated");
      }
      apply(Optional.of(incident), outcome, now);
    }
    return !due.isEmpty();
  }

  /** Deletes resolved incidents past the retention horizon, and with them the ids they wrote. */
  private void forgetExpired(Instant now) {
    Retention retention = settings.retention();
    List<String> resolved = new ArrayList<>();
    try (KeyValueIterator<String, Incident> scan = incidents.all()) {
      scan.forEachRemaining(
          entry -> {
            if (entry.value.stage() == IncidentStage.RESOLVED
                && retention.expired(entry.value.updatedAt(), now)) {
              resolved.add(entry.key);
            }
          });
    }
    resolved.forEach(incidents::delete);
    if (!resolved.isEmpty()) {
      LOGGER
          .atInfo()
          .addKeyValue("incidents", resolved.size())
          .addKeyValue("horizon", retention.horizon())
          .log("Forgot resolved incidents past the retention horizon");
    }
  }

  /**
   * Writes what changed: the state and the deadline, then one record for the output gate with the
   * notifications (each id once: ids the incident has written are not written again) and the
   * status.
   */
  private void apply(Optional<Incident> before, Outcome outcome, Instant now) {
    if (!outcome.changed()) {
      return;
    }
    Incident after = outcome.incident();
    List<Notification> notifications = new ArrayList<>(outcome.notices().size());
    Set<String> written = before.map(Incident::writtenIds).orElseGet(HashSet::new);
    for (Notice notice : outcome.notices()) {
      if (!written.add(notice.notificationId())) {
        CrisisMetrics.duplicateSuppressed();
        LOGGER
            .atWarn()
            .addKeyValue("notificationId", notice.notificationId())
            .log("Notification id already written; not writing it again");
        continue;
      }
      notifications.add(EventMapping.notification(after, notice, text));
      CrisisMetrics.notificationWritten(notice.kind());
    }
    incidents.put(after.incidentId(), after);
    before
        .flatMap(Incident::nextDeadline)
        .ifPresent(due -> deadlines.delete(new TimeOrderedKey(due, after.incidentId())));
    after
        .nextDeadline()
        .ifPresent(
            due -> {
              deadlines.put(new TimeOrderedKey(due, after.incidentId()), after.incidentId());
              earliestDeadline = Math.min(earliestDeadline, due.toEpochMilli());
            });
    context.forward(
        new Record<>(
            after.incidentId(),
            new CrisisOutput(notifications, EventMapping.status(after)),
            now.toEpochMilli()));
    if (before.map(b -> b.stage() != after.stage()).orElse(false)) {
      if (after.stage() == IncidentStage.ACKNOWLEDGED) {
        LOGGER
            .atInfo()
            .addKeyValue("incidentId", after.incidentId())
            .addKeyValue("branchId", after.branchId())
            .addKeyValue("tier", after.tier())
            .log("Incident acknowledged; escalation stopped");
      } else if (after.stage() == IncidentStage.RESOLVED) {
        LOGGER
            .atInfo()
            .addKeyValue("incidentId", after.incidentId())
            .addKeyValue("branchId", after.branchId())
            .addKeyValue("notices", outcome.notices().size())
            .log("Incident resolved; resolution notices written");
      }
    }
  }

  private Instant wallClock() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
