package org.librarycampaign.platform.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The local hours a suggested slot may land in: from {@code from} (included) to {@code to}
 * (excluded), every day, in the zone it is read in. The default is 08:00 to 21:00: a post is not
 * suggested for 2 am (README: local time).
 */
public record PostingHours(LocalTime from, LocalTime to) {

  public static final PostingHours DEFAULT =
      new PostingHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

  /** How many local days {@link #nextInside} looks at before giving up on a window. */
  private static final int DAYS_TRIED = 4;

  public PostingHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "a posting window ends after it starts: " + from + " to " + to);
    }
  }

  /**
   * The window of a record's {@code postingWindow} ({@code from}, {@code to} as HH:mm); null when
   * either is absent or not a valid window, so the next setting in line applies.
   */
  public static PostingHours parse(String from, String to) {
    if (from == null || to == null) {
      return null;
    }
    try {
      LocalTime start = LocalTime.parse(from);
      LocalTime end = LocalTime.parse(to);
      return end.isAfter(start) ? new PostingHours(start, end) : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The first instant at or after {@code at} inside the window, in {@code zone}. A local start that
   * does not exist (the hour skipped when clocks go forward) is read as the same time after the
   * change; on a day where the window itself is skipped, the next day's window is taken.
   */
  public Instant nextInside(Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    for (int i = 0; i < DAYS_TRIED; i++, day = day.plusDays(1)) {
      Instant start = ZonedDateTime.of(day, from, zone).toInstant();
      Instant end = ZonedDateTime.of(day, to, zone).toInstant();
      if (start.isBefore(end) && at.isBefore(end)) {
        return at.isAfter(start) ? at : start;
      }
    }
    return at;
  }

  @Override
  public String toString() {
    return from + " to " + to;
  }
}
