package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Stance;
import org.junit.jupiter.api.Test;
import org.librarycampaign.calendars.ics.FeedEvent;
import org.librarycampaign.calendars.ics.IcsReader;
import org.librarycampaign.calendars.imports.FeedImport;
import org.librarycampaign.calendars.imports.FeedSource;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.feed.BranchCalendar;

/**
 * A branch's feed as the dashboard serves it, imported as another branch's milestones the way
 * {@code campaign import-ics} and the poller import it: every live event arrives with its title and
 * times; a change and a cancellation in the first branch's calendar follow on the next import.
 */
class CalendarRoundTripTest {

  static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
  static final Instant UNTIL = FROM.plus(Duration.ofDays(90));
  static final FeedSource HILLTOP = new FeedSource("riverside-calendar", "hilltop", Stance.AVOID);

  static PostFact post(String id, String at) {
    return new PostFact(
        id,
        1,
        "riverside",
        "mastodon",
        "CAMPAIGN",
        "budget-2027",
        "Vote yes on " + id,
        List.of(),
        List.of(),
        List.of(),
        0,
        Instant.parse(at),
        "jlee",
        Instant.parse("2026-11-30T08:00:00Z"),
        false,
        null,
        null);
  }

  static DecisionFact approved(PostFact post) {
    return new DecisionFact(
        post.postId(),
        1,
        "riverside",
        post.channel(),
        post.category(),
        post.campaignId(),
        post.scheduledAt(),
        "APPROVED",
        false,
        List.of(),
        List.of(),
        null,
        Instant.parse("2026-12-01T09:00:00Z"));
  }

  static MilestoneFact milestone(
      String id, int revision, String title, String start, boolean cancelled) {
    return new MilestoneFact(
        id,
        revision,
        "COMMUNITY_EVENT",
        "AVOID",
        null,
        "riverside",
        title,
        Instant.parse(start),
        Instant.parse(start).plus(Duration.ofHours(6)),
        120,
        cancelled);
  }

  static Facts facts(List<MilestoneFact> milestones) {
    PostFact post = post("p1", "2026-12-07T15:00:00Z");
    return Facts.builder()
        .posts(List.of(post))
        .decisions(List.of(approved(post)))
        .milestones(milestones)
        .flags(
            List.of(
                new CalendarFlag(
                    null,
                    new CalendarFlag.Gap(
                        "fest",
                        "riverside",
                        "budget-2027",
                        "Riverfront Festival",
                        Instant.parse("2026-12-12T16:00:00Z"),
                        "No campaign post before it.",
                        Instant.parse("2026-12-01T09:00:00Z")))))
        .build();
  }

  static List<MilestoneEvent> importFeed(Facts facts, Map<String, MilestoneEvent> known)
      throws Exception {
    String ics = BranchCalendar.ics(facts, "riverside");
    List<FeedEvent> events = IcsReader.read(new StringReader(ics), FROM, UNTIL, ZoneOffset.UTC);
    return FeedImport.changes(HILLTOP, events, known, FROM, UNTIL);
  }

  record Seen(String title, Instant startsAt, Instant endsAt, boolean cancelled) {}

  static Seen seen(MilestoneEvent milestone) {
    return new Seen(
        milestone.getTitle(),
        milestone.getStartsAt(),
        milestone.getEndsAt(),
        milestone.getCancelled());
  }

  @Test
  void aBranchFeedImportedForAnotherBranchGivesTheSameEventsAndFollowsChanges() throws Exception {
    Facts first =
        facts(
            List.of(
                milestone("fest", 1, "Riverfront Festival", "2026-12-12T16:00:00Z", false),
                milestone("fair", 1, "Book fair", "2026-12-19T16:00:00Z", false)));

    List<MilestoneEvent> imported = importFeed(first, Map.of());

    assertThat(imported)
        .allSatisfy(
            m -> {
              assertThat(m.getBranchId()).isEqualTo("hilltop");
              assertThat(m.getKind()).isEqualTo(MilestoneKind.COMMUNITY_EVENT);
              assertThat(m.getStance()).isEqualTo(Stance.AVOID);
              assertThat(m.getRevision()).isEqualTo(1);
            });
    assertThat(imported.stream().map(CalendarRoundTripTest::seen))
        .containsExactlyInAnyOrder(
            new Seen(
                "Post (APPROVED) mastodon: Vote yes on p1",
                Instant.parse("2026-12-07T15:00:00Z"),
                Instant.parse("2026-12-07T15:15:00Z"),
                false),
            new Seen(
                "Riverfront Festival",
                Instant.parse("2026-12-12T16:00:00Z"),
                Instant.parse("2026-12-12T22:00:00Z"),
                false),
            new Seen(
                "Book fair",
                Instant.parse("2026-12-19T16:00:00Z"),
                Instant.parse("2026-12-19T22:00:00Z"),
                false),
            new Seen(
                "Amplify gap: no campaign post before Riverfront Festival",
                Instant.parse("2026-12-09T16:00:00Z"),
                Instant.parse("2026-12-12T16:00:00Z"),
                false));

    Map<String, MilestoneEvent> known = new HashMap<>();
    imported.forEach(m -> known.put(m.getMilestoneId(), m));
    assertThat(importFeed(first, known)).as("the same feed again").isEmpty();

    // riverside moves the festival and cancels the fair; the gap closes (leaves the feed)
    Facts second =
        first.toBuilder()
            .milestones(
                List.of(
                    milestone("fest", 2, "Riverfront Festival", "2026-12-13T16:00:00Z", false),
                    milestone("fair", 2, "Book fair", "2026-12-19T16:00:00Z", true)))
            .flags(List.of())
            .build();

    List<MilestoneEvent> changes = importFeed(second, known);

    assertThat(changes)
        .extracting(
            MilestoneEvent::getTitle, MilestoneEvent::getRevision, MilestoneEvent::getCancelled)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Riverfront Festival", 2, false),
            org.assertj.core.groups.Tuple.tuple("Book fair", 2, true),
            org.assertj.core.groups.Tuple.tuple(
                "Amplify gap: no campaign post before Riverfront Festival", 2, true));
    assertThat(changes)
        .filteredOn(m -> m.getTitle().equals("Riverfront Festival"))
        .singleElement()
        .satisfies(
            m -> assertThat(m.getStartsAt()).isEqualTo(Instant.parse("2026-12-13T16:00:00Z")));
  }
}
