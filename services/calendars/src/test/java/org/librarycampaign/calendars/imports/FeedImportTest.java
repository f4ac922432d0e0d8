package org.librarycampaign.calendars.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Stance;
import org.junit.jupiter.api.Test;
import org.librarycampaign.calendars.ics.FeedEvent;
import org.librarycampaign.calendars.ics.IcsException;

class FeedImportTest {

  static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-12-30T00:00:00Z");
  static final FeedSource CITY = new FeedSource("city", "riverside", Stance.AVOID);

  static FeedEvent event(String uid, String title, String start, boolean cancelled) {
    Instant startsAt = Instant.parse(start);
    return new FeedEvent(
        uid, null, title, startsAt, startsAt.plusSeconds(3600), cancelled, "event '" + title + "'");
  }

  /** Applies the changes the way the topic's readers do: the highest revision of an id wins. */
  static Map<String, MilestoneEvent> apply(
      Map<String, MilestoneEvent> known, List<MilestoneEvent> changes) {
    Map<String, MilestoneEvent> after = new HashMap<>(known);
    changes.forEach(change -> after.put(change.getMilestoneId(), change));
    return after;
  }

  static List<MilestoneEvent> changes(List<FeedEvent> events, Map<String, MilestoneEvent> known)
      throws IcsException {
    return FeedImport.changes(CITY, events, known, FROM, UNTIL);
  }

  @Test
  void aNewEventBecomesACommunityEventMilestoneAtRevisionOne() throws IcsException {
    FeedEvent fair = event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false);

    List<MilestoneEvent> written = changes(List.of(fair), Map.of());

    assertThat(written)
        .containsExactly(
            MilestoneEvent.newBuilder()
                .setMilestoneId(FeedImport.milestoneId(CITY, fair))
                .setRevision(1)
                .setKind(MilestoneKind.COMMUNITY_EVENT)
                .setStance(Stance.AVOID)
                .setCampaignId(null)
                .setBranchId("riverside")
                .setTitle("Book fair")
                .setStartsAt(Instant.parse("2026-11-07T15:00:00Z"))
                .setEndsAt(Instant.parse("2026-11-07T16:00:00Z"))
                .setBufferMinutes(null)
                .setCancelled(false)
                .build());
    assertThat(written.get(0).getMilestoneId()).matches("ics:city:riverside:[0-9a-f]{24}");
  }

  @Test
  void theSameFeedTwiceWritesNothingTheSecondTime() throws IcsException {
    List<FeedEvent> feed =
        List.of(
            event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false),
            event("parade@city", "Parade", "2026-11-11T15:00:00Z", false));
    Map<String, MilestoneEvent> known = apply(Map.of(), changes(feed, Map.of()));

    assertThat(changes(feed, known)).isEmpty();
  }

  @Test
  void aChangedEventGetsTheNextRevisionUnderTheSameId() throws IcsException {
    FeedEvent before = event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false);
    Map<String, MilestoneEvent> known = apply(Map.of(), changes(List.of(before), Map.of()));
    FeedEvent moved = event("fair@city", "Book fair", "2026-11-08T15:00:00Z", false);

    List<MilestoneEvent> written = changes(List.of(moved), known);

    assertThat(written).hasSize(1);
    assertThat(written.get(0).getMilestoneId()).isEqualTo(FeedImport.milestoneId(CITY, before));
    assertThat(written.get(0).getRevision()).isEqualTo(2);
    assertThat(written.get(0).getStartsAt()).isEqualTo(Instant.parse("2026-11-08T15:00:00Z"));
  }

  @Test
  void aCancelledEventCancelsItsMilestoneOnceAndANeverSeenOneIsSkipped() throws IcsException {
    Map<String, MilestoneEvent> known =
        apply(
            Map.of(),
            changes(
                List.of(event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false)), Map.of()));
    List<FeedEvent> feed =
        List.of(
            event("fair@city", "Book fair", "2026-11-07T15:00:00Z", true),
            event("never@city", "Never announced", "2026-11-09T15:00:00Z", true));

    List<MilestoneEvent> written = changes(feed, known);

    assertThat(written)
        .extracting(
            MilestoneEvent::getTitle, MilestoneEvent::getRevision, MilestoneEvent::getCancelled)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Book fair", 2, true));
    assertThat(changes(feed, apply(known, written))).isEmpty();
  }

  @Test
  void anEventThatDisappearsIsCancelledButPastOnesAndOtherFeedsAreLeftAlone() throws IcsException {
    FeedEvent past = event("past@city", "Last month", "2026-09-10T15:00:00Z", false);
    FeedEvent gone = event("gone@city", "Called off", "2026-11-20T15:00:00Z", false);
    FeedEvent stays = event("stays@city", "Still on", "2026-11-21T15:00:00Z", false);
    Map<String, MilestoneEvent> known = new HashMap<>();
    // the past event was imported when it was still ahead
    known.putAll(
        apply(
            Map.of(),
            FeedImport.changes(
                CITY, List.of(past), Map.of(), Instant.parse("2026-09-01T00:00:00Z"), UNTIL)));
    known.putAll(apply(Map.of(), changes(List.of(gone, stays), Map.of())));
    FeedSource school = new FeedSource("school", "riverside", Stance.AVOID);
    FeedEvent other = event("gone@city", "Other feed", "2026-11-20T15:00:00Z", false);
    known.putAll(
        apply(Map.of(), FeedImport.changes(school, List.of(other), Map.of(), FROM, UNTIL)));

    List<MilestoneEvent> written = changes(List.of(stays), known);

    assertThat(written)
        .extracting(
            MilestoneEvent::getMilestoneId,
            MilestoneEvent::getRevision,
            MilestoneEvent::getCancelled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FeedImport.milestoneId(CITY, gone), 2, true));
    assertThat(changes(List.of(stays), apply(known, written))).isEmpty();
  }

  @Test
  void instancesOfARecurringEventHaveIdsOfTheirOwn() throws IcsException {
    FeedEvent first =
        new FeedEvent(
            "club",
            Instant.parse("2026-10-05T18:00:00Z"),
            "Chess club",
            Instant.parse("2026-10-05T18:00:00Z"),
            Instant.parse("2026-10-05T19:00:00Z"),
            false,
            "event 'Chess club'");
    FeedEvent second =
        new FeedEvent(
            "club",
            Instant.parse("2026-10-12T18:00:00Z"),
            "Chess club",
            Instant.parse("2026-10-12T18:00:00Z"),
            Instant.parse("2026-10-12T19:00:00Z"),
            false,
            "event 'Chess club'");

    assertThat(changes(List.of(first, second), Map.of()))
        .extracting(MilestoneEvent::getMilestoneId)
        .doesNotHaveDuplicates()
        .hasSize(2);
  }

  @Test
  void theSameEventTwiceInOneFeedIsNamed() {
    FeedEvent fair = event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false);

    assertThatThrownBy(() -> changes(List.of(fair, fair), Map.of()))
        .isInstanceOf(IcsException.class)
        .hasMessage("event 'Book fair': the feed holds this event twice (same UID)");
  }

  @Test
  void theSameFeedForTwoBranchesKeepsTwoSetsOfIds() {
    FeedEvent fair = event("fair@city", "Book fair", "2026-11-07T15:00:00Z", false);

    assertThat(FeedImport.milestoneId(CITY, fair))
        .isNotEqualTo(FeedImport.milestoneId(new FeedSource("city", "*", Stance.AVOID), fair))
        .startsWith("ics:city:riverside:");
    assertThat(FeedImport.milestoneId(new FeedSource("city", "*", Stance.AVOID), fair))
        .startsWith("ics:city:all:");
  }
}
