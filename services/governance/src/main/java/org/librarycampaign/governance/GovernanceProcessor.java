package org.librarycampaign.governance;

import io.micrometer.core.instrument.Counter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.apache.avro.specific.SpecificRecord;
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
  private final Map<DecisionStatus, Counter> decisions = new EnumMap<>(DecisionStatus.class);
  private Counter released;
  private ProcessorContext<String, GovernanceOutput> context;
  private Governor governor;

  GovernanceProcessor(PostChecks checks) {
    this.checks = checks;
  }

  @Override
  public void init(ProcessorContext<String, GovernanceOutput> processorContext) {
    this.context = processorContext;
    this.governor =
        new Governor(
            new StoreState(
                context.getStateStore(GovernanceTopology.POSTS_STORE),
                context.getStateStore(GovernanceTopology.LEDGERS_STORE),
                context.getStateStore(GovernanceTopology.CRISES_STORE),
                context.getStateStore(GovernanceTopology.RESOLVED_INCIDENTS_STORE),
                context.getStateStore(GovernanceTopology.POLICIES_STORE),
                context.getStateStore(GovernanceTopology.HASHTAG_VIEW_STORE),
                context.getStateStore(GovernanceTopology.SENT_HASHTAG_USES_STORE)),
            checks);
    for (DecisionStatus status : DecisionStatus.values()) {
      decisions.put(status, GovernanceMetrics.decisions(status, false));
    }
    released = GovernanceMetrics.decisions(DecisionStatus.APPROVED, true);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    Instant at = Instant.ofEpochMilli(record.timestamp());
    Object event = eventOf(record.value());
    Outcome outcome;
    if (event instanceof PostDrafted drafted) {
      outcome = governor.onDrafted(AvroMapping.draft(drafted), at);
    } else if (event instanceof PostWithdrawn withdrawn) {
      outcome =
          governor.onWithdrawn(
              withdrawn.getPostId(), withdrawn.getReason(), withdrawn.getWithdrawnAt(), at);
    } else if (event instanceof IncidentReported reported) {
      outcome =
          governor.onIncidentReported(
              reported.getBranchId(), reported.getIncidentId(), reported.getSeverity());
    } else if (event instanceof IncidentResolved resolved) {
      outcome = governor.onIncidentResolved(resolved.getBranchId(), resolved.getIncidentId(), at);
      if (!outcome.decisions().isEmpty()) {
        LOGGER
            .atInfo()
            .addKeyValue("branchId", resolved.getBranchId())
            .addKeyValue("incidentId", resolved.getIncidentId())
            .addKeyValue("released", outcome.decisions().size())
            .log("Crisis over; held campaign posts released");
      }
    } else if (event instanceof IncidentAcknowledged) {
      outcome = Outcome.NOTHING;
    } else {
      LOGGER
          .atWarn()
          .addKeyValue("branchId", record.key())
          .addKeyValue("type", event == null ? "null" : event.getClass().getSimpleName())
          .log("Event without meaning for governance skipped");
      outcome = Outcome.NOTHING;
    }
    boolean postEvent = event instanceof PostDrafted || event instanceof PostWithdrawn;
    if (outcome.decisions().isEmpty() && postEvent) {
      GovernanceMetrics.eventsWithoutDecision(
              event == null ? "null" : event.getClass().getSimpleName())
          .increment();
    }
    for (Decision decision : outcome.decisions()) {
      context.forward(
          new Record<>(
              decision.postId(),
              new DecisionOut(AvroMapping.decision(decision)),
              record.timestamp()));
      (decision.released() ? released : decisions.get(decision.status())).increment();
      LOGGER
          .atDebug()
          .addKeyValue("postId", decision.postId())
          .addKeyValue("revision", decision.revision())
          .addKeyValue("status", decision.status())
          .addKeyValue("released", decision.released())
          .log("Post decided");
    }
    for (HashtagUse use : outcome.hashtagUses()) {
      context.forward(
          new Record<>(use.normalizedHashtag(), new HashtagClaim(use), record.timestamp()));
    }
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
