package org.librarycampaign.governance;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.librarycampaign.governance.GovernanceOutput.DecisionOut;
import org.librarycampaign.governance.GovernanceOutput.HashtagClaim;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.decision.Decision;
import org.librarycampaign.governance.decision.Governor;
import org.librarycampaign.governance.decision.Outcome;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.lookup.HashtagLookup;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.streams.OwnershipGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin adapter: reads a post or incident event of a branch, lets the {@link Governor} decide
 * over the task's stores, forwards the decisions (keyed by postId) and the hashtag uses (keyed by
 * normalized tag). Every output carries the input record's timestamp.
 */
final class GovernanceProcessor
    implements Processor<String, SpecificRecord, String, GovernanceOutput> {

  private static final Logger LOGGER = LoggerFactory.getLogger(GovernanceProcessor.class);

  private final PostChecks checks;
  private final Retention retention;
  private final HashtagLookup lookup;
  private final Duration expiryCheck;
  private final InputTombstones tombstones = InputTombstones.of(GovernanceService.NAME);
  private final Map<DecisionStatus, Counter> decisions = new EnumMap<>(DecisionStatus.class);
  private Counter released;
  private ProcessorContext<String, GovernanceOutput> context;
  private StoreState state;
  private Governor governor;

  GovernanceProcessor(
      PostChecks checks, Retention retention, HashtagLookup lookup, Duration expiryCheck) {
    this.checks = checks;
    this.retention = retention;
    this.lookup = lookup;
    this.expiryCheck = expiryCheck;
  }

  @Override
  public void init(ProcessorContext<String, GovernanceOutput> processorContext) {
    this.context = processorContext;
    this.state =
        new StoreState(
            context.getStateStore(GovernanceTopology.POSTS_STORE),
            context.getStateStore(GovernanceTopology.LEDGERS_STORE),
            context.getStateStore(GovernanceTopology.CRISES_STORE),
            context.getStateStore(GovernanceTopology.RESOLVED_INCIDENTS_STORE),
            context.getStateStore(GovernanceTopology.POLICIES_STORE),
            context.getStateStore(GovernanceTopology.HASHTAG_VIEW_STORE),
            context.getStateStore(GovernanceTopology.SENT_HASHTAG_USES_STORE),
            context.getStateStore(GovernanceTopology.OFFICIALS_STORE),
            context.getStateStore(GovernanceTopology.REVIEWS_STORE),
            context.getStateStore(GovernanceTopology.BRANCH_SETTINGS_STORE));
    this.governor =
        new Governor(
            state,
            checks,
            lookup,
            new StoreHoldExpiries(context.getStateStore(GovernanceTopology.HOLD_EXPIRIES_STORE)));
    for (DecisionStatus status : DecisionStatus.values()) {
      decisions.put(status, GovernanceMetrics.decisions(status, false));
    }
    released = GovernanceMetrics.decisions(DecisionStatus.APPROVED, true);
    GovernanceRetention.schedule(context, retention);
    context.schedule(expiryCheck, PunctuationType.WALL_CLOCK_TIME, ignored -> expireDue());
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    try {
      // before anything is read for the event or changed: another branch's post is refused
      refuseAnotherBranchsPost(record.value());
      decide(record);
    } finally {
      state.endEvent();
    }
  }

  /**
   * A post id belongs to the branch of the post record this task keeps under it: another branch's
   * draft, withdrawal or review of it goes to dead letters (OWNERSHIP, the record's own bytes, by
   * the processing handler inside the transaction) before the event touches any state. An id the
   * store does not know is not claimed here: only a draft writes a post record
   * (docs/ARCHITECTURE.md#ownership-and-placement).
   */
  private void refuseAnotherBranchsPost(SpecificRecord value) {
    if (value instanceof PostEvent post) {
      OwnershipGate.refuseIfOwnedByAnotherBranch(post, "postId", state::branchOf);
    }
  }

  private void decide(Record<String, SpecificRecord> record) {
    // an event never overtakes an expiry that fell before it (README, "Stale holds expire")
    expireDue();
    if (tombstones.skipped(context, record)) {
      return;
    }
    Instant at = Instant.ofEpochMilli(record.timestamp());
    Object event = eventOf(record.value());
    Outcome outcome =
        record.value() instanceof PostEvent post
            ? switch (EventType.Post.of(post)) {
              case DRAFTED -> governor.onDrafted(AvroMapping.draft((PostDrafted) event), at);
              case WITHDRAWN -> withdrawn((PostWithdrawn) event, at);
              case REVIEWED -> reviewed((PostReviewed) event, at);
            }
            : record.value() instanceof IncidentEvent incident
                ? switch (EventType.Incident.of(incident)) {
                  case REPORTED -> incidentReported((IncidentReported) event);
                  case RESOLVED -> incidentResolved((IncidentResolved) event, at);
                  case ACKNOWLEDGED, ESCALATION_REQUESTED -> Outcome.NOTHING;
                }
                // the records of topics governance does not read
                : skipped(record.key(), event);
    boolean postEvent =
        event instanceof PostDrafted
            || event instanceof PostWithdrawn
            || event instanceof PostReviewed;
    if (outcome.decisions().isEmpty() && postEvent) {
      GovernanceMetrics.eventsWithoutDecision(
              event == null ? "null" : event.getClass().getSimpleName())
          .increment();
    }
    for (Decision decision : outcome.decisions()) {
      forward(decision, record.timestamp());
    }
    for (HashtagUse use : outcome.hashtagUses()) {
      context.forward(
          new Record<>(use.normalizedHashtag(), new HashtagClaim(use), record.timestamp()));
    }
  }

  private void forward(Decision decision, long timestamp) {
    context.forward(
        new Record<>(
            decision.postId(), new DecisionOut(AvroMapping.decision(decision)), timestamp));
    (decision.released() ? released : decisions.get(decision.status())).increment();
    LOGGER
        .atDebug()
        .addKeyValue("postId", decision.postId())
        .addKeyValue("revision", decision.revision())
        .addKeyValue("status", decision.status())
        .addKeyValue("released", decision.released())
        .log("Post decided");
  }

  /**
   * Expires the posts still held at their time by the wall clock (which {@code campaign plan} and
   * the driver tests drive); each decision is stamped with its post's time, not the clock.
   */
  private void expireDue() {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (Decision decision : governor.expireDue(now).decisions()) {
      forward(decision, decision.decidedAt().toEpochMilli());
      Duration late = Duration.between(decision.decidedAt(), now);
      GovernanceMetrics.expiryDelay().record(late.isNegative() ? Duration.ZERO : late);
      LOGGER
          .atInfo()
          .addKeyValue("postId", decision.postId())
          .addKeyValue("revision", decision.revision())
          .addKeyValue("channelId", decision.channelId())
          .addKeyValue("scheduledAt", decision.scheduledAt())
          .log("Post still held at its time; expired");
    }
  }

  private Outcome withdrawn(PostWithdrawn withdrawn, Instant at) {
    return governor.onWithdrawn(
        withdrawn.getPostId(), withdrawn.getReason(), withdrawn.getWithdrawnAt(), at);
  }

  private Outcome reviewed(PostReviewed reviewed, Instant at) {
    Outcome outcome = governor.onReviewed(AvroMapping.review(reviewed), at);
    LOGGER
        .atInfo()
        .addKeyValue("postId", reviewed.getPostId())
        .addKeyValue("revision", reviewed.getRevision())
        .addKeyValue("action", reviewed.getAction())
        .addKeyValue("reviewer", reviewed.getReviewer())
        .addKeyValue("applied", !outcome.decisions().isEmpty())
        .log("Post reviewed");
    return outcome;
  }

  private Outcome incidentReported(IncidentReported reported) {
    return governor.onIncidentReported(
        reported.getBranchId(), reported.getIncidentId(), reported.getSeverity());
  }

  private Outcome incidentResolved(IncidentResolved resolved, Instant at) {
    Outcome outcome =
        governor.onIncidentResolved(resolved.getBranchId(), resolved.getIncidentId(), at);
    if (!outcome.decisions().isEmpty()) {
      LOGGER
          .atInfo()
          .addKeyValue("branchId", resolved.getBranchId())
          .addKeyValue("incidentId", resolved.getIncidentId())
          .addKeyValue("released", outcome.decisions().size())
          .log("Crisis over; held campaign posts released");
    }
    return outcome;
  }

  private static Outcome skipped(String key, Object event) {
    LOGGER
        .atWarn()
        .addKeyValue("branchId", key)
        .addKeyValue("type", event == null ? "null" : event.getClass().getSimpleName())
        .log("Event without meaning for governance skipped");
    return Outcome.NOTHING;
  }

  private static Object eventOf(SpecificRecord value) {
    if (value instanceof PostEvent post) {
      return post.getEvent();
    }
    if (value instanceof IncidentEvent incident) {
      return incident.getEvent();
    }
    return value;
  }
}
