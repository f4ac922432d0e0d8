package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.board.IncidentView.Step;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact.Receipt;

/** The timeline on an incident's card: every step in time order, times to acknowledge/resolve. */
class IncidentTimelineTest {

  private static final Instant REPORTED = Instant.parse("2026-12-01T15:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private static NotificationFact notification(
      String id, String kind, int tier, String who, String name, String channel, Instant at) {
    return new NotificationFact(
        id, "i1", "westside", kind, tier, "HIGH", who, name, null, channel, null, null, at);
  }

  private static IncidentView only(FactsBuilder facts) {
    List<IncidentView> incidents =
        Board.build(facts.build(), NOW, ZoneId.of("America/Chicago"), null, "/outbox").incidents();
    assertThat(incidents).hasSize(1);
    return incidents.get(0);
  }

  @Test
  void everyStepInTimeOrderFromReportToResolution() {
    FactsBuilder facts = new FactsBuilder();
    Instant acked = REPORTED.plusSeconds(50 * 60);
    Instant resolved = REPORTED.plusSeconds(90 * 60 + 30);
    facts.incidents.add(
        new IncidentFact(
            "i1",
            "westside",
            "HIGH",
            "COMPLAINT",
            "Petition",
            "Dana",
            REPORTED,
            "Jo Park",
            acked,
            "Alex Kim",
            resolved,
            "Book stays",
            "SMS"));
    // added out of order: the timeline sorts by time, not by arrival
    facts.notifications.add(
        notification("i1/1/jo/SMS/repeat-1", "ALERT", 1, "jo", "Jo Park", "SMS", at(45)));
    facts.notifications.add(
        notification("i1/0/dana/EMAIL", "ALERT", 0, "dana", "Dana Reyes", "EMAIL", REPORTED));
    facts.notifications.add(
        notification("i1/1/jo/SMS", "ALERT", 1, "jo", "Jo Park", "SMS", at(15)));
    facts.notifications.add(
        notification("i1/1/jo/EMAIL", "ALERT", 1, "jo", "Jo Park", "EMAIL", at(15)));
    facts.notifications.add(
        notification("i1/fallback/0/EMAIL", "ALERT", 1, "fb", "Front desk", "EMAIL", at(30)));
    facts.notifications.add(
        notification(
            "i1/resolved/dana/EMAIL", "RESOLUTION", 0, "dana", "Dana Reyes", "EMAIL", resolved));
    Receipt retrying =
        new Receipt("RETRYING", "EMAIL", 1, REPORTED.plusSeconds(30), "timeout", false, REPORTED);
    Receipt delivered =
        new Receipt("DELIVERED", "EMAIL", 2, null, null, false, REPORTED.plusSeconds(31));
    facts.receipts.add(new ReceiptsFact("i1/0/dana/EMAIL", List.of(retrying, delivered)));

    IncidentView view = only(facts);

    assertThat(view.timeline())
        .containsExactly(
            Step.of(REPORTED, "reported", "Dana"),
            new Step(
                REPORTED,
                "notified",
                "i1/0/dana/EMAIL",
                0,
                "Dana Reyes",
                null,
                "EMAIL",
                null,
                null,
                null,
                List.of(retrying, delivered)),
            new Step(at(15), "escalated", null, 1, null, null, null, null, null, null, null),
            notified(at(15), "notified", "i1/1/jo/EMAIL", 1, "Jo Park", "EMAIL"),
            notified(at(15), "notified", "i1/1/jo/SMS", 1, "Jo Park", "SMS"),
            notified(at(30), "fallback", "i1/fallback/0/EMAIL", 1, "Front desk", "EMAIL"),
            notified(at(45), "repeated", "i1/1/jo/SMS/repeat-1", 1, "Jo Park", "SMS"),
            new Step(
                acked, "acknowledged", null, null, null, null, null, "Jo Park", "SMS", null, null),
            new Step(
                resolved,
                "resolved",
                null,
                null,
                null,
                null,
                null,
                "Alex Kim",
                null,
                "Book stays",
                null),
            notified(
                resolved, "resolution-notice", "i1/resolved/dana/EMAIL", 0, "Dana Reyes", "EMAIL"));
    assertThat(view.timeToAcknowledge()).isEqualTo("PT50M");
    assertThat(view.timeToResolve()).isEqualTo("PT1H30M30S");
  }

  @Test
  void beforeTheAcknowledgementNoTimesAreGivenAndUnreadNotificationsComeLast() {
    FactsBuilder facts = new FactsBuilder();
    facts.statuses.add(
        new IncidentStatusFact(
            "i1",
            "westside",
            "OPEN",
            "HIGH",
            "Petition",
            0,
            1,
            List.of(new IncidentStatusFact.Notified("i1/0/dana/SMS", 0, "dana", "Dana", "SMS")),
            null,
            REPORTED,
            REPORTED));

    IncidentView view = only(facts);

    assertThat(view.timeline())
        .containsExactly(
            Step.of(REPORTED, "reported", null),
            notified(null, "notified", "i1/0/dana/SMS", 0, "Dana", "SMS"));
    assertThat(view.timeToAcknowledge()).isNull();
    assertThat(view.timeToResolve()).isNull();
  }

  @Test
  void anAcknowledgementOnlyCrisisHasSeenTakesTheStatusTimeAndCountsAsApi() {
    FactsBuilder facts = new FactsBuilder();
    facts.statuses.add(
        new IncidentStatusFact(
            "i1",
            "westside",
            "ACKNOWLEDGED",
            "HIGH",
            "Petition",
            0,
            0,
            List.of(),
            "Jo Park",
            REPORTED,
            at(7)));

    IncidentView view = only(facts);

    assertThat(view.timeline())
        .containsExactly(
            Step.of(REPORTED, "reported", null),
            new Step(
                at(7), "acknowledged", null, null, null, null, null, "Jo Park", "API", null, null));
    assertThat(view.timeToAcknowledge()).isEqualTo("PT7M");
  }

  private static Instant at(int minutesAfterReport) {
    return REPORTED.plusSeconds(minutesAfterReport * 60L);
  }

  private static Step notified(
      Instant at, String what, String id, int tier, String to, String channel) {
    return new Step(at, what, id, tier, to, null, channel, null, null, null, List.of());
  }
}
