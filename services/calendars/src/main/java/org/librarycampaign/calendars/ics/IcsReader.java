package org.librarycampaign.calendars.ics;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RecurrenceId;

/**
 * Reads an iCalendar (RFC 5545) feed into the occurrences of its VEVENTs inside a window: one-off
 * events as they are, recurring events (RRULE, RDATE, EXDATE) expanded, an instance that an
 * override (a VEVENT with the same UID and a RECURRENCE-ID) changes or cancels taken from the
 * override. Times with a TZID follow that zone's daylight-saving rules; floating times and all-day
 * dates are read in {@code floatingZone}.
 *
 * <p>An occurrence is in the window when it ends after {@code from} and starts before {@code
 * until}. An event without DTEND or DURATION lasts a day when it is all-day, else one minute (a
 * milestone must end after it starts).
 */
public final class IcsReader {

  private static final Duration INSTANT_EVENT = Duration.ofMinutes(1);
  private static final String CANCELLED = "CANCELLED";

  private IcsReader() {}

  /**
   * @throws IcsException naming the line of a feed that is not iCalendar, or the event that cannot
   *     be read
   */
  public static List<FeedEvent> read(Reader ics, Instant from, Instant until, ZoneId floatingZone)
      throws IcsException {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(ics);
    } catch (ParserException e) {
      throw new IcsException(
          "line " + e.getLineNo() + ": not valid iCalendar: " + rootMessage(e), e);
    } catch (IOException e) {
      throw new IcsException("the feed could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // ical4j reports some malformed values (a bad date, an unknown TZID) this way
      throw new IcsException("not valid iCalendar: " + rootMessage(e), e);
    }
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    Map<String, Set<Instant>> overridden = new HashMap<>();
    Set<VEvent> overrides = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int index = 0;
    for (VEvent event : events) {
      index++;
      String uid = uid(event, index);
      Optional<RecurrenceId<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
      if (recurrenceId.isPresent()) {
        overridden
            .computeIfAbsent(uid, u -> new HashSet<>())
            .add(instant(recurrenceId.get().getDate(), floatingZone, label(event, index)));
        overrides.add(event);
      }
    }
    List<FeedEvent> occurrences = new ArrayList<>();
    index = 0;
    for (VEvent event : events) {
      index++;
      String label = label(event, index);
      String uid = uid(event, index);
      boolean cancelled = cancelled(event);
      String title = title(event);
      Temporal start = start(event, label);
      Duration length = length(event, start, floatingZone, label);
      if (overrides.contains(event)) {
        RecurrenceId<Temporal> id =
            event.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID).get();
        Instant startsAt = instant(start, floatingZone, label);
        addIfInside(
            occurrences,
            new FeedEvent(
                uid,
                instant(id.getDate(), floatingZone, label),
                title,
                startsAt,
                startsAt.plus(length),
                cancelled,
                label),
            from,
            until);
        continue;
      }
      boolean recurring =
          event.getProperty(Property.RRULE).isPresent()
              || event.getProperty(Property.RDATE).isPresent();
      if (!recurring) {
        Instant startsAt = instant(start, floatingZone, label);
        addIfInside(
            occurrences,
            new FeedEvent(uid, null, title, startsAt, startsAt.plus(length), cancelled, label),
            from,
            until);
        continue;
      }
      Set<Instant> moved = overridden.getOrDefault(uid, Set.of());
      for (Instant instanceStart : instances(event, start, length, from, until, label)) {
        if (moved.contains(instanceStart)) {
          continue;
        }
        addIfInside(
            occurrences,
            new FeedEvent(
                uid,
                instanceStart,
                title,
                instanceStart,
                instanceStart.plus(length),
                cancelled,
                label),
            from,
            until);
      }
    }
    occurrences.sort(
        Comparator.comparing(FeedEvent::startsAt)
            .thenComparing(FeedEvent::uid)
            .thenComparing(
                FeedEvent::recurrenceId, Comparator.nullsFirst(Comparator.naturalOrder())));
    return occurrences;
  }

  /**
   * The starts of a recurring event's instances that may touch the window. The window handed to
   * ical4j is widened by the event's length (an instance that started before {@code from} may still
   * be running) and expressed in the start's own kind of time, so that zoned starts keep their
   * zone's daylight-saving rules.
   */
  private static List<Instant> instances(
      VEvent event, Temporal start, Duration length, Instant from, Instant until, String label)
      throws IcsException {
    Instant searchFrom = from.minus(length);
    Period<Temporal> window;
    if (start instanceof LocalDate) {
      window =
          new Period<>(
              LocalDate.ofInstant(searchFrom, ZoneOffset.UTC).minusDays(1),
              LocalDate.ofInstant(until, ZoneOffset.UTC).plusDays(1));
    } else if (start instanceof ZonedDateTime zoned) {
      window =
          new Period<>(
              ZonedDateTime.ofInstant(searchFrom, zoned.getZone()),
              ZonedDateTime.ofInstant(until, zoned.getZone()));
    } else if (start instanceof LocalDateTime) {
      window =
          new Period<>(
              LocalDateTime.ofInstant(searchFrom, ZoneOffset.UTC).minusDays(1),
              LocalDateTime.ofInstant(until, ZoneOffset.UTC).plusDays(1));
    } else if (start instanceof OffsetDateTime offset) {
      window =
          new Period<>(
              OffsetDateTime.ofInstant(searchFrom, offset.getOffset()),
              OffsetDateTime.ofInstant(until, offset.getOffset()));
    } else {
      window = new Period<>(searchFrom, until);
    }
    Set<Period<Temporal>> periods;
    try {
      periods = event.calculateRecurrenceSet(window);
    } catch (RuntimeException e) {
      throw new IcsException(label + ": its recurrence cannot be expanded: " + rootMessage(e), e);
    }
    List<Instant> starts = new ArrayList<>();
    for (Period<Temporal> period : periods) {
      starts.add(instantOf(period.getStart(), start, label));
    }
    return starts;
  }

  private static void addIfInside(
      List<FeedEvent> occurrences, FeedEvent event, Instant from, Instant until) {
    if (event.endsAt().isAfter(from) && event.startsAt().isBefore(until)) {
      occurrences.add(event);
    }
  }

  private static String uid(VEvent event, int index) throws IcsException {
    Optional<Property> uid = event.getProperty(Property.UID);
    if (uid.isEmpty() || uid.get().getValue().isBlank()) {
      throw new IcsException(label(event, index) + ": has no UID");
    }
    return uid.get().getValue().strip();
  }

  private static String title(VEvent event) {
    return event
        .<Property>getProperty(Property.SUMMARY)
        .map(Property::getValue)
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .orElse("(untitled event)");
  }

  private static boolean cancelled(VEvent event) {
    return event
        .<Property>getProperty(Property.STATUS)
        .map(status -> CANCELLED.equalsIgnoreCase(status.getValue().strip()))
        .orElse(false);
  }

  private static Temporal start(VEvent event, String label) throws IcsException {
    Optional<DtStart<Temporal>> start = event.getStartDate();
    if (start.isEmpty()) {
      throw new IcsException(label + ": has no DTSTART");
    }
    return start.get().getDate();
  }

  private static Duration length(VEvent event, Temporal start, ZoneId zone, String label)
      throws IcsException {
    Instant startsAt = instant(start, zone, label);
    Optional<DtEnd<Temporal>> end = event.getProperty(Property.DTEND);
    Optional<net.fortuna.ical4j.model.property.Duration> duration =
        event.getProperty(Property.DURATION);
    Instant endsAt;
    if (end.isPresent()) {
      endsAt = instant(end.get().getDate(), zone, label);
    } else if (duration.isPresent()) {
      TemporalAmount amount = duration.get().getDuration();
      try {
        endsAt =
            amount instanceof Duration exact
                ? startsAt.plus(exact)
                : instant(start.plus(amount), zone, label);
      } catch (RuntimeException e) {
        throw new IcsException(label + ": its DURATION cannot be read: " + rootMessage(e), e);
      }
    } else {
      return start instanceof LocalDate ? Duration.ofDays(1) : INSTANT_EVENT;
    }
    if (endsAt.isBefore(startsAt)) {
      throw new IcsException(label + ": ends (DTEND) before it starts (DTSTART)");
    }
    Duration length = Duration.between(startsAt, endsAt);
    return length.isZero() ? INSTANT_EVENT : length;
  }

  /** An instance's start: a date or a floating time is read in the master start's zone rules. */
  private static Instant instantOf(Temporal instance, Temporal masterStart, String label)
      throws IcsException {
    if (masterStart instanceof ZonedDateTime zoned && instance instanceof LocalDateTime local) {
      return local.atZone(zoned.getZone()).toInstant();
    }
    return instant(instance, ZoneOffset.UTC, label);
  }

  static Instant instant(Temporal time, ZoneId floatingZone, String label) throws IcsException {
    if (time instanceof Instant instant) {
      return instant;
    }
    if (time instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (time instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (time instanceof LocalDateTime local) {
      return local.atZone(floatingZone).toInstant();
    }
    if (time instanceof LocalDate date) {
      return date.atStartOfDay(floatingZone).toInstant();
    }
    throw new IcsException(label + ": a time of an unexpected kind: " + time);
  }

  private static String label(VEvent event, int index) {
    String summary =
        event.<Property>getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
    String uid = event.<Property>getProperty(Property.UID).map(Property::getValue).orElse(null);
    StringBuilder label = new StringBuilder("event ").append(index);
    if (summary != null) {
      label.append(" '").append(summary.strip()).append("'");
    }
    if (uid != null) {
      label.append(" (UID ").append(uid.strip()).append(")");
    }
    return label.toString();
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
