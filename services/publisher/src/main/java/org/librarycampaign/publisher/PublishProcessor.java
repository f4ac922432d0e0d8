package org.librarycampaign.publisher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.ReviewAction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Publishers;
import org.librarycampaign.publisher.rules.AttemptRules;
import org.librarycampaign.publisher.rules.BranchIncidents;
import org.librarycampaign.publisher.rules.DecisionState;
import org.librarycampaign.publisher.rules.PostState;
import org.librarycampaign.publisher.rules.PublishRules;
import org.librarycampaign.publisher.rules.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between Kafka Streams and the publishing rules, for the posts, decisions and
 * incidents of the branches of one partition. Five named, changelogged stores:
 *
 * <ul>
 *   <li>{@value #POSTS_STORE}: postId -> the latest revision ({@link PostState});
 *   <li>{@value #DECISIONS_STORE}: postId -> its latest decision ({@link DecisionState});
 *   <li>{@value #INCIDENTS_STORE}: branchId -> its incidents ({@link BranchIncidents});
 *   <li>{@value #RECEIPTS_STORE}: postId/revision -> the latest outcome ({@link ReceiptState}); a
 *       final one is what makes a replay harmless;
 *   <li>{@value #SCHEDULE_STORE}: (due time, postId/revision) -> postId: the attempts to make, in
 *       time order.
 * </ul>
 *
 * <p>A wall-clock punctuation (and every record) takes the due entries, asks {@link PublishRules},
 * and hands a revision to publish to {@link Attempts}, which runs it on the channel's own thread;
 * finished attempts come back through a queue that the next punctuation drains into receipts. An
 * entry leaves the schedule only in the transaction that records its outcome, so an attempt lost in
 * a crash is made again, with the same idempotency key.
 */
final class PublishProcessor implements Processor<String, Object, String, Publication> {

  static final String POSTS_STORE = "publisher-posts";
  static final String DECISIONS_STORE = "publisher-decisions";
  static final String INCIDENTS_STORE = "publisher-incidents";
  static final String RECEIPTS_STORE = "publisher-receipts";
  static final String SCHEDULE_STORE = "publisher-schedule";

  private static final Logger LOGGER = LoggerFactory.getLogger(PublishProcessor.class);

  private record Finished(
      String key, TimeOrderedKey scheduleKey, int attempt, PublishOutcome outcome) {}

  private final PublishRules rules;
  private final AttemptRules attemptRules;
  private final PublisherSettings settings;
  private final Publishers publishers;
  private final Supplier<Attempts> attemptsSupplier;
  private final Retention retention;
  private final InputTombstones tombstones = InputTombstones.of(PublisherService.NAME);

  private final Set<String> inFlight = new HashSet<>();
  private final Set<String> busyChannels = new HashSet<>();
  private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();

  private ProcessorContext<String, Publication> context;
  private KeyValueStore<String, PostState> posts;
  private KeyValueStore<String, DecisionState> decisions;
  private KeyValueStore<String, BranchIncidents> incidents;
  private KeyValueStore<String, ReceiptState> receipts;
  private KeyValueStore<TimeOrderedKey, String> schedule;
  private Attempts attempts;

  PublishProcessor(
      PublishRules rules,
      AttemptRules attemptRules,
      PublisherSettings settings,
      Publishers publishers,
      Supplier<Attempts> attemptsSupplier,
      Retention retention) {
    this.rules = rules;
    this.attemptRules = attemptRules;
    this.settings = settings;
    this.publishers = publishers;
    this.attemptsSupplier = attemptsSupplier;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, Publication> context) {
    this.context = context;
    posts = context.getStateStore(POSTS_STORE);
    decisions = context.getStateStore(DECISIONS_STORE);
    incidents = context.getStateStore(INCIDENTS_STORE);
    receipts = context.getStateStore(RECEIPTS_STORE);
    schedule = context.getStateStore(SCHEDULE_STORE);
    attempts = attemptsSupplier.get();
    context.schedule(settings.pollInterval(), PunctuationType.WALL_CLOCK_TIME, now -> pump());
    context.schedule(
        retention.checkInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> forgetExpired(Instant.ofEpochMilli(now)));
  }

  @Override
  public void process(Record<String, Object> record) {
    if (tombstones.skipped(context, record)) {
      return;
    }
    Object value = record.value();
    if (value instanceof PostEvent envelope) {
      switch (EventType.Post.of(envelope)) {
        case DRAFTED -> drafted((PostDrafted) envelope.getEvent());
        case WITHDRAWN -> withdrawn((PostWithdrawn) envelope.getEvent());
        case REVIEWED -> reviewed((PostReviewed) envelope.getEvent());
      }
    } else if (value instanceof PostDecision decision) {
      decided(decision);
    } else if (value instanceof IncidentEvent envelope) {
      switch (EventType.Incident.of(envelope)) {
        case REPORTED -> {
          IncidentReported reported = (IncidentReported) envelope.getEvent();
          updateIncidents(
              reported.getBranchId(),
              current -> current.report(reported.getIncidentId(), reported.getSeverity().name()));
        }
        case RESOLVED -> {
          IncidentResolved resolved = (IncidentResolved) envelope.getEvent();
          updateIncidents(
              resolved.getBranchId(), current -> current.resolve(resolved.getIncidentId()));
        }
        case ACKNOWLEDGED -> {
          // an acknowledged incident is still open
        }
      }
    }
    pump();
  }

  private void drafted(PostDrafted draft) {
    PostState known = posts.get(draft.getPostId());
    if (known != null && known.revision() >= draft.getRevision()) {
      return;
    }
    PostState post =
        new PostState(
            draft.getPostId(),
            draft.getRevision(),
            draft.getBranchId(),
            draft.getPlatform().name(),
            draft.getCategory().name(),
            draft.getCampaignId(),
            draft.getText(),
            draft.getHashtags(),
            draft.getMentions(),
            draft.getLinks(),
            draft.getMedia().stream()
                .map(m -> new PostState.Visual(m.getKind().name(), m.getUrl(), m.getAltText()))
                .toList(),
            draft.getScheduledAt(),
            null);
    posts.put(post.postId(), post);
    schedule.put(new TimeOrderedKey(post.scheduledAt(), post.idempotencyKey()), post.postId());
  }

  /**
   * A RESCHEDULE of the latest revision is the next revision at the new time, as governance makes
   * it (services/governance/README.md#reviews); the other reviews reach the publisher as
   * governance's decisions (status, signOff).
   */
  private void reviewed(PostReviewed review) {
    PostState known = posts.get(review.getPostId());
    if (review.getAction() != ReviewAction.RESCHEDULE
        || review.getScheduledAt() == null
        || known == null
        || known.withdrawn()
        || known.revision() != review.getRevision()) {
      return;
    }
    PostState moved = known.rescheduled(review.getScheduledAt());
    posts.put(moved.postId(), moved);
    schedule.put(new TimeOrderedKey(moved.scheduledAt(), moved.idempotencyKey()), moved.postId());
  }

  private void withdrawn(PostWithdrawn withdrawal) {
    PostState known = posts.get(withdrawal.getPostId());
    if (known != null && !known.withdrawn()) {
      posts.put(known.postId(), known.withdraw(withdrawal.getWithdrawnAt()));
    }
  }

  private void decided(PostDecision decision) {
    DecisionState known = decisions.get(decision.getPostId());
    if (known != null && known.revision() > decision.getRevision()) {
      return;
    }
    decisions.put(
        decision.getPostId(),
        new DecisionState(
            decision.getRevision(),
            decision.getStatus().name(),
            decision.getReleased(),
            decision.getScheduledAt(),
            decision.getSignOff() != null && decision.getSignOff().getRequired(),
            decision.getSignOff() == null ? null : decision.getSignOff().getSignedBy()));
  }

  private void updateIncidents(
      String branchId, java.util.function.UnaryOperator<BranchIncidents> change) {
    BranchIncidents current = incidents.get(branchId);
    incidents.put(branchId, change.apply(current == null ? BranchIncidents.NONE : current));
  }

  /** Records what finished, then starts what is due; again while attempts finish at once. */
  private void pump() {
    recordFinished();
    while (startDue() > 0 && !finished.isEmpty()) {
      recordFinished();
    }
  }

  private int startDue() {
    long nowMs = context.currentSystemTimeMs();
    Instant now = Instant.ofEpochMilli(nowMs);
    List<KeyValue<TimeOrderedKey, String>> due = new ArrayList<>();
    try (KeyValueIterator<TimeOrderedKey, String> entries = schedule.all()) {
      while (entries.hasNext()) {
        KeyValue<TimeOrderedKey, String> entry = entries.next();
        if (entry.key.at().toEpochMilli() > nowMs) {
          break;
        }
        if (!inFlight.contains(entry.key.id())) {
          due.add(entry);
        }
      }
    }
    int started = 0;
    for (KeyValue<TimeOrderedKey, String> entry : due) {
      String key = entry.key.id();
      int revision = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
      ReceiptState last = receipts.get(key);
      if (last != null && last.isFinal()) {
        schedule.delete(entry.key);
        continue;
      }
      PostState post = posts.get(entry.value);
      int attempt = last == null ? 1 : last.attempt() + 1;
      if (post != null && post.revision() == revision && busyChannels.contains(post.channelId())) {
        continue;
      }
      BranchIncidents branch = post == null ? null : incidents.get(post.branchId());
      Verdict verdict =
          rules.decide(revision, post, decisions.get(entry.value), branch, attempt, now);
      if (verdict instanceof Verdict.Drop drop) {
        schedule.delete(entry.key);
        LOGGER
            .atInfo()
            .addKeyValue("revision", key)
            .addKeyValue("why", drop.why())
            .log("Schedule entry dropped");
      } else if (verdict instanceof Verdict.Wait) {
        // stays due: asked again at the next punctuation or record
      } else if (verdict instanceof Verdict.Skip skip) {
        schedule.delete(entry.key);
        record(
            post,
            key,
            PublicationStatus.SKIPPED,
            attempt - 1,
            null,
            skip.reason(),
            null,
            null,
            nowMs);
      } else {
        inFlight.add(key);
        busyChannels.add(post.channelId());
        started++;
        TimeOrderedKey scheduleKey = entry.key;
        attempts.submit(
            post, outcome -> finished.add(new Finished(key, scheduleKey, attempt, outcome)));
      }
    }
    return started;
  }

  private void recordFinished() {
    Finished done;
    while ((done = finished.poll()) != null) {
      inFlight.remove(done.key());
      String postId = done.key().substring(0, done.key().lastIndexOf('/'));
      PostState post = posts.get(postId);
      if (post != null) {
        busyChannels.remove(post.channelId());
      }
      if (post == null || !done.key().equals(post.idempotencyKey())) {
        // replaced while its attempt ran: the outcome still counts for that revision
        LOGGER.atWarn().addKeyValue("revision", done.key()).log("Attempt of a replaced revision");
      }
      long nowMs = context.currentSystemTimeMs();
      AttemptRules.Step step =
          attemptRules.after(
              done.key(), done.attempt(), done.outcome(), Instant.ofEpochMilli(nowMs));
      schedule.delete(done.scheduleKey());
      if (!step.isFinal()) {
        schedule.put(new TimeOrderedKey(step.nextAttemptAt(), done.key()), postId);
      }
      record(
          post,
          done.key(),
          step.status(),
          step.attempt(),
          step.nextAttemptAt(),
          step.reason(),
          step.remoteId(),
          step.url(),
          nowMs);
    }
  }

  /** Stores the outcome and forwards its receipt (same transaction as the schedule change). */
  private void record(
      PostState post,
      String key,
      PublicationStatus status,
      int attempt,
      Instant nextAttemptAt,
      String reason,
      String remoteId,
      String url,
      long nowMs) {
    receipts.put(key, new ReceiptState(status.name(), attempt, Instant.ofEpochMilli(nowMs)));
    if (post == null) {
      return;
    }
    var kind = publishers.kindOf(post.channelId());
    int revision = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
    Publication publication =
        Publication.newBuilder()
            .setPostId(post.postId())
            .setRevision(revision)
            .setBranchId(post.branchId())
            .setChannelId(post.channelId())
            .setStatus(status)
            .setPublisher(kind)
            .setIdempotencyKey(key)
            .setScheduledAt(post.scheduledAt())
            .setAttempt(attempt)
            .setRemoteId(remoteId)
            .setUrl(url)
            .setNextAttemptAt(nextAttemptAt)
            .setReason(reason)
            .setAt(Instant.ofEpochMilli(nowMs))
            .build();
    context.forward(new Record<>(post.postId(), publication, nowMs));
    PublisherMetrics.publications(kind.name(), status.name()).increment();
    var event = status == PublicationStatus.PUBLISHED ? LOGGER.atInfo() : LOGGER.atWarn();
    event
        .addKeyValue("postId", post.postId())
        .addKeyValue("revision", revision)
        .addKeyValue("channelId", post.channelId())
        .addKeyValue("publisher", kind)
        .addKeyValue("status", status)
        .addKeyValue("attempt", attempt)
        .addKeyValue("remoteId", remoteId)
        .addKeyValue("nextAttemptAt", nextAttemptAt)
        .addKeyValue("reason", reason)
        .log("Publication recorded");
  }

  /**
   * Forgets, past the retention horizon: final receipts, and posts (with their decisions) whose
   * time is that long gone and that have no schedule entry left.
   */
  private void forgetExpired(Instant now) {
    List<String> oldReceipts = new ArrayList<>();
    try (KeyValueIterator<String, ReceiptState> scan = receipts.all()) {
      scan.forEachRemaining(
          entry -> {
            if (entry.value.isFinal() && retention.expired(entry.value.at(), now)) {
              oldReceipts.add(entry.key);
            }
          });
    }
    oldReceipts.forEach(receipts::delete);
    List<String> oldPosts = new ArrayList<>();
    try (KeyValueIterator<String, PostState> scan = posts.all()) {
      scan.forEachRemaining(
          entry -> {
            if (retention.expired(entry.value.scheduledAt(), now)
                && receipts.get(entry.value.idempotencyKey()) == null) {
              oldPosts.add(entry.key);
            }
          });
    }
    for (String postId : oldPosts) {
      posts.delete(postId);
      decisions.delete(postId);
    }
  }

  @Override
  public void close() {
    if (attempts != null) {
      attempts.close();
    }
  }
}
