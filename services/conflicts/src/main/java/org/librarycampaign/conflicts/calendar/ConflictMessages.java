package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictEnded;
import org.librarycampaign.conflicts.calendar.CalendarChange.ConflictStarted;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapClosed;
import org.librarycampaign.conflicts.calendar.CalendarChange.GapOpened;

/**
 * The sentences a comms officer reads, e.g. "Scheduled during the County Fair (Sat 5 Dec,
 * 10:00–18:00 UTC, 2 h buffer): moves it after the County Fair, Sat 8 pm". Times are shown in the
 * zone of whoever reads them: one instance per zone, chosen per record by the processor (the
 * channel's zone, else the branch's, else {@code campaign.conflicts.zone}; README: local time). In
 * English.
 */
public final class ConflictMessages {

  /** A suggestion within this many days of the post's date is named by weekday alone. */
  private static final long WEEKDAY_ONLY_DAYS = 6;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter WEEKDAY =
      DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final ZoneId zone;

  public ConflictMessages(ZoneId zone) {
    // "UTC" rather than "Z" when the zone is UTC under another name
    this.zone = zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
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
        + suggested(post.scheduledAt(), suggestion.suggestedAt());
  }

  public String cleared(ConflictEnded conflict) {
    String because =
        switch (conflict.reason()) {
          case POST_MOVED -> "the post moved to " + dayAndTime(conflict.post().scheduledAt());
          case POST_WITHDRAWN -> "the post was withdrawn";
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
   * "Sat 5 Dec, 10:00–18:00 UTC", or "Sat 5 Dec, 10:00 – Sun 6 Dec, 18:00 UTC"; the start carries
   * its own abbreviation when a daylight-saving change falls inside ("Sat 31 Oct, 23:00 CDT – Sun 1
   * Nov, 03:00 CST").
   */
  private String window(Milestone milestone) {
    ZonedDateTime start = milestone.startsAt().atZone(zone);
    ZonedDateTime end = milestone.endsAt().atZone(zone);
    String startZone = ZONE.format(start).equals(ZONE.format(end)) ? "" : " " + ZONE.format(start);
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return DAY.format(start)
          + ", "
          + CLOCK.format(start)
          + startZone
          + (startZone.isEmpty() ? "–" : " – ")
          + CLOCK.format(end)
          + " "
          + ZONE.format(end);
    }
    return DAY.format(start)
        + ", "
        + CLOCK.format(start)
        + startZone
        + " – "
        + DAY.format(end)
        + ", "
        + CLOCK.format(end)
        + " "
        + ZONE.format(end);
  }

  /** "Sat 5 Dec, 18:00 UTC". */
  private String dayAndTime(Instant at) {
    ZonedDateTime time = at.atZone(zone);
    return DAY.format(time) + ", " + CLOCK.format(time) + " " + ZONE.format(time);
  }

  /** "Sat 8 pm"; with the date when it is more than six days after the post's date. */
  private String suggested(Instant scheduledAt, Instant suggestedAt) {
    ZonedDateTime time = suggestedAt.atZone(zone);
    LocalDate from = scheduledAt.atZone(zone).toLocalDate();
    String day =
        ChronoUnit.DAYS.between(from, time.toLocalDate()) <= WEEKDAY_ONLY_DAYS
            ? WEEKDAY.format(time)
            : DAY.format(time) + ",";
    int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
    String minutes =
        time.getMinute() == 0 ? "" : String.format(Locale.ENGLISH, ":%02d", time.getMinute());
    return day + " " + hour + minutes + (time.getHour() < 12 ? " am" : " pm");
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
