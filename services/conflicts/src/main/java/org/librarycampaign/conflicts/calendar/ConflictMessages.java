package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * The sentences a comms officer reads, e.g. "Scheduled during the County Fair (Sat 5 Dec, 10:00 to
 * 18:00 CST, 2 h buffer): moves it after the County Fair, Sat 5 Dec, 20:00 CST". Times are shown in
 * the zone of whoever reads them: one instance per zone, chosen per record by the processor (the
 * channel's zone, else the branch's, else {@code campaign.conflicts.zone}; README: local time),
 * written the one way platform {@link LocalTimes} writes them. In English.
 */
public final class ConflictMessages {

  private final ZoneId zone;

  public ConflictMessages(ZoneId zone) {
    this.zone = zone;
  }

  public String detected(ConflictStarted conflict) {
    ScheduledPost post = conflict.post();
    Milestone milestone = conflict.milestone();
    Suggestion suggestion = conflict.suggestion();
    return "Scheduled "
        + placement(post.scheduledAt(), milestone)
        + " ("
        + window(milestone)
        + ", "
        + buffer(milestone.buffer())
        + "): moves it after "
        + titles(suggestion.movedPast())
        + ", "
        + dayAndTime(suggestion.suggestedAt());
  }

  public String cleared(ConflictEnded conflict) {
    String because =
        switch (conflict.reason()) {
          case POST_MOVED -> "the post moved to " + dayAndTime(conflict.post().scheduledAt());
          case POST_WITHDRAWN -> "the post was withdrawn";
          case POST_REJECTED -> "the post was rejected in review";
          case MILESTONE_CANCELLED -> "it was cancelled";
          case MILESTONE_MOVED ->
              conflict.milestoneNow().avoids()
                  ? "it now runs "
                      + window(conflict.milestoneNow())
                      + ", "
                      + buffer(conflict.milestoneNow().buffer())
                  : "it is no longer an event to avoid";
        };
    return "No longer clashes with " + the(conflict.milestone().title()) + ": " + because;
  }

  public String gapOpened(GapOpened gap) {
    Milestone milestone = gap.milestone();
    String campaign = milestone.campaignId() == null ? "" : milestone.campaignId() + " ";
    return "No "
        + campaign
        + "campaign post from "
        + gap.branchId()
        + " in the "
        + span(ConflictCalendar.AMPLIFY_LEAD)
        + " before "
        + the(milestone.title())
        + " ("
        + dayAndTime(milestone.startsAt())
        + "): schedule one after "
        + dayAndTime(milestone.startsAt().minus(ConflictCalendar.AMPLIFY_LEAD));
  }

  public String gapClosed(GapClosed gap) {
    String title = the(gap.milestone().title());
    return switch (gap.reason()) {
      case AMPLIFIED ->
          "Post "
              + gap.coveringPost().postId()
              + " ("
              + dayAndTime(gap.coveringPost().scheduledAt())
              + ") amplifies "
              + title;
      case MILESTONE_CANCELLED -> capitalized(title) + " was cancelled";
      case NO_LONGER_AMPLIFY -> capitalized(title) + " no longer asks for amplification";
    };
  }

  /** "during the County Fair", "1 h 30 min before the County Fair". */
  private String placement(Instant at, Milestone milestone) {
    if (at.isBefore(milestone.startsAt())) {
      return span(Duration.between(at, milestone.startsAt())) + " before " + the(milestone.title());
    }
    if (at.isBefore(milestone.endsAt())) {
      return "during " + the(milestone.title());
    }
    Duration after = Duration.between(milestone.endsAt(), at);
    return after.isZero()
        ? "as " + the(milestone.title()) + " ends"
        : span(after) + " after " + the(milestone.title());
  }

  /**
   * "Sat 5 Dec, 10:00 to 18:00 CST", "Sat 5 Dec, 22:00 to Sun 6 Dec, 02:00 CST"; the start carries
   * its own abbreviation when a daylight-saving change falls inside (platform {@link LocalTimes}).
   */
  private String window(Milestone milestone) {
    return LocalTimes.span(milestone.startsAt(), milestone.endsAt(), zone);
  }

  /** "Sat 5 Dec, 18:00 CST". */
  private String dayAndTime(Instant at) {
    return LocalTimes.dayAndTime(at, zone);
  }

  private static String buffer(Duration buffer) {
    return buffer.isZero() ? "no buffer" : span(buffer) + " buffer";
  }

  /** "2 h", "1 h 30 min", "45 min". */
  static String span(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes == 0) {
      return "under a minute";
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    if (hours == 0) {
      return rest + " min";
    }
    return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
  }

  /** "the County Fair, the Harvest Parade and the Town Hall", each milestone once. */
  private static String titles(List<Milestone> milestones) {
    Map<String, String> byId = new LinkedHashMap<>();
    milestones.forEach(m -> byId.putIfAbsent(m.milestoneId(), the(m.title())));
    List<String> names = new ArrayList<>(byId.values());
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  private static String the(String title) {
    return title.regionMatches(true, 0, "the ", 0, 4) ? title : "the " + title;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
