package org.librarycampaign.conflicts.calendar;

import java.util.Objects;

/** What one event changed: a conflict or an amplify gap that opened or closed. */
public sealed interface CalendarChange {

  /**
   * A post and an AVOID milestone started to conflict.
   *
   * @param post the post as it is now
   * @param milestone the milestone as it is now
   */
  record ConflictStarted(ScheduledPost post, Milestone milestone, Suggestion suggestion)
      implements CalendarChange {}

  /**
   * A post and a milestone stopped conflicting.
   *
   * @param post the post as it is now (a withdrawn post: where it was)
   * @param milestone the milestone as it was while they conflicted
   * @param milestoneNow the milestone as it is now (the same as {@code milestone} unless the
   *     milestone changed)
   */
  record ConflictEnded(
      ScheduledPost post, Milestone milestone, Milestone milestoneNow, ClearReason reason)
      implements CalendarChange {}

  /** No campaign post of the milestone's campaign is scheduled in the lead time before it. */
  record GapOpened(Milestone milestone, String branchId) implements CalendarChange {}

  /**
   * An amplify gap closed.
   *
   * @param milestone the milestone as it is now
   * @param coveringPost the post that now amplifies it, for {@link GapCloseReason#AMPLIFIED};
   *     {@code null} otherwise
   */
  record GapClosed(
      Milestone milestone, String branchId, GapCloseReason reason, ScheduledPost coveringPost)
      implements CalendarChange {
    public GapClosed {
      if ((reason == GapCloseReason.AMPLIFIED) != (coveringPost != null)) {
        throw new IllegalArgumentException("a covering post goes with AMPLIFIED, and only there");
      }
      Objects.requireNonNull(milestone, "milestone");
    }
  }

  /** Why a conflict ended. */
  enum ClearReason {
    POST_MOVED,
    POST_WITHDRAWN,
    MILESTONE_MOVED,
    MILESTONE_CANCELLED,
    /** A reviewer rejected the post (its REJECT takes it off the calendar). */
    POST_REJECTED
  }

  /** Why an amplify gap closed. */
  enum GapCloseReason {
    /** A campaign post is now scheduled in the lead time. */
    AMPLIFIED,
    MILESTONE_CANCELLED,
    /** A new revision no longer asks for amplification. */
    NO_LONGER_AMPLIFY
  }
}
