package org.librarycampaign.report.week;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week ({@code 2026-W49}): Monday to Sunday, in a branch's own time zone. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

  private static final Pattern FORM = Pattern.compile("(\\d{4})-W(\\d{2})");

  public IsoWeek {
    LocalDate probe = LocalDate.of(year, 6, 1);
    long weeks = probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException(year + " has ISO weeks 1 to " + weeks + ", not " + week);
    }
  }

  /** Reads {@code 2026-W49}; says what is wrong otherwise. */
  public static IsoWeek parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a week is written like 2026-W49 (ISO year, W, two-digit week), not '" + text + "'");
    }
    return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The week a local date falls in. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The week an instant falls in, in a zone. */
  public static IsoWeek of(Instant at, ZoneId zone) {
    return of(at.atZone(zone).toLocalDate());
  }

  public LocalDate monday() {
    try {
      return LocalDate.of(year, 1, 4)
          .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("no such week: " + this, e);
    }
  }

  public LocalDate sunday() {
    return monday().plusDays(6);
  }

  /** Monday 00:00 in the zone. */
  public Instant start(ZoneId zone) {
    return monday().atStartOfDay(zone).toInstant();
  }

  /** The next Monday 00:00 in the zone (exclusive end). */
  public Instant end(ZoneId zone) {
    return monday().plusDays(7).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant at, ZoneId zone) {
    return at != null && !at.isBefore(start(zone)) && at.isBefore(end(zone));
  }

  public IsoWeek previous() {
    return of(monday().minusDays(7));
  }

  @Override
  public int compareTo(IsoWeek other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(week, other.week);
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
