package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import library.campaign.events.DecisionStatus;
import library.campaign.events.ReasonCode;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * The rule of stale holds (services/governance/README.md, "Stale holds expire"): a post still HELD
 * when its scheduled time arrives expires at that instant; an expired revision is never released,
 * and a new revision is decided as any draft. Which entries the schedule keeps, and the reason's
 * words.
 */
final class HoldExpiry {

  private HoldExpiry() {}

  /**
   * Keeps the schedule in step with a post's record as it is saved: the entry of the record it
   * replaces goes when that one was held, the new record's comes when it is held.
   */
  static void track(HoldExpiries expiries, Optional<PostRecord> before, PostRecord after) {
    before.filter(HoldExpiry::isHeld).map(HoldExpiry::entry).ifPresent(expiries::remove);
    if (isHeld(after)) {
      expiries.add(entry(after));
    }
  }

  /** Whether {@code post} is still the one {@code due} was scheduled for, and still held. */
  static boolean applies(HoldExpiries.Due due, Optional<PostRecord> post) {
    return post.filter(HoldExpiry::isHeld).map(p -> entry(p).equals(due)).orElse(false);
  }

  /**
   * When the expiry is stamped: the post's time; for a post drafted after its time and held, when
   * it was drafted, so that the expiry never comes before the hold. Input times only, so that a
   * replay writes the same decision whenever the wall clock fires it.
   */
  static Instant instant(PostRecord post) {
    return post.scheduledAt().isBefore(post.draftedAt()) ? post.draftedAt() : post.scheduledAt();
  }

  /** The reason, with the post's time as the channel's people read it ("Tue 1 Dec, 09:00 CST"). */
  static Reason reason(PostRecord post, ZoneId zone) {
    return Reason.of(
        ReasonCode.HOLD_EXPIRED,
        "Still held when its time came ("
            + LocalTimes.dayAndTime(post.scheduledAt(), zone)
            + "): it expired and will not be published or released. To post it, draft a new"
            + " revision for a later time.");
  }

  private static boolean isHeld(PostRecord post) {
    return post.status() == DecisionStatus.HELD;
  }

  private static HoldExpiries.Due entry(PostRecord post) {
    return new HoldExpiries.Due(post.scheduledAt(), post.postId());
  }
}
