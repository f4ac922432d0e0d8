package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.librarycampaign.platform.events.MilestoneDefaults;

/**
 * A milestone as the calendar sees it, its stance already resolved.
 *
 * @param scope a branch id, or {@link #EVERY_BRANCH}
 * @param campaignId the campaign an AMPLIFY milestone is for; {@code null}: any campaign post
 *     amplifies it
 * @param buffer margin kept clear before and after an AVOID milestone
 */
public record Milestone(
    String milestoneId,
    int revision,
    String scope,
    Stance stance,
    String campaignId,
    String title,
    Instant startsAt,
    Instant endsAt,
    Duration buffer,
    boolean cancelled) {

  public static final String EVERY_BRANCH = "*";
  public static final Duration DEFAULT_BUFFER =
      Duration.ofMinutes(MilestoneDefaults.BUFFER_MINUTES);

  public Milestone {
    Objects.requireNonNull(milestoneId, "milestoneId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(stance, "stance");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(buffer, "buffer");
    if (buffer.isNegative()) {
      throw new IllegalArgumentException("buffer must not be negative: " + buffer);
    }
  }

  /** Start minus buffer: the first instant a post conflicts. */
  public Instant avoidFrom() {
    return startsAt.minus(buffer);
  }

  /** End plus buffer: the first instant after the window. */
  public Instant avoidUntil() {
    return endsAt.plus(buffer);
  }

  /** Live, AVOID, and a window that holds at least one instant. */
  public boolean avoids() {
    return !cancelled && stance == Stance.AVOID && avoidFrom().isBefore(avoidUntil());
  }

  public boolean amplifies() {
    return !cancelled && stance == Stance.AMPLIFY;
  }

  public boolean appliesTo(String branchId) {
    return scope.equals(EVERY_BRANCH) || scope.equals(branchId);
  }

  /** {@code avoidFrom <= t < avoidUntil} for a live AVOID milestone. */
  public boolean holds(Instant t) {
    return avoids() && !t.isBefore(avoidFrom()) && t.isBefore(avoidUntil());
  }

  /** Whether a campaign post of this campaign counts towards amplifying it. */
  boolean amplifiedBy(String postCampaignId) {
    return campaignId == null || campaignId.equals(postCampaignId);
  }

  /**
   * This revision, in the scope the milestone was first announced for
   * (services/conflicts/README.md#rules).
   */
  Milestone keepingScopeOf(Milestone first) {
    return new Milestone(
        milestoneId,
        revision,
        first.scope,
        stance,
        campaignId,
        title,
        startsAt,
        endsAt,
        buffer,
        cancelled);
  }
}
