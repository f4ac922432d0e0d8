package org.librarycampaign.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a person reads them: local, with the weekday, the date and the zone's abbreviation
 * ({@code Sat 5 Dec, 10:00 CST}; {@code Sat 5 Dec, 10:00 to 18:00 CST} for a span). English, 24
 * hours. Records keep UTC instants; only the words shown to people go through here (README: local
 * time).
 */
public final class LocalTimes {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_AND_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private static final ZoneId UTC = ZoneId.of("UTC");

  private LocalTimes() {}

  /** The zone as people should read it: "UTC" rather than "Z" for UTC under any of its names. */
  public static ZoneId readable(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? UTC : zone;
  }

  /** {@code Sat 5 Dec}: a local date (a day of a daily cap, say), already in its zone. */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** {@code Sat 5 Dec 2026}: a local date that may lie in another year than the reader's now. */
  public static String dayAndYear(LocalDate date) {
    return DAY_AND_YEAR.format(date);
  }

  /** {@code Sat 5 Dec, 10:00 CST}. */
  public static String dayAndTime(Instant at, ZoneId zone) {
    ZonedDateTime time = at.atZone(readable(zone));
    return DAY.format(time) + ", " + CLOCK.format(time) + " " + abbreviation(time);
  }

  /**
   * {@code Sat 6 Mar, 10:00 to 18:00 CST}; {@code Sat 6 Mar, 22:00 to Sun 7 Mar, 02:00 CST} across
   * midnight. Each end carries its own abbreviation when a daylight-saving change falls in between
   * ({@code Sun 8 Mar, 01:00 CST to 04:00 CDT}).
   */
  public static String span(Instant from, Instant to, ZoneId zone) {
    ZonedDateTime start = from.atZone(readable(zone));
    ZonedDateTime end = to.atZone(readable(zone));
    boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
    boolean sameAbbreviation = abbreviation(start).equals(abbreviation(end));
    return DAY.format(start)
        + ", "
        + CLOCK.format(start)
        + (sameAbbreviation ? "" : " " + abbreviation(start))
        + " to "
        + (sameDay ? "" : DAY.format(end) + ", ")
        + CLOCK.format(end)
        + " "
        + abbreviation(end);
  }

  /** The zone's short name at that time: CST in winter, CDT in summer. */
  public static String abbreviation(ZonedDateTime time) {
    return ZONE.format(time);
  }

  /**
   * A length of time as a person reads it: {@code 45 min}, {@code 2 h}, {@code 1 h 30 min}, from 48
   * hours on in days and hours ({@code 3 d 4 h}); negative lengths read as {@code 0 min}.
   */
  public static String duration(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
    }
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + (hours % 24) + " h");
  }
}
