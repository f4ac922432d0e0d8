package org.librarycampaign.governance.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import library.campaign.events.Severity;
import library.campaign.events.SignOffPolicy;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.Spacing;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.lookup.HashtagLookup;
import org.librarycampaign.governance.hashtags.lookup.TagCheck;
import org.librarycampaign.governance.rules.PostContext;
import org.librarycampaign.governance.rules.PostRules;

/**
 * Governance, one event at a time, for the events of one branch in their order: the {@link
 * PostRules} decide a draft, the Governor keeps the books (posts, weeks, crises) and releases held
 * posts. Plain Java: the state lives behind {@link GovernanceState}.
 *
 * <p>Each call reads what it needs, decides, and writes back what changed at the end; the decisions
 * it returns are in the order they were made (a withdrawal before the releases it allows, the
 * releases of a replaced revision's week before the new revision's decision).
 */
public final class Governor {

  private final GovernanceState state;
  private final PostChecks checks;
  private final HashtagLookup lookup;
  private final HoldExpiries expiries;

  /** With the schedule of stale holds in memory. */
  public Governor(GovernanceState state, PostChecks checks) {
    this(state, checks, HashtagLookup.NONE, HoldExpiries.inMemory());
  }

  /**
   * @param lookup asked about the tags of a draft this system has not used before, once the draft
   *     is going to be decided (a replayed or older revision asks nothing)
   */
  public Governor(GovernanceState state, PostChecks checks, HashtagLookup lookup) {
    this(state, checks, lookup, HoldExpiries.inMemory());
  }

  /**
   * @param expiries the schedule of stale holds ({@link #expireDue})
   */
  public Governor(GovernanceState state, PostChecks checks, HoldExpiries expiries) {
    this(state, checks, HashtagLookup.NONE, expiries);
  }

  /**
   * @param lookup asked about the tags of a draft this system has not used before, once the draft
   *     is going to be decided (a replayed or older revision asks nothing)
   * @param expiries the schedule of stale holds ({@link #expireDue})
   */
  public Governor(
      GovernanceState state, PostChecks checks, HashtagLookup lookup, HoldExpiries expiries) {
    this.state = state;
    this.checks = checks;
    this.lookup = lookup;
    this.expiries = expiries;
  }

  /**
   * PostDrafted: steps 1 and 2, then the {@link PostRules rule list} decides (steps 3 to 6), then
   * the decision takes its place in the week (approved, or at the back of the held queue) and step
   * 7 runs after an approved content post.
   */
  public Outcome onDrafted(Draft draft, Instant at) {
    Session session = new Session(at);
    Optional<PostRecord> known = session.post(draft.postId());
    if (known.isPresent() && known.get().revision() >= draft.revision()) {
      return Outcome.NOTHING;
    }
    known.filter(PostRecord::isLive).ifPresent(session::free);

    ChannelRules channel = session.rules(draft.branchId(), draft.platform());
    LocalDate day = WindowKey.dayOf(draft.scheduledAt(), channel.zone());
    WindowKey window = WindowKey.of(draft.branchId(), draft.platform(), day);
    BalanceLedger ledger = session.ledger(window);
    Map<String, Optional<HashtagUse>> firstUses = new HashMap<>();
    Function<String, Optional<HashtagUse>> firstUse =
        tag -> firstUses.computeIfAbsent(tag, state::firstUse);
    List<HashtagUse> uses = PostChecks.hashtagUses(draft, at);
    PostRules.Findings findings =
        checks.check(
            new PostContext(
                draft,
                uses,
                firstUse,
                session.crises(draft.branchId()),
                channel,
                day,
                ledger,
                () -> session.nextDayWithRoom(draft.branchId(), draft.platform(), day, channel),
                draft.isCampaign()
                    ? state.officials(draft.branchId(), draft.platform())
                    : List.of(),
                tagChecks(draft, uses, firstUse),
                session.spacing(draft.branchId(), draft.platform())));

    DecisionStatus status = findings.status();
    switch (status) {
      case APPROVED ->
          session.approve(ledger, draft.postId(), draft.category(), day, draft.scheduledAt());
      case HELD -> ledger.hold(draft.postId(), day);
      default -> {
        // a rejected post takes no place in its week
      }
    }
    if (status != DecisionStatus.REJECTED) {
      session.markChanged(ledger);
    }
    PostRecord record =
        new PostRecord(
            draft.postId(),
            draft.revision(),
            draft.branchId(),
            draft.platform(),
            draft.category(),
            draft.campaignId(),
            draft.scheduledAt(),
            draft.draftedAt(),
            window,
            day,
            status,
            false,
            status == DecisionStatus.HELD ? findings.warnings() : List.of(),
            draft);
    session.savePost(record);
    session.decide(record, findings.reasons(), findings.warnings());
    if (status == DecisionStatus.APPROVED && !draft.isCampaign()) {
      session.release(ledger);
    }
    return session.commit(
        status == DecisionStatus.REJECTED ? List.of() : possibleFirstUses(uses, firstUse));
  }

  /**
   * The network's word on the draft's tags that this system has not used before: no first use in
   * the view and none sent by this task, other than by this post itself. Empty without a look-up.
   */
  private Map<String, TagCheck> tagChecks(
      Draft draft, List<HashtagUse> uses, Function<String, Optional<HashtagUse>> firstUse) {
    if (lookup == HashtagLookup.NONE || uses.isEmpty()) {
      return Map.of();
    }
    List<String> unused = new ArrayList<>();
    for (HashtagUse use : uses) {
      String tag = use.normalizedHashtag();
      boolean usedBefore =
          firstUse.apply(tag).filter(first -> !first.postId().equals(draft.postId())).isPresent()
              || state
                  .sentUse(tag)
                  .filter(sent -> !sent.postId().equals(draft.postId()))
                  .isPresent();
      if (!usedBefore) {
        unused.add(tag);
      }
    }
    return unused.isEmpty() ? Map.of() : lookup.check(draft.branchId(), draft.platform(), unused);
  }

  /**
   * The draft's tag uses that could be first uses: those neither the view nor this task's earlier
   * sends know an earlier use of. The view only ever moves a tag's first use earlier, so a use
   * later than one already known can never become the first, and need not be sent.
   */
  private List<HashtagUse> possibleFirstUses(
      List<HashtagUse> uses, Function<String, Optional<HashtagUse>> firstUse) {
    List<HashtagUse> possible = new ArrayList<>();
    for (HashtagUse use : uses) {
      String tag = use.normalizedHashtag();
      if (firstUse.apply(tag).map(use::isBefore).orElse(true)
          && state.sentUse(tag).map(use::isBefore).orElse(true)) {
        state.saveSentUse(use);
        possible.add(use);
      }
    }
    return possible;
  }

  /**
   * PostWithdrawn: take the post out, WITHDRAWN, step 7. Unknown or withdrawn: nothing. A
   * withdrawal made before the live revision was drafted was meant for an earlier revision (a
   * replay, or a late delivery): nothing either.
   *
   * @param withdrawnAt when the branch withdrew it (the event's own time)
   */
  public Outcome onWithdrawn(String postId, String reason, Instant withdrawnAt, Instant at) {
    Session session = new Session(at);
    Optional<PostRecord> known = session.post(postId);
    if (known.isEmpty()
        || known.get().status() == DecisionStatus.WITHDRAWN
        || known.get().status() == DecisionStatus.EXPIRED
        || withdrawnAt.isBefore(known.get().draftedAt())) {
      return Outcome.NOTHING;
    }
    PostRecord post = known.get();
    BalanceLedger ledger = post.isLive() ? session.takeOut(post) : null;
    PostRecord withdrawn = post.withStatus(DecisionStatus.WITHDRAWN, false);
    session.savePost(withdrawn);
    session.decide(
        withdrawn, List.of(Reason.of(ReasonCode.WITHDRAWN, withdrawnMessage(reason))), List.of());
    if (ledger != null) {
      session.release(ledger);
      session.releaseNeighbours(post);
    }
    return session.commit(List.of());
  }

  static String withdrawnMessage(String reason) {
    return reason == null || reason.isBlank()
        ? "Withdrawn by the branch"
        : "Withdrawn by the branch: " + reason.strip();
  }

  /**
   * PostReviewed (services/governance/README.md#reviews). A review of a post governance does not
   * know, of a revision that is not the post's latest, or of a withdrawn post changes nothing.
   * APPROVE of a HELD revision approves it with an override (no other held post is released);
   * APPROVE of an APPROVED revision signs it off where its channel requires that; REJECT makes a
   * live post REJECTED ({@code REVIEW_REJECTED}) and frees its place; RESCHEDULE drafts the next
   * revision at the new time, decided by every rule again.
   */
  public Outcome onReviewed(Review review, Instant at) {
    Session session = new Session(at);
    Optional<PostRecord> known = session.post(review.postId());
    if (known.isEmpty()
        || known.get().revision() != review.revision()
        || known.get().status() == DecisionStatus.WITHDRAWN) {
      return Outcome.NOTHING;
    }
    PostRecord post = known.get();
    return switch (review.action()) {
      case APPROVE -> approve(session, post, review);
      case REJECT -> reject(session, post, review);
      case RESCHEDULE -> reschedule(session, post, review, at);
      case UNKNOWN -> Outcome.NOTHING;
    };
  }

  private Outcome approve(Session session, PostRecord post, Review review) {
    ReviewEntry entry = review.entry();
    ReviewRecord.Stamp stamp =
        new ReviewRecord.Stamp(
            post.revision(), review.reviewer(), review.reason(), review.reviewedAt());
    ReviewRecord reviews = session.reviews(post.postId());
    if (post.status() == DecisionStatus.HELD) {
      // the override takes the post's place in its week as any approval does, whatever the day's
      // cap, ratio or crisis says; the release walk does not run, so it frees no other post
      BalanceLedger ledger = session.ledger(post.window());
      ledger.unhold(post.postId());
      ledger.approve(post.category(), post.day());
      session.markChanged(ledger);
      PostRecord approved = post.withStatus(DecisionStatus.APPROVED, false);
      session.savePost(approved);
      session.saveReviews(
          post.postId(), reviews.with(entry).withOverride(stamp).withSignature(stamp));
      session.decide(approved, List.of(), post.warnings(), entry);
      return session.commit(List.of());
    }
    if (post.status() == DecisionStatus.APPROVED
        && session.needsSignOff(post)
        && reviews.signatureOf(post.revision()) == null) {
      session.saveReviews(post.postId(), reviews.with(entry).withSignature(stamp));
      session.decide(post, List.of(), List.of(), entry);
      return session.commit(List.of());
    }
    return Outcome.NOTHING;
  }

  private Outcome reject(Session session, PostRecord post, Review review) {
    if (!post.isLive()) {
      return Outcome.NOTHING;
    }
    ReviewEntry entry = review.entry();
    BalanceLedger ledger = session.takeOut(post);
    PostRecord rejected = post.withStatus(DecisionStatus.REJECTED, false);
    session.savePost(rejected);
    session.saveReviews(post.postId(), session.reviews(post.postId()).with(entry));
    session.decide(
        rejected,
        List.of(Reason.of(ReasonCode.REVIEW_REJECTED, rejectedMessage(review))),
        List.of(),
        entry);
    session.release(ledger);
    return session.commit(List.of());
  }

  static String rejectedMessage(Review review) {
    String by = "Rejected by reviewer " + review.reviewer().strip();
    return review.reason() == null || review.reason().isBlank()
        ? by
        : by + ": " + review.reason().strip();
  }

  /**
   * The next revision at the new time, drafted at the review's time and decided like any draft; the
   * decision of that revision names the review. A post drafted before reviews were kept has no
   * draft to reschedule: nothing.
   */
  private Outcome reschedule(Session session, PostRecord post, Review review, Instant at) {
    ReviewRecord reviews = session.reviews(post.postId());
    // a post record written before it kept its draft has it in the review record
    Draft old = post.draft() != null ? post.draft() : reviews.draft();
    if (old == null || review.scheduledAt() == null || old.revision() != post.revision()) {
      return Outcome.NOTHING;
    }
    ReviewEntry entry = review.entry();
    state.saveReviews(post.postId(), reviews.with(entry));
    Draft moved =
        new Draft(
            old.postId(),
            old.revision() + 1,
            old.branchId(),
            old.platform(),
            old.category(),
            old.campaignId(),
            old.text(),
            old.hashtags(),
            old.mentions(),
            old.links(),
            old.mediaCount(),
            review.scheduledAt(),
            review.reviewedAt());
    Outcome drafted = onDrafted(moved, at);
    return new Outcome(
        drafted.decisions().stream()
            .map(
                d ->
                    d.postId().equals(moved.postId()) && d.revision() == moved.revision()
                        ? d.madeBy(entry)
                        : d)
            .toList(),
        drafted.hashtagUses());
  }

  /** IncidentReported: a HIGH or CRITICAL one starts a crisis (campaign posts are then held). */
  public Outcome onIncidentReported(String branchId, String incidentId, Severity severity) {
    if (state.isResolved(branchId, incidentId)) {
      return Outcome.NOTHING;
    }
    BranchCrises crises = state.crises(branchId);
    if (crises.report(incidentId, severity)) {
      state.saveCrises(branchId, crises);
    }
    return Outcome.NOTHING;
  }

  /**
   * IncidentResolved: when it ends the branch's last active crisis, step 7 on every window of the
   * branch with held posts, oldest window first.
   */
  public Outcome onIncidentResolved(String branchId, String incidentId, Instant at) {
    if (state.isResolved(branchId, incidentId)) {
      return Outcome.NOTHING;
    }
    state.markResolved(branchId, incidentId, at);
    Session session = new Session(at);
    BranchCrises crises = session.crises(branchId);
    boolean ended = crises.resolve(incidentId);
    session.changedCrises.add(branchId);
    if (ended) {
      List<BalanceLedger> held = new ArrayList<>(state.ledgersWithHeldPosts(branchId));
      held.sort(
          Comparator.comparing(
                  (BalanceLedger l) ->
                      l.key().start(session.rules(branchId, l.key().platform()).zone()))
              .thenComparing(l -> l.key().channelId()));
      for (BalanceLedger ledger : held) {
        session.release(session.adopt(ledger));
      }
    }
    return session.commit(List.of());
  }

  /**
   * The wall clock reached {@code now}: every post still HELD at its scheduled time by then is
   * EXPIRED, earliest first, and taken out of its week's queue (it frees nothing: a held post takes
   * no place). Each decision is stamped with its post's time ({@link HoldExpiry#instant}). Entries
   * of posts that left the queue otherwise are dropped without output.
   */
  public Outcome expireDue(Instant now) {
    List<HoldExpiries.Due> due = expiries.dueBy(now);
    if (due.isEmpty()) {
      return Outcome.NOTHING;
    }
    List<Decision> expired = new ArrayList<>();
    for (HoldExpiries.Due entry : due) {
      expiries.remove(entry);
      Optional<PostRecord> stored = state.post(entry.postId());
      if (!HoldExpiry.applies(entry, stored)) {
        continue;
      }
      PostRecord post = stored.get();
      Session session = new Session(HoldExpiry.instant(post));
      session.takeOut(post);
      PostRecord after = post.withStatus(DecisionStatus.EXPIRED, false);
      session.savePost(after);
      ChannelRules channel = session.rules(post.branchId(), post.platform());
      session.decide(after, List.of(HoldExpiry.reason(post, channel.zone())), List.of());
      expired.addAll(session.commit(List.of()).decisions());
    }
    return new Outcome(expired, List.of());
  }

  /** What one event reads and changes, written back at the end. */
  private final class Session {
    private final Instant at;
    private final Map<String, Optional<PostRecord>> posts = new HashMap<>();

    /** The post records as the state held them when this session first read them. */
    private final Map<String, Optional<PostRecord>> stored = new HashMap<>();

    private final Set<String> changedPosts = new LinkedHashSet<>();
    private final Map<WindowKey, BalanceLedger> ledgers = new HashMap<>();
    private final Set<WindowKey> changedLedgers = new LinkedHashSet<>();
    private final Map<String, BranchCrises> crises = new HashMap<>();
    private final Set<String> changedCrises = new LinkedHashSet<>();
    private final Map<String, ChannelRules> rules = new HashMap<>();
    private final Map<String, ReviewRecord> reviews = new HashMap<>();
    private final Set<String> changedReviews = new LinkedHashSet<>();
    private final List<Decision> decisions = new ArrayList<>();

    Session(Instant at) {
      this.at = at;
    }

    Optional<PostRecord> post(String postId) {
      return posts.computeIfAbsent(postId, this::storedPost);
    }

    /** The state's record of the post, read once per session. */
    private Optional<PostRecord> storedPost(String postId) {
      return stored.computeIfAbsent(postId, state::post);
    }

    void savePost(PostRecord post) {
      posts.put(post.postId(), Optional.of(post));
      changedPosts.add(post.postId());
    }

    /** What is kept of the post for its reviews; empty when nothing is. */
    ReviewRecord reviews(String postId) {
      return reviews.computeIfAbsent(
          postId, id -> state.reviews(id).orElseGet(ReviewRecord::empty));
    }

    void saveReviews(String postId, ReviewRecord record) {
      reviews.put(postId, record);
      changedReviews.add(postId);
    }

    /** Whether the channel's sign-off policy covers the post (services/publisher/README.md). */
    boolean needsSignOff(PostRecord post) {
      SignOffPolicy policy = state.signOff(post.branchId(), post.platform());
      return switch (policy) {
        case ALL -> true;
        case CAMPAIGN -> post.category() == PostCategory.CAMPAIGN;
        case NONE -> false;
      };
    }

    /** The audit trail a decision of the post shows. */
    Audit audit(PostRecord post) {
      ReviewRecord kept = reviews(post.postId());
      ReviewRecord.Stamp override =
          post.status() == DecisionStatus.APPROVED ? kept.overrideOf(post.revision()) : null;
      Audit.SignOff signOff = null;
      if (post.isLive() && needsSignOff(post)) {
        ReviewRecord.Stamp signature = kept.signatureOf(post.revision());
        signOff =
            signature == null
                ? new Audit.SignOff(null, null)
                : new Audit.SignOff(signature.reviewer(), signature.at());
      }
      return new Audit(override, kept.trail(), signOff, null);
    }

    BalanceLedger ledger(WindowKey key) {
      return ledgers.computeIfAbsent(
          key, k -> state.ledger(k).orElseGet(() -> new BalanceLedger(k)));
    }

    /** A ledger read elsewhere: the session's copy when it has one. */
    BalanceLedger adopt(BalanceLedger ledger) {
      return ledgers.computeIfAbsent(ledger.key(), k -> ledger);
    }

    void markChanged(BalanceLedger ledger) {
      changedLedgers.add(ledger.key());
    }

    BranchCrises crises(String branchId) {
      return crises.computeIfAbsent(branchId, state::crises);
    }

    ChannelRules rules(String branchId, Platform platform) {
      return rules.computeIfAbsent(
          ChannelRules.channelId(branchId, platform),
          id -> state.rules(branchId, platform).shared());
    }

    /**
     * Step 2: a live post leaves its window, then step 7 there, and on a spaced channel also in the
     * neighbouring week its freed time may fall in.
     */
    void free(PostRecord post) {
      release(takeOut(post));
      releaseNeighbours(post);
    }

    /**
     * After an approved post left: step 7 in the week before or after its own, when that week holds
     * times less than the channel's minimum from it
     * (services/governance/README.md#spacing-and-the-weekly-ceiling).
     */
    void releaseNeighbours(PostRecord post) {
      ChannelRules channel = rules(post.branchId(), post.platform());
      if (post.status() != DecisionStatus.APPROVED || !channel.pacing().spaced()) {
        return;
      }
      Duration gap = channel.pacing().minGap();
      for (Instant edge : List.of(post.scheduledAt().minus(gap), post.scheduledAt().plus(gap))) {
        WindowKey key =
            WindowKey.of(post.branchId(), post.platform(), WindowKey.dayOf(edge, channel.zone()));
        if (!key.equals(post.window())) {
          release(ledger(key));
        }
      }
    }

    /** The channel's approved posts around a time, when it spaces its posts. */
    Spacing spacing(String branchId, Platform platform) {
      ChannelRules channel = rules(branchId, platform);
      if (!channel.pacing().spaced()) {
        return Spacing.NONE;
      }
      return new Spacing(
          day -> ledger(WindowKey.of(branchId, platform, day)),
          channel.zone(),
          channel.pacing().minGap());
    }

    /** A post takes its place in the week, and its time is kept when the channel spaces posts. */
    void approve(
        BalanceLedger ledger,
        String postId,
        PostCategory category,
        LocalDate day,
        Instant scheduledAt) {
      ledger.approve(category, day);
      if (rules(ledger.key().branchId(), ledger.key().platform()).pacing().spaced()) {
        ledger.space(postId, scheduledAt);
      }
    }

    /** Step 2: a live post leaves its window (its place freed, or out of the queue). */
    BalanceLedger takeOut(PostRecord post) {
      BalanceLedger ledger = ledger(post.window());
      if (post.status() == DecisionStatus.APPROVED) {
        ledger.unapprove(post.category(), post.day());
        ledger.unspace(post.postId());
      } else {
        ledger.unhold(post.postId());
      }
      markChanged(ledger);
      return ledger;
    }

    /**
     * Step 7: the window's held posts, oldest first; each whose day has room is approved while
     * campaign posts may go out (no crisis, the ratio and the weekly ceiling allow one); the first
     * they do not allow ends the walk. The ratio is the window's, so it is checked before the post
     * is read. On a channel that spaces its posts, held content posts may wait too: the walk then
     * goes on past campaign posts that may not go out, and skips any post still too close to an
     * approved one (services/governance/README.md#spacing-and-the-weekly-ceiling).
     */
    void release(BalanceLedger ledger) {
      WindowKey key = ledger.key();
      if (!ledger.hasHeld()) {
        return;
      }
      ChannelRules channel = rules(key.branchId(), key.platform());
      boolean spaced = channel.pacing().spaced();
      Spacing spacing = spacing(key.branchId(), key.platform());
      for (BalanceLedger.Held held : List.copyOf(ledger.held())) {
        if (!spaced && !campaignMayGoOut(ledger, channel)) {
          break;
        }
        if (!ledger.hasRoomOn(held.day(), channel.maxPostsPerDay())) {
          continue;
        }
        Optional<PostRecord> stored = post(held.postId());
        if (stored.isEmpty() || stored.get().status() != DecisionStatus.HELD) {
          ledger.unhold(held.postId());
          markChanged(ledger);
          continue;
        }
        PostRecord post = stored.get();
        if (post.category() == PostCategory.CAMPAIGN && !campaignMayGoOut(ledger, channel)) {
          continue;
        }
        if (spacing.tooClose(post.scheduledAt(), post.postId()).isPresent()) {
          continue;
        }
        ledger.unhold(held.postId());
        markChanged(ledger);
        approve(ledger, post.postId(), post.category(), post.day(), post.scheduledAt());
        PostRecord approved = post.withStatus(DecisionStatus.APPROVED, true);
        savePost(approved);
        decide(approved, List.of(), post.warnings());
      }
    }

    /** No crisis of the branch, and the week's ratio and weekly ceiling allow a campaign post. */
    private boolean campaignMayGoOut(BalanceLedger ledger, ChannelRules channel) {
      return !crises(ledger.key().branchId()).isActive()
          && ledger.ratioAllowsCampaign(channel.contentPerCampaign())
          && channel.pacing().ceilingAllowsCampaign(ledger.approvedCampaign());
    }

    /**
     * The nearest later local date whose approved posts are under the channel's cap, a week's
     * ledger at a time.
     */
    LocalDate nextDayWithRoom(
        String branchId, Platform platform, LocalDate day, ChannelRules channel) {
      LocalDate next = day.plusDays(1);
      while (true) {
        BalanceLedger week = ledger(WindowKey.of(branchId, platform, next));
        LocalDate weekEnd = week.key().monday().plusWeeks(1);
        for (; next.isBefore(weekEnd); next = next.plusDays(1)) {
          if (week.approvedOn(next) < channel.maxPostsPerDay()) {
            return next;
          }
        }
      }
    }

    void decide(PostRecord post, List<Reason> reasons, List<Warning> warnings) {
      decide(post, reasons, warnings, null);
    }

    /** A decision; {@code review} made it, when it is not null. */
    void decide(PostRecord post, List<Reason> reasons, List<Warning> warnings, ReviewEntry review) {
      ChannelRules channel = rules(post.branchId(), post.platform());
      BalanceLedger ledger = ledger(post.window());
      WindowCounts window =
          new WindowCounts(
              post.window().start(channel.zone()),
              post.window().end(channel.zone()),
              ledger.approvedContent(),
              ledger.approvedCampaign(),
              channel.allowedCampaign(ledger.approvedContent()));
      decisions.add(
          new Decision(
              post.postId(),
              post.revision(),
              post.branchId(),
              post.channelId(),
              post.category(),
              post.campaignId(),
              post.scheduledAt(),
              post.status(),
              post.released(),
              reasons,
              warnings,
              window,
              at,
              review == null ? audit(post) : audit(post).madeBy(review)));
    }

    /** Writes a post's record, and keeps the schedule of stale holds in step with it. */
    private void writePost(PostRecord post) {
      HoldExpiry.track(expiries, storedPost(post.postId()), post);
      state.savePost(post);
    }

    Outcome commit(List<HashtagUse> uses) {
      changedPosts.forEach(id -> posts.get(id).ifPresent(this::writePost));
      changedLedgers.forEach(key -> state.saveLedger(ledgers.get(key)));
      changedCrises.forEach(branchId -> state.saveCrises(branchId, crises.get(branchId)));
      changedReviews.forEach(postId -> state.saveReviews(postId, reviews.get(postId)));
      return new Outcome(decisions, uses);
    }
  }
}
