package org.librarycampaign.dashboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;

class BranchCalendarTest {

  /** The feed parsed back with the iCalendar library: each event's properties by UID. */
  static Map<String, Map<String, String>> parse(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    calendar.validate();
    Map<String, Map<String, String>> events = new LinkedHashMap<>();
    for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
      Map<String, String> properties = new LinkedHashMap<>();
      for (Property property : event.getProperties()) {
        properties.put(property.getName(), property.getValue());
      }
      events.put(properties.get(Property.UID), properties);
    }
    return events;
  }

  @Test
  void aBranchFeedHoldsItsPostsMilestonesConflictsAndGapsAndNothingOfOtherBranches()
      throws Exception {
    Map<String, Map<String, String>> events =
        parse(BranchCalendar.ics(FeedFacts.twoBranches(), "riverside"));

    assertThat(events.keySet())
        .containsExactly(
            "post-p-approved@library-campaign",
            "post-p-held@library-campaign",
            "milestone-vote-day@library-campaign",
            "milestone-festival@library-campaign",
            "milestone-fair@library-campaign",
            "conflict-p-held-festival@library-campaign",
            "gap-vote-day-riverside@library-campaign");
    assertThat(events.get("post-p-approved@library-campaign"))
        .containsEntry("DTSTART", "20261207T150000Z")
        .containsEntry("DTEND", "20261207T151500Z")
        .containsEntry("STATUS", "CONFIRMED")
        .containsEntry(
            "SUMMARY",
            "Post (APPROVED) mastodon: Vote for the library budget on 2026-12-07T15:00:00Z")
        .containsEntry("CATEGORIES", "POST,APPROVED,CAMPAIGN");
    assertThat(events.get("post-p-held@library-campaign"))
        .containsEntry("STATUS", "TENTATIVE")
        .containsEntry("CATEGORIES", "POST,HELD,CAMPAIGN");
    assertThat(events.get("post-p-held@library-campaign").get("DESCRIPTION"))
        .contains("DAILY_CAP: The day is full.");
    assertThat(events.get("milestone-vote-day@library-campaign"))
        .containsEntry("SUMMARY", "Budget vote")
        .containsEntry("SEQUENCE", "3")
        .containsEntry("DTSTART", "20261210T140000Z")
        .containsEntry("DTEND", "20261210T220000Z")
        .containsEntry("STATUS", "CONFIRMED");
    assertThat(events.get("milestone-fair@library-campaign")).containsEntry("STATUS", "CANCELLED");
    assertThat(events.get("conflict-p-held-festival@library-campaign"))
        .containsEntry("SUMMARY", "Conflict: post p-held during Riverfront Festival")
        .containsEntry("DTSTART", "20261208T170000Z");
    assertThat(events.get("gap-vote-day-riverside@library-campaign"))
        .containsEntry("SUMMARY", "Amplify gap: no campaign post before Budget vote")
        .containsEntry("DTSTART", "20261207T140000Z")
        .containsEntry("DTEND", "20261210T140000Z");
  }

  @Test
  void theSameFactsGiveTheSameFeedAndAChangeRaisesTheSequence() throws Exception {
    Facts before = FeedFacts.twoBranches();
    PostFact held = before.posts().get(1);
    Facts released =
        before.toBuilder()
            .decisions(
                List.of(
                    before.decisions().get(0),
                    FeedFacts.decision(held, "APPROVED", Instant.parse("2026-12-02T10:00:00Z")),
                    before.decisions().get(2)))
            .build();

    String first = BranchCalendar.ics(before, "riverside");
    assertThat(BranchCalendar.ics(FeedFacts.twoBranches(), "riverside")).isEqualTo(first);
    Map<String, String> heldBefore = parse(first).get("post-p-held@library-campaign");
    Map<String, String> heldAfter =
        parse(BranchCalendar.ics(released, "riverside")).get("post-p-held@library-campaign");

    assertThat(heldAfter).containsEntry("STATUS", "CONFIRMED");
    assertThat(Integer.parseInt(heldAfter.get("SEQUENCE")))
        .isGreaterThan(Integer.parseInt(heldBefore.get("SEQUENCE")));
  }

  @Test
  void anotherBranchSeesItsOwnAndEveryBranchsMilestones() throws Exception {
    Map<String, Map<String, String>> events =
        parse(BranchCalendar.ics(FeedFacts.twoBranches(), "hilltop"));

    assertThat(events.keySet())
        .containsExactly(
            "post-p-hilltop@library-campaign",
            "milestone-vote-day@library-campaign",
            "milestone-hill-run@library-campaign");
  }
}
