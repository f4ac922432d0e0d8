package org.librarycampaign.calendars.ics;

import java.time.Instant;
import java.util.Objects;

/**
 * One occurrence of a VEVENT as a feed describes it now: a one-off event, or one instance of a
 * recurring event (then {@code recurrenceId} is the instance's original start, as RFC 5545's
 * RECURRENCE-ID names it), or an instance moved by an override.
 *
 * @param uid the event's UID
 * @param recurrenceId the instance's original start; null for a one-off event
 * @param title its SUMMARY
 * @param startsAt when it starts
 * @param endsAt when it ends, after {@code startsAt}
 * @param cancelled whether the feed marks it STATUS:CANCELLED
 * @param label how an error message names the event: its SUMMARY and UID
 */
public record FeedEvent(
    String uid,
    Instant recurrenceId,
    String title,
    Instant startsAt,
    Instant endsAt,
    boolean cancelled,
    String label) {

  public FeedEvent {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
  }
}
