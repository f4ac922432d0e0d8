package org.librarycampaign.conflicts.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The first free time at or after a post's time: {@code suggestedAt}.
 *
 * @param movedPast the milestones whose window ends moved the time on, in the order they did
 */
public record Suggestion(Instant suggestedAt, List<Milestone> movedPast) {
  public Suggestion {
    movedPast = List.copyOf(movedPast);
  }
}
