package org.librarycampaign.calendars.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IcsReaderTest {

  static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");

  static String calendar(String... lines) {
    StringBuilder ics =
        new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//calendars//EN\r\n");
    for (String line : lines) {
      ics.append(line).append("\r\n");
    }
    return ics.append("END:VCALENDAR\r\n").toString();
  }

  static List<FeedEvent> read(String ics) throws IcsException {
    return IcsReader.read(new StringReader(ics), FROM, UNTIL, ZoneOffset.UTC);
  }

  @Test
  void readsAOneOffEventInUtc() throws IcsException {
    List<FeedEvent> events =
        read(
            calendar(
                "BEGIN:VEVENT",
                "UID:fair-1@city.example",
                "DTSTAMP:20261001T000000Z",
                "DTSTART:20261107T150000Z",
                "DTEND:20261107T230000Z",
                "SUMMARY:Book fair",
                "END:VEVENT"));

    assertThat(events)
        .containsExactly(
            new FeedEvent(
                "fair-1@city.example",
                null,
                "Book fair",
                Instant.parse("2026-11-07T15:00:00Z"),
                Instant.parse("2026-11-07T23:00:00Z"),
                false,
                "event 1 'Book fair' (UID fair-1@city.example)"));
  }

  @Test
  void leavesOutEventsOutsideTheWindow() throws IcsException {
    List<FeedEvent> events =
        read(
            calendar(
                "BEGIN:VEVENT",
                "UID:old",
                "DTSTAMP:20261001T000000Z",
                "DTSTART:20260901T150000Z",
                "DTEND:20260901T160000Z",
                "SUMMARY:Past",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:far",
                "DTSTAMP:20261001T000000Z",
                "DTSTART:20270301T150000Z",
                "DTEND:20270301T160000Z",
                "SUMMARY:Beyond the horizon",
                "END:VEVENT"));

    assertThat(events).isEmpty();
  }

  @Nested
  class Recurrence {

    @Test
    void aWeeklyEventKeepsItsLocalHourAcrossTheEndOfDaylightSavingTime() throws IcsException {
      // Chicago leaves daylight-saving time on Sunday 1 November 2026: 10:00 CDT is 15:00 UTC,
      // 10:00 CST is 16:00 UTC
      List<FeedEvent> events =
          read(
              calendar(
                  "BEGIN:VEVENT",
                  "UID:market@city.example",
                  "DTSTAMP:20261001T000000Z",
                  "DTSTART;TZID=America/Chicago:20261018T100000",
                  "DTEND;TZID=America/Chicago:20261018T120000",
                  "RRULE:FREQ=WEEKLY;COUNT=4",
                  "SUMMARY:Farmers market",
                  "END:VEVENT"));

      assertThat(events)
          .extracting(FeedEvent::startsAt)
          .containsExactly(
              Instant.parse("2026-10-18T15:00:00Z"),
              Instant.parse("2026-10-25T15:00:00Z"),
              Instant.parse("2026-11-01T16:00:00Z"),
              Instant.parse("2026-11-08T16:00:00Z"));
      assertThat(events)
          .allSatisfy(
              event -> {
                assertThat(event.endsAt()).isEqualTo(event.startsAt().plusSeconds(2 * 3600));
                assertThat(event.recurrenceId()).isEqualTo(event.startsAt());
                assertThat(event.uid()).isEqualTo("market@city.example");
              });
    }

    @Test
    void anOverrideMovesOrCancelsOneInstanceAndExdateRemovesOne() throws IcsException {
      List<FeedEvent> events =
          read(
              calendar(
                  "BEGIN:VEVENT",
                  "UID:club",
                  "DTSTAMP:20261001T000000Z",
                  "DTSTART:20261005T180000Z",
                  "DTEND:20261005T190000Z",
                  "RRULE:FREQ=WEEKLY;COUNT=4",
                  "EXDATE:20261019T180000Z",
                  "SUMMARY:Chess club",
                  "END:VEVENT",
                  "BEGIN:VEVENT",
                  "UID:club",
                  "DTSTAMP:20261001T000000Z",
                  "RECURRENCE-ID:20261012T180000Z",
                  "DTSTART:20261013T200000Z",
                  "DTEND:20261013T210000Z",
                  "SUMMARY:Chess club (moved)",
                  "END:VEVENT",
                  "BEGIN:VEVENT",
                  "UID:club",
                  "DTSTAMP:20261001T000000Z",
                  "RECURRENCE-ID:20261026T180000Z",
                  "DTSTART:20261026T180000Z",
                  "DTEND:20261026T190000Z",
                  "STATUS:CANCELLED",
                  "SUMMARY:Chess club",
                  "END:VEVENT"));

      assertThat(events)
          .extracting(
              FeedEvent::recurrenceId, FeedEvent::startsAt, FeedEvent::title, FeedEvent::cancelled)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  Instant.parse("2026-10-05T18:00:00Z"),
                  Instant.parse("2026-10-05T18:00:00Z"),
                  "Chess club",
                  false),
              org.assertj.core.groups.Tuple.tuple(
                  Instant.parse("2026-10-12T18:00:00Z"),
                  Instant.parse("2026-10-13T20:00:00Z"),
                  "Chess club (moved)",
                  false),
              org.assertj.core.groups.Tuple.tuple(
                  Instant.parse("2026-10-26T18:00:00Z"),
                  Instant.parse("2026-10-26T18:00:00Z"),
                  "Chess club",
                  true));
    }

    @Test
    void anOpenEndedRuleStopsAtTheHorizon() throws IcsException {
      List<FeedEvent> events =
          read(
              calendar(
                  "BEGIN:VEVENT",
                  "UID:daily",
                  "DTSTAMP:20261001T000000Z",
                  "DTSTART:20260101T090000Z",
                  "DTEND:20260101T093000Z",
                  "RRULE:FREQ=DAILY",
                  "SUMMARY:Story time",
                  "END:VEVENT"));

      assertThat(events).hasSize(91); // 1 October to 30 December
      assertThat(events.get(0).startsAt()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
      assertThat(events.get(90).startsAt()).isEqualTo(Instant.parse("2026-12-30T09:00:00Z"));
    }
  }

  @Test
  void readsAllDayEventsAndFloatingTimesInTheGivenZone() throws IcsException {
    List<FeedEvent> events =
        IcsReader.read(
            new StringReader(
                calendar(
                    "BEGIN:VEVENT",
                    "UID:holiday",
                    "DTSTAMP:20261001T000000Z",
                    "DTSTART;VALUE=DATE:20261126",
                    "SUMMARY:Thanksgiving",
                    "END:VEVENT",
                    "BEGIN:VEVENT",
                    "UID:floating",
                    "DTSTAMP:20261001T000000Z",
                    "DTSTART:20261103T180000",
                    "DTEND:20261103T200000",
                    "SUMMARY:Election night",
                    "END:VEVENT")),
            FROM,
            UNTIL,
            ZoneId.of("America/Chicago"));

    assertThat(events)
        .extracting(FeedEvent::title, FeedEvent::startsAt, FeedEvent::endsAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Election night",
                Instant.parse("2026-11-04T00:00:00Z"),
                Instant.parse("2026-11-04T02:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "Thanksgiving",
                Instant.parse("2026-11-26T06:00:00Z"),
                Instant.parse("2026-11-27T06:00:00Z")));
  }

  @Nested
  class BadInput {

    @Test
    void namesTheLineThatIsNotICalendar() {
      String ics =
          calendar(
              "BEGIN:VEVENT",
              "UID:bad-date",
              "DTSTART:7 November",
              "SUMMARY:Bad date",
              "END:VEVENT");

      assertThatThrownBy(() -> read(ics))
          .isInstanceOf(IcsException.class)
          .hasMessageStartingWith("line 6:");
    }

    @Test
    void namesTheEventWithoutAUid() {
      String ics =
          calendar(
              "BEGIN:VEVENT",
              "DTSTAMP:20261001T000000Z",
              "DTSTART:20261107T150000Z",
              "SUMMARY:Nameless",
              "END:VEVENT");

      assertThatThrownBy(() -> read(ics))
          .isInstanceOf(IcsException.class)
          .hasMessage("event 1 'Nameless': has no UID");
    }

    @Test
    void namesTheEventThatEndsBeforeItStarts() {
      String ics =
          calendar(
              "BEGIN:VEVENT",
              "UID:backwards",
              "DTSTAMP:20261001T000000Z",
              "DTSTART:20261107T150000Z",
              "DTEND:20261107T140000Z",
              "SUMMARY:Backwards",
              "END:VEVENT");

      assertThatThrownBy(() -> read(ics))
          .isInstanceOf(IcsException.class)
          .hasMessage(
              "event 1 'Backwards' (UID backwards): ends (DTEND) before it starts (DTSTART)");
    }
  }
}
