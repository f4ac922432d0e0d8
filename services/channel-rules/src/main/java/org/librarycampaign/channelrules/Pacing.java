package org.librarycampaign.channelrules;

import java.time.Duration;

/**
 * How a channel's posts are spread out, beyond the daily cap and the ratio: the least time between
 * two approved posts, and a weekly ceiling on approved campaign posts
 * (services/governance/README.md#spacing-and-the-weekly-ceiling). Both are off unless the channel's
 * policy sets them.
 *
 * @param minMinutesBetweenPosts the least minutes between two approved posts; 0 is no spacing
 * @param maxCampaignPostsPerWeek the most approved campaign posts in a week; 0 is no ceiling
 */
public record Pacing(int minMinutesBetweenPosts, int maxCampaignPostsPerWeek) {

  /** The most minutes a policy may ask between posts: a day. */
  public static final int MAX_MINUTES_BETWEEN_POSTS = 1440;

  /** The highest weekly ceiling a policy may set. */
  public static final int MAX_CAMPAIGN_POSTS_PER_WEEK = 100;

  /** No spacing and no ceiling: what a channel without these settings has. */
  public static final Pacing NONE = new Pacing(0, 0);

  public Pacing {
    if (minMinutesBetweenPosts < 0 || minMinutesBetweenPosts > MAX_MINUTES_BETWEEN_POSTS) {
      throw new IllegalArgumentException(
          "minMinutesBetweenPosts must be 0 to " + MAX_MINUTES_BETWEEN_POSTS);
    }
    if (maxCampaignPostsPerWeek < 0 || maxCampaignPostsPerWeek > MAX_CAMPAIGN_POSTS_PER_WEEK) {
      throw new IllegalArgumentException(
          "maxCampaignPostsPerWeek must be 0 to " + MAX_CAMPAIGN_POSTS_PER_WEEK);
    }
  }

  /**
   * A policy's values; a value that is absent (null) or out of range turns its setting off, so that
   * one bad policy does not stop the channel (the ingest API refuses such values first).
   */
  public static Pacing of(Integer minMinutesBetweenPosts, Integer maxCampaignPostsPerWeek) {
    return new Pacing(
        inRange(minMinutesBetweenPosts, 0, MAX_MINUTES_BETWEEN_POSTS),
        inRange(maxCampaignPostsPerWeek, 1, MAX_CAMPAIGN_POSTS_PER_WEEK));
  }

  private static int inRange(Integer value, int least, int most) {
    return value != null && value >= least && value <= most ? value : 0;
  }

  /** Whether posts must be spaced out. */
  public boolean spaced() {
    return minMinutesBetweenPosts > 0;
  }

  /** The least time between two approved posts; zero when there is no spacing. */
  public Duration minGap() {
    return Duration.ofMinutes(minMinutesBetweenPosts);
  }

  /** Whether the week has a ceiling on campaign posts. */
  public boolean hasCeiling() {
    return maxCampaignPostsPerWeek > 0;
  }

  /** Whether one more campaign post fits under the weekly ceiling (always, without one). */
  public boolean ceilingAllowsCampaign(int approvedCampaign) {
    return !hasCeiling() || approvedCampaign < maxCampaignPostsPerWeek;
  }
}
