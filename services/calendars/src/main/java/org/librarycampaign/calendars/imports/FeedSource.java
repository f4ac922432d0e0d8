package org.librarycampaign.calendars.imports;

import java.util.Objects;
import java.util.regex.Pattern;
import library.campaign.events.Stance;

/**
 * Where imported milestones go and whose they are: a feed's name (which keeps the memory of what it
 * produced: every milestone id it makes starts with {@link #idPrefix()}), the branch (or {@code *})
 * and the stance its events take.
 */
public record FeedSource(String feed, String branchId, Stance stance) {

  private static final Pattern FEED = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern BRANCH = Pattern.compile("\\*|[A-Za-z0-9._-]{1,60}");

  public FeedSource {
    Objects.requireNonNull(stance, "stance");
    if (feed == null || !FEED.matcher(feed).matches()) {
      throw new IllegalArgumentException(
          "feed name '" + feed + "' must be 1 to 40 of A-Z a-z 0-9 _ -");
    }
    if (branchId == null || !BRANCH.matcher(branchId).matches()) {
      throw new IllegalArgumentException(
          "branch '"
              + branchId
              + "' must be * (every branch) or 1 to 60 of A-Z a-z 0-9 . _ - (a feed's milestone"
              + " ids hold it)");
    }
  }

  /**
   * {@code ics:<feed>:<branch>:} ({@code all} for {@code *}): the feed and the branch together, so
   * one feed can be imported for two branches without one import cancelling the other's events.
   */
  public String idPrefix() {
    return "ics:" + feed + ":" + ("*".equals(branchId) ? "all" : branchId) + ":";
  }
}
