package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.librarycampaign.conflicts.calendar.CalendarChange.ClearReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapCloseReason;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;
import org.librarycampaign.platform.time.LocalZones;
import org.librarycampaign.platform.time.PostingHours;

/**
 * The rules of services/conflicts/README.md#rules for the posts and milestones of one partition.
 *
 * <p>Every event is handled the same way: find the pairs (post, milestone) and gaps (milestone,
 * branch) it can touch through the indexes, evaluate them, change the state, evaluate them again,
 * and report the differences. What is open therefore always follows from the state alone, which
 * makes the open set independent of the order in which the same posts and milestones arrived.
 */
public final class ConflictCalendar {

  /** How long before an AMPLIFY milestone a campaign post amplifies it. */
  public static final Duration AMPLIFY_LEAD = Duration.ofHours(72);

  /**
   * How many times a suggestion may move into the posting window and past AVOID windows again: a
   * branch whose every posting hour is taken for months gets the time reached then.
   */
  private static final int MAX_STEPS = 400;

  private final CalendarState state;
  private final LocalZones zones;

  /** In UTC, with the default posting window (08:00 to 21:00). */
  public ConflictCalendar(CalendarState state) {
    this(state, LocalZones.fixed(ZoneId.of("UTC")));
  }

  /**
   * @param zones the zone and posting window of each channel, which suggestions keep to
   */
  public ConflictCalendar(CalendarState state, LocalZones zones) {
    this.state = state;
    this.zones = zones;
  }

  /**
   * The branch that owns the post id: the one its kept post was first drafted for; null for a post
   * the calendar does not know (docs/ARCHITECTURE.md#ownership-and-placement). The post read is
   * kept for the event's own read of it until {@link #endEvent}.
   */
  public String ownerOf(String postId) {
    return state.branchOf(postId);
  }

  /** The event is handled: nothing read for it is kept. */
  public void endEvent() {
    state.endEvent();
  }

  /** The platform a post was drafted for; empty for a post the calendar does not know. */
  public Optional<String> platformOf(String postId) {
    return state.post(postId).map(Post::platform);
  }

  /** A new post or a new revision of one. */
  public Outcome postDrafted(Post draft) {
    Optional<Post> known = state.post(draft.postId());
    if (known.isPresent() && known.get().revision() >= draft.revision()) {
      return Outcome.ignored(Outcome.Status.STALE_REVISION);
    }
    Post updated = known.map(draft::keepingPlaceOf).orElse(draft);
    return replacePost(known.orElse(null), updated, ClearReason.POST_MOVED);
  }

  /** A post withdrawn; it may come back with a higher revision. */
  public Outcome postWithdrawn(String postId) {
    Optional<Post> known = state.post(postId);
    if (known.isEmpty() || !known.get().live()) {
      return Outcome.ignored(Outcome.Status.NOT_LIVE);
    }
    return replacePost(known.get(), known.get().withdrawn(), ClearReason.POST_WITHDRAWN);
  }

  /**
   * A reviewer's RESCHEDULE of revision {@code revision}: governance makes it revision r+1 at
   * {@code newTime}, so the calendar takes it as that revision (a post moved: its conflicts are
   * checked again at the new time, those of the old time cleared with POST_MOVED). A review of
   * another revision than the latest is ignored, as is one of a withdrawn post; a post a reviewer
   * rejected comes back at the new time, as governance decides it again.
   */
  public Outcome postRescheduled(String postId, int revision, Instant newTime) {
    Optional<Post> known = state.post(postId);
    if (known.isEmpty()) {
      return Outcome.ignored(Outcome.Status.NOT_LIVE);
    }
    if (known.get().revision() != revision) {
      return Outcome.ignored(Outcome.Status.STALE_REVISION);
    }
    if (!known.get().live() && !known.get().rejected()) {
      return Outcome.ignored(Outcome.Status.NOT_LIVE);
    }
    return replacePost(known.get(), known.get().rescheduled(newTime), ClearReason.POST_MOVED);
  }

  /**
   * A reviewer's REJECT of revision {@code revision}: the post leaves the calendar as a withdrawn
   * one does (a gap it closed opens again), its conflicts cleared with POST_REJECTED: the branch
   * did not withdraw it. A higher revision, or a RESCHEDULE of this one, brings it back.
   */
  public Outcome postRejected(String postId, int revision) {
    Optional<Post> known = state.post(postId);
    if (known.isEmpty() || !known.get().live()) {
      return Outcome.ignored(Outcome.Status.NOT_LIVE);
    }
    if (known.get().revision() != revision) {
      return Outcome.ignored(Outcome.Status.STALE_REVISION);
    }
    return replacePost(known.get(), known.get().rejectedByReview(), ClearReason.POST_REJECTED);
  }

  /** A milestone announced, changed or cancelled. */
  public Outcome milestone(Milestone incoming) {
    Optional<Milestone> known = state.milestone(incoming.milestoneId());
    if (known.isPresent() && known.get().revision() >= incoming.revision()) {
      return Outcome.ignored(Outcome.Status.STALE_REVISION);
    }
    Milestone updated = known.map(incoming::keepingScopeOf).orElse(incoming);
    Milestone previous = known.orElse(null);

    Map<String, ScheduledPost> heldBefore =
        previous != null && previous.avoids() ? postsHeldBy(previous) : Map.of();
    List<String> branches = branchesIn(updated.scope());
    Map<String, Boolean> gapsBefore = new LinkedHashMap<>();
    for (String branch : branches) {
      gapsBefore.put(branch, previous != null && gapOpen(previous, branch));
    }

    state.replaceMilestone(previous, updated);

    Map<String, ScheduledPost> heldAfter = updated.avoids() ? postsHeldBy(updated) : Map.of();
    List<CalendarChange> changes = new ArrayList<>();
    ClearReason reason =
        updated.cancelled() ? ClearReason.MILESTONE_CANCELLED : ClearReason.MILESTONE_MOVED;
    heldBefore.forEach(
        (postId, post) -> {
          if (!heldAfter.containsKey(postId)) {
            changes.add(new ConflictEnded(post, previous, updated, reason));
          }
        });
    heldAfter.forEach(
        (postId, post) -> {
          if (!heldBefore.containsKey(postId)) {
            changes.add(
                new ConflictStarted(
                    post,
                    updated,
                    suggestion(
                        post.branchId(),
                        platformOf(post.postId()).orElse(null),
                        post.scheduledAt())));
          }
        });
    for (String branch : branches) {
      gapChange(updated, branch, gapsBefore.get(branch)).ifPresent(changes::add);
    }
    return Outcome.applied(changes);
  }

  /**
   * The first free time at or after {@code at} for the channel: while inside a live AVOID window,
   * jump to that window's end plus buffer; then, outside the channel's posting window (its local
   * hours, 08:00 to 21:00 by default), on to the window's next start, and check the AVOID windows
   * again. Where several AVOID windows hold the time, jumping to the latest end gives the same
   * result as jumping one at a time, with fewer steps.
   *
   * @param platform the post's platform, whose channel policy may name a zone and window; null for
   *     the branch's
   */
  public Suggestion suggestion(String branchId, String platform, Instant at) {
    ZoneId zone = zones.zone(branchId, platform);
    PostingHours hours = zones.postingHours(branchId, platform);
    Instant time = at;
    List<Milestone> movedPast = new ArrayList<>();
    for (int step = 0; step < MAX_STEPS; step++) {
      Map<String, Milestone> holding = state.avoidWindowsHolding(branchId, time);
      while (!holding.isEmpty()) {
        Milestone latest = null;
        for (Milestone window : holding.values()) {
          if (latest == null || window.avoidUntil().isAfter(latest.avoidUntil())) {
            latest = window;
          }
        }
        time = latest.avoidUntil();
        movedPast.add(latest);
        holding = state.avoidWindowsHolding(branchId, time);
      }
      Instant inside = hours.nextInside(time, zone);
      if (inside.equals(time)) {
        break;
      }
      time = inside;
    }
    return new Suggestion(time, movedPast);
  }

  private Outcome replacePost(Post stored, Post updated, ClearReason reason) {
    Post previous = stored != null && stored.live() ? stored : null;
    String branch = updated.branchId();
    boolean firstFromBranch = updated.live() && !state.knowsBranch(branch);

    Map<String, Milestone> heldBefore =
        previous == null ? Map.of() : state.avoidWindowsHolding(branch, previous.scheduledAt());
    Map<String, Milestone> gapCandidates = new TreeMap<>();
    if (previous != null && previous.campaign()) {
      gapCandidates.putAll(amplifiable(branch, previous.scheduledAt()));
    }
    if (updated.live() && updated.campaign()) {
      gapCandidates.putAll(amplifiable(branch, updated.scheduledAt()));
    }
    if (firstFromBranch) {
      gapCandidates.putAll(state.amplifyMilestonesOf(branch));
    }
    Map<String, Boolean> gapsBefore = new LinkedHashMap<>();
    gapCandidates.forEach((id, milestone) -> gapsBefore.put(id, gapOpen(milestone, branch)));

    state.replacePost(stored, updated);
    if (firstFromBranch) {
      state.addBranch(branch);
    }

    Map<String, Milestone> heldAfter =
        updated.live() ? state.avoidWindowsHolding(branch, updated.scheduledAt()) : Map.of();
    List<CalendarChange> changes = new ArrayList<>();
    ScheduledPost post = updated.schedule();
    heldBefore.forEach(
        (id, milestone) -> {
          if (!heldAfter.containsKey(id)) {
            changes.add(new ConflictEnded(post, milestone, milestone, reason));
          }
        });
    if (heldAfter.keySet().stream().anyMatch(id -> !heldBefore.containsKey(id))) {
      Suggestion suggestion = suggestion(branch, updated.platform(), updated.scheduledAt());
      heldAfter.forEach(
          (id, milestone) -> {
            if (!heldBefore.containsKey(id)) {
              changes.add(new ConflictStarted(post, milestone, suggestion));
            }
          });
    }
    gapCandidates.forEach(
        (id, milestone) ->
            gapChange(milestone, branch, gapsBefore.get(id)).ifPresent(changes::add));
    return Outcome.applied(changes);
  }

  /** The AMPLIFY milestones a campaign post of the branch at {@code at} counts for. */
  private Map<String, Milestone> amplifiable(String branchId, Instant at) {
    return state.amplifyMilestonesStarting(branchId, at, at.plus(AMPLIFY_LEAD));
  }

  /** Live posts in scope of the milestone inside its avoid window, by id. */
  private Map<String, ScheduledPost> postsHeldBy(Milestone milestone) {
    Map<String, ScheduledPost> held = new TreeMap<>();
    for (ScheduledPost post : state.postsScheduled(milestone.avoidFrom(), milestone.avoidUntil())) {
      if (milestone.appliesTo(post.branchId())) {
        held.put(post.postId(), post);
      }
    }
    return held;
  }

  private List<String> branchesIn(String scope) {
    if (scope.equals(Milestone.EVERY_BRANCH)) {
      return state.branches();
    }
    return state.knowsBranch(scope) ? List.of(scope) : List.of();
  }

  private boolean gapOpen(Milestone milestone, String branchId) {
    return milestone.amplifies()
        && milestone.appliesTo(branchId)
        && state.knowsBranch(branchId)
        && amplifyingPost(milestone, branchId).isEmpty();
  }

  private Optional<ScheduledPost> amplifyingPost(Milestone milestone, String branchId) {
    return state.firstAmplifyingPost(
        branchId, milestone, milestone.startsAt().minus(AMPLIFY_LEAD), milestone.startsAt());
  }

  private Optional<CalendarChange> gapChange(
      Milestone milestone, String branchId, boolean openBefore) {
    boolean openAfter = gapOpen(milestone, branchId);
    if (openAfter == openBefore) {
      return Optional.empty();
    }
    if (openAfter) {
      return Optional.of(new GapOpened(milestone, branchId));
    }
    if (milestone.cancelled()) {
      return Optional.of(
          new GapClosed(milestone, branchId, GapCloseReason.MILESTONE_CANCELLED, null));
    }
    if (!milestone.amplifies()) {
      return Optional.of(
          new GapClosed(milestone, branchId, GapCloseReason.NO_LONGER_AMPLIFY, null));
    }
    return Optional.of(
        new GapClosed(
            milestone,
            branchId,
            GapCloseReason.AMPLIFIED,
            amplifyingPost(milestone, branchId).orElseThrow()));
  }
}
