package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DeadLetterFact;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.OfficialsFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;

class BoardTest {

  // The week of Monday 30 November 2026; "now" is Wednesday noon UTC.
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final String OUTBOX = "/data/outbox";

  private static Instant day(int dayOfWeek, int hour) {
    return MONDAY.plusDays(dayOfWeek).atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  private static final DecisionFact.Reason RATIO =
      new DecisionFact.Reason("RATIO_LIMIT", "Held: the week needs more content posts.", null, 3);
  private static final DecisionFact.Reason CRISIS =
      new DecisionFact.Reason("CRISIS_PAUSE", "Held: eastside has an active crisis.", null, null);

  @Test
  void balanceCountsApprovedPostsOfTheCurrentWeekAgainstRatioAndDailyCap() {
    FactsBuilder facts =
        new FactsBuilder()
            .policy("eastside/FACEBOOK", 2, "UTC")
            .approved("c1", "eastside/FACEBOOK", "CONTENT", day(0, 10))
            .approved("c2", "eastside/FACEBOOK", "CONTENT", day(1, 10))
            .approved("c3", "eastside/FACEBOOK", "CONTENT", day(2, 10))
            .approved("k1", "eastside/FACEBOOK", "CAMPAIGN", day(2, 17))
            .approved("old", "eastside/FACEBOOK", "CONTENT", day(-3, 10))
            .post("k2", 1, "eastside/FACEBOOK", "CAMPAIGN", day(3, 10))
            .decided("k2", 1, "eastside/FACEBOOK", "CAMPAIGN", day(3, 10), "HELD", NOW, RATIO)
            .post("r1", 1, "eastside/FACEBOOK", "CONTENT", day(2, 20))
            .decided("r1", 1, "eastside/FACEBOOK", "CONTENT", day(2, 20), "REJECTED", NOW)
            .post("x1", 1, "northgate/X", "CONTENT", day(4, 9));

    Board board = Board.build(facts.build(), NOW, UTC, null, OUTBOX);

    assertThat(board.balance()).hasSize(2);
    ChannelBalance eastside = board.balance().get(0);
    assertThat(eastside)
        .isEqualTo(
            new ChannelBalance(
                "eastside/FACEBOOK",
                "eastside",
                "FACEBOOK",
                "UTC",
                MONDAY,
                3,
                1,
                1,
                3,
                3,
                1,
                1,
                2,
                true,
                List.of(
                    new ChannelBalance.DayLoad(MONDAY, 1, 2, false),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(1), 1, 2, false),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(2), 2, 2, true),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(3), 0, 2, false),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(4), 0, 2, false),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(5), 0, 2, false),
                    new ChannelBalance.DayLoad(MONDAY.plusDays(6), 0, 2, false))));
    ChannelBalance northgate = board.balance().get(1);
    assertThat(northgate.channelId()).isEqualTo("northgate/X");
    assertThat(northgate.maxPostsPerDay()).isEqualTo(8);
    assertThat(northgate.zone()).isEqualTo("UTC");
    assertThat(northgate.content()).isZero();
  }

  @Test
  void aChannelsWeekIsTheWeekInItsOwnZone() {
    // Monday 03:00 UTC is still Sunday evening in Chicago: the Chicago week began on 23 November.
    Instant mondayEarly = Instant.parse("2026-11-30T03:00:00Z");
    FactsBuilder facts =
        new FactsBuilder()
            .policy("eastside/FACEBOOK", 3, "America/Chicago")
            .approved(
                "sunday", "eastside/FACEBOOK", "CONTENT", Instant.parse("2026-11-30T02:00:00Z"));

    Board board = Board.build(facts.build(), mondayEarly, UTC, null, OUTBOX);

    ChannelBalance balance = board.balance().get(0);
    assertThat(balance.weekStart()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(balance.content()).isEqualTo(1);
    assertThat(balance.days().get(6))
        .isEqualTo(new ChannelBalance.DayLoad(LocalDate.parse("2026-11-29"), 1, 3, false));
    assertThat(board.calendar().weekStart()).isEqualTo(MONDAY);
  }

  @Test
  void heldPostsSayWhyAndWhatWouldReleaseThemFromTheCountsNow() {
    FactsBuilder facts =
        new FactsBuilder()
            .policy("westside/FACEBOOK", 3, "UTC")
            .approved("c1", "westside/FACEBOOK", "CONTENT", day(0, 10))
            .approved("c2", "westside/FACEBOOK", "CONTENT", day(1, 10))
            .approved("c3", "westside/FACEBOOK", "CONTENT", day(2, 10))
            .approved("k1", "westside/FACEBOOK", "CAMPAIGN", day(1, 12))
            .post("k2", 1, "westside/FACEBOOK", "CAMPAIGN", day(3, 10))
            .decided(
                "k2",
                1,
                "westside/FACEBOOK",
                "CAMPAIGN",
                day(3, 10),
                "HELD",
                NOW.minusSeconds(60),
                RATIO)
            .post("e1", 2, "eastside/FACEBOOK", "CAMPAIGN", day(4, 12))
            .decided(
                "e1",
                2,
                "eastside/FACEBOOK",
                "CAMPAIGN",
                day(4, 12),
                "HELD",
                NOW.minusSeconds(120),
                CRISIS);
    facts.incidents.add(
        new IncidentFact(
            "i1",
            "eastside",
            "HIGH",
            "BOOK_CHALLENGE",
            "Petition against a picture book",
            "front desk",
            NOW.minusSeconds(600),
            null,
            null,
            null,
            null,
            null));

    Board board = Board.build(facts.build(), NOW, UTC, null, OUTBOX);

    assertThat(board.held())
        .containsExactly(
            new HeldPost(
                "e1",
                2,
                "eastside",
                "eastside/FACEBOOK",
                "CAMPAIGN",
                "budget-2027",
                day(4, 12),
                "Text of e1",
                List.of(
                    new HeldPost.Reason("CRISIS_PAUSE", "Held: eastside has an active crisis.")),
                "Resolving the incident at eastside releases it: i1 (HIGH, Petition against a"
                    + " picture book).",
                NOW.minusSeconds(120),
                "expires in 2 d, at Fri 4 Dec, 12:00 UTC"),
            new HeldPost(
                "k2",
                1,
                "westside",
                "westside/FACEBOOK",
                "CAMPAIGN",
                "budget-2027",
                day(3, 10),
                "Text of k2",
                List.of(
                    new HeldPost.Reason("RATIO_LIMIT", "Held: the week needs more content posts.")),
                "Approving 3 more content posts on westside/FACEBOOK in the week of Mon 30 Nov"
                    + " releases it (1 campaign post per 3 content posts; 3 content and 1"
                    + " campaign approved so far).",
                NOW.minusSeconds(60),
                "expires in 22 h, at Thu 3 Dec, 10:00 UTC"));
    assertThat(board.summary().held()).isEqualTo(2);
    assertThat(board.summary().openIncidents()).isEqualTo(1);
  }

  @Test
  void aCrisisHoldAfterTheResolutionSaysSo() {
    FactsBuilder facts =
        new FactsBuilder()
            .post("e1", 1, "eastside/FACEBOOK", "CAMPAIGN", day(4, 12))
            .decided("e1", 1, "eastside/FACEBOOK", "CAMPAIGN", day(4, 12), "HELD", NOW, CRISIS);
    facts.incidents.add(
        new IncidentFact(
            "i1",
            "eastside",
            "HIGH",
            "BOOK_CHALLENGE",
            "Petition",
            "front desk",
            NOW.minusSeconds(600),
            null,
            null,
            "director",
            NOW.minusSeconds(5),
            "Stays"));

    Board board = Board.build(facts.build(), NOW, UTC, null, OUTBOX);

    assertThat(board.held().get(0).release())
        .isEqualTo(
            "The crisis at eastside is resolved: it is released once the ratio and its day"
                + " allow.");
    assertThat(board.summary().openIncidents()).isZero();
  }

  @Test
  void theCalendarPlacesLivePostsMilestonesConflictsAndGapsOnTheirDays() {
    Instant festivalStart = day(5, 10);
    Instant festivalEnd = day(5, 18);
    FactsBuilder facts =
        new FactsBuilder()
            .post("festival-post", 1, "eastside/INSTAGRAM", "CONTENT", day(5, 12))
            .decided(
                "festival-post", 1, "eastside/INSTAGRAM", "CONTENT", day(5, 12), "APPROVED", NOW)
            .post("undecided", 1, "eastside/INSTAGRAM", "CONTENT", day(0, 9))
            .post("revised", 2, "eastside/INSTAGRAM", "CONTENT", day(0, 8))
            .decided("revised", 1, "eastside/INSTAGRAM", "CONTENT", day(0, 8), "APPROVED", NOW)
            .post("next-week", 1, "eastside/INSTAGRAM", "CONTENT", day(7, 9));
    facts.posts.add(
        new PostFact(
            "gone",
            1,
            "eastside",
            "X",
            "CONTENT",
            null,
            "x",
            List.of(),
            List.of(),
            List.of(),
            0,
            day(1, 9),
            null,
            NOW,
            true,
            "duplicate",
            NOW));
    facts.milestones.add(
        new MilestoneFact(
            "fest",
            1,
            "COMMUNITY_EVENT",
            "AVOID",
            null,
            "*",
            "Riverfront Festival",
            festivalStart,
            festivalEnd,
            120,
            false));
    facts.milestones.add(
        new MilestoneFact(
            "fair",
            3,
            "COMMUNITY_EVENT",
            "AVOID",
            null,
            "eastside",
            "County fair",
            day(3, 9),
            day(3, 17),
            120,
            true));
    facts.milestones.add(
        new MilestoneFact(
            "hearing",
            1,
            "CAMPAIGN_MILESTONE",
            "AMPLIFY",
            "budget-2027",
            "*",
            "Budget hearing",
            day(3, 18),
            day(4, 1),
            120,
            false));
    facts.flags.add(
        new CalendarFlag(
            new CalendarFlag.Conflict(
                "festival-post",
                "fest",
                "eastside",
                day(5, 12),
                "Riverfront Festival",
                day(5, 8),
                day(5, 20),
                day(5, 20),
                "Falls during the festival",
                NOW),
            null));
    facts.flags.add(
        new CalendarFlag(
            null,
            new CalendarFlag.Gap(
                "hearing",
                "northgate",
                "budget-2027",
                "Budget hearing",
                day(3, 18),
                "No budget-2027 post in the 72 hours before Budget hearing",
                NOW)));

    Calendar calendar = Board.build(facts.build(), NOW, UTC, null, OUTBOX).calendar();

    assertThat(calendar.weekStart()).isEqualTo(MONDAY);
    assertThat(calendar.weekEnd()).isEqualTo(MONDAY.plusDays(6));
    assertThat(calendar.days())
        .extracting(Calendar.Day::label)
        .containsExactly(
            "Mon 30 Nov",
            "Tue 1 Dec",
            "Wed 2 Dec",
            "Thu 3 Dec",
            "Fri 4 Dec",
            "Sat 5 Dec",
            "Sun 6 Dec");
    assertThat(calendar.days())
        .extracting(Calendar.Day::today)
        .containsExactly(false, false, true, false, false, false, false);
    Calendar.Day monday = calendar.days().get(0);
    assertThat(monday.posts())
        .extracting(Calendar.ScheduledPost::postId, Calendar.ScheduledPost::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("revised", "PENDING"),
            org.assertj.core.groups.Tuple.tuple("undecided", "PENDING"));
    assertThat(calendar.days().get(1).posts()).isEmpty();
    Calendar.Day thursday = calendar.days().get(3);
    assertThat(thursday.milestones())
        .containsExactly(
            new Calendar.Milestone(
                "hearing",
                "CAMPAIGN_MILESTONE",
                "AMPLIFY",
                "budget-2027",
                "*",
                "Budget hearing",
                day(3, 18),
                day(4, 1),
                "from 18:00 UTC",
                List.of("northgate")));
    assertThat(calendar.days().get(4).milestones())
        .extracting(Calendar.Milestone::time)
        .containsExactly("until 01:00 UTC");
    Calendar.Day saturday = calendar.days().get(5);
    assertThat(saturday.milestones())
        .extracting(Calendar.Milestone::time)
        .containsExactly("10:00–18:00 UTC");
    assertThat(saturday.posts())
        .containsExactly(
            new Calendar.ScheduledPost(
                "festival-post",
                1,
                "eastside",
                "INSTAGRAM",
                "eastside/INSTAGRAM",
                "CONTENT",
                null,
                day(5, 12),
                "12:00 UTC",
                "Text of festival-post",
                "APPROVED",
                false,
                List.of(),
                List.of(),
                List.of(
                    new Calendar.Conflict(
                        "fest",
                        "Riverfront Festival",
                        day(5, 8),
                        day(5, 20),
                        day(5, 20),
                        "Sat 5 Dec, 20:00 UTC",
                        "Falls during the festival"))));
    assertThat(calendar.gaps())
        .containsExactly(
            new Calendar.Gap(
                "hearing",
                "northgate",
                "budget-2027",
                "Budget hearing",
                day(3, 18),
                "Thu 3 Dec, 18:00 UTC",
                "No budget-2027 post in the 72 hours before Budget hearing"));
  }

  @Test
  void anotherWeekCanBeAskedFor() {
    FactsBuilder facts =
        new FactsBuilder().post("next-week", 1, "eastside/X", "CONTENT", day(8, 9));

    Calendar calendar =
        Board.build(facts.build(), NOW, UTC, MONDAY.plusDays(10), OUTBOX).calendar();

    assertThat(calendar.weekStart()).isEqualTo(MONDAY.plusDays(7));
    assertThat(calendar.days().get(1).posts())
        .extracting(Calendar.ScheduledPost::postId)
        .containsExactly("next-week");
    assertThat(calendar.days()).noneMatch(Calendar.Day::today);
  }

  @Test
  void unroutedAndExhaustedIncidentsComeFirstAsUnheard() {
    FactsBuilder facts = new FactsBuilder();
    facts.statuses.add(status("newest", "OPEN", NOW.minusSeconds(60)));
    facts.statuses.add(status("exhausted", "EXHAUSTED", NOW.minusSeconds(7_200)));
    facts.statuses.add(status("unrouted", "UNROUTED", NOW.minusSeconds(3_600)));
    facts.statuses.add(status("resolved", "RESOLVED", NOW.minusSeconds(30)));

    List<IncidentView> incidents = Board.build(facts.build(), NOW, UTC, null, OUTBOX).incidents();

    assertThat(incidents)
        .extracting(IncidentView::incidentId, IncidentView::unheard, IncidentView::open)
        .containsExactly(
            tuple("unrouted", true, true),
            tuple("exhausted", true, true),
            tuple("newest", false, true),
            tuple("resolved", false, false));
  }

  private static IncidentStatusFact status(String incidentId, String state, Instant reported) {
    return new IncidentStatusFact(
        incidentId, "eastside", state, "HIGH", "Smoke", 0, 0, List.of(), null, reported, NOW);
  }

  @Test
  void incidentsShowTierNotificationsAcknowledgementAndReceiptsOpenOnesFirst() {
    Instant reported = NOW.minusSeconds(900);
    FactsBuilder facts = new FactsBuilder();
    facts.incidents.add(
        new IncidentFact(
            "old",
            "westside",
            "MEDIUM",
            "EVENT_BACKLASH",
            "Drag story hour",
            "desk",
            reported.minusSeconds(86_400),
            "ana",
            reported.minusSeconds(86_000),
            "director",
            reported.minusSeconds(80_000),
            "Event goes ahead"));
    facts.incidents.add(
        new IncidentFact(
            "i1",
            "eastside",
            "HIGH",
            "BOOK_CHALLENGE",
            "Petition",
            "desk",
            reported,
            "Priya Shah",
            NOW.minusSeconds(60),
            null,
            null,
            null));
    facts.statuses.add(
        new IncidentStatusFact(
            "i1",
            "eastside",
            "ACKNOWLEDGED",
            "HIGH",
            "Petition",
            1,
            3,
            List.of(
                new IncidentStatusFact.Notified("i1/0/ana/EMAIL", 0, "ana", "Ana Ruiz", "EMAIL"),
                new IncidentStatusFact.Notified("i1/0/ana/SMS", 0, "ana", "Ana Ruiz", "SMS"),
                new IncidentStatusFact.Notified(
                    "i1/1/priya/EMAIL", 1, "priya", "Priya Shah", "EMAIL")),
            "Priya Shah",
            reported,
            NOW.minusSeconds(60)));
    facts.notifications.add(
        new NotificationFact(
            "i1/1/priya/EMAIL",
            "i1",
            "eastside",
            "ALERT",
            1,
            "HIGH",
            "priya",
            "Priya Shah",
            "Director",
            "EMAIL",
            "director@x.org",
            "[HIGH] eastside",
            reported.plusSeconds(60)));
    facts.notifications.add(
        new NotificationFact(
            "i1/0/ana/EMAIL",
            "i1",
            "eastside",
            "ALERT",
            0,
            "HIGH",
            "ana",
            "Ana Ruiz",
            "Comms",
            "EMAIL",
            "ana@x.org",
            "[HIGH] eastside",
            reported));
    ReceiptsFact.Receipt retrying =
        new ReceiptsFact.Receipt(
            "RETRYING",
            "EMAIL",
            1,
            reported.plusSeconds(5),
            "timeout",
            false,
            reported.plusSeconds(1));
    ReceiptsFact.Receipt delivered =
        new ReceiptsFact.Receipt(
            "DELIVERED", "EMAIL", 2, null, null, false, reported.plusSeconds(6));
    facts.receipts.add(new ReceiptsFact("i1/0/ana/EMAIL", List.of(retrying, delivered)));

    List<IncidentView> incidents = Board.build(facts.build(), NOW, UTC, null, OUTBOX).incidents();

    assertThat(incidents).extracting(IncidentView::incidentId).containsExactly("i1", "old");
    IncidentView open = incidents.get(0);
    assertThat(open.state()).isEqualTo("ACKNOWLEDGED");
    assertThat(open.open()).isTrue();
    assertThat(open.tier()).isEqualTo(1);
    assertThat(open.acknowledgedBy()).isEqualTo("Priya Shah");
    assertThat(open.notifications())
        .containsExactly(
            new IncidentView.Notified(
                "i1/0/ana/EMAIL",
                "ALERT",
                0,
                "ana",
                "Ana Ruiz",
                "Comms",
                "EMAIL",
                "ana@x.org",
                "[HIGH] eastside",
                reported,
                "DELIVERED",
                false,
                List.of(retrying, delivered)),
            new IncidentView.Notified(
                "i1/0/ana/SMS",
                "ALERT",
                0,
                "ana",
                "Ana Ruiz",
                null,
                "SMS",
                null,
                null,
                null,
                "PENDING",
                false,
                List.of()),
            new IncidentView.Notified(
                "i1/1/priya/EMAIL",
                "ALERT",
                1,
                "priya",
                "Priya Shah",
                "Director",
                "EMAIL",
                "director@x.org",
                "[HIGH] eastside",
                reported.plusSeconds(60),
                "PENDING",
                false,
                List.of()));
    IncidentView resolved = incidents.get(1);
    assertThat(resolved.state()).isEqualTo("RESOLVED");
    assertThat(resolved.open()).isFalse();
    assertThat(resolved.resolution()).isEqualTo("Event goes ahead");
  }

  @Test
  void theOutboxListsUnsentMessagesLatestFirst() {
    Instant at = NOW.minusSeconds(300);
    FactsBuilder facts = new FactsBuilder();
    facts.notifications.add(
        new NotificationFact(
            "i1/0/ana/SMS",
            "i1",
            "eastside",
            "ALERT",
            0,
            "HIGH",
            "ana",
            "Ana Ruiz",
            "Comms",
            "SMS",
            "+15550100",
            "[HIGH] eastside",
            at));
    facts.receipts.add(
        new ReceiptsFact(
            "i1/0/ana/SMS",
            List.of(
                new ReceiptsFact.Receipt(
                    "DELIVERED", "SMS", 1, null, "no SMS gateway", true, at.plusSeconds(1)))));
    facts.receipts.add(
        new ReceiptsFact(
            "i1/0/bob/WEBHOOK",
            List.of(
                new ReceiptsFact.Receipt(
                    "DELIVERED", "WEBHOOK", 1, null, "no secret", true, at.plusSeconds(2)))));
    facts.receipts.add(
        new ReceiptsFact(
            "i1/0/cy/EMAIL",
            List.of(
                new ReceiptsFact.Receipt(
                    "DELIVERED", "EMAIL", 1, null, null, false, at.plusSeconds(3)))));

    OutboxView outbox = Board.build(facts.build(), NOW, UTC, null, OUTBOX).outbox();

    assertThat(outbox)
        .isEqualTo(
            new OutboxView(
                OUTBOX,
                2,
                List.of(
                    new OutboxView.Entry(
                        "i1/0/bob/WEBHOOK",
                        null,
                        null,
                        null,
                        null,
                        "WEBHOOK",
                        null,
                        null,
                        at.plusSeconds(2),
                        "no secret"),
                    new OutboxView.Entry(
                        "i1/0/ana/SMS",
                        "i1",
                        "ALERT",
                        "Ana Ruiz",
                        "Comms",
                        "SMS",
                        "+15550100",
                        "[HIGH] eastside",
                        at.plusSeconds(1),
                        "no SMS gateway"))));
  }

  @Test
  void deadLettersAreCountedWithTheLatestReasonsFirst() {
    FactsBuilder facts = new FactsBuilder();
    for (int i = 0; i < 12; i++) {
      facts.deadLetters.add(
          new DeadLetterFact(
              "campaign.posts",
              0,
              i,
              "campaign-governance",
              "DESERIALIZATION",
              "E",
              "bad " + i,
              NOW.minusSeconds(100 - i)));
    }

    DeadLetterView view = Board.build(facts.build(), NOW, UTC, null, OUTBOX).deadLetters();

    assertThat(view.count()).isEqualTo(12);
    assertThat(view.latest())
        .extracting(DeadLetterFact::errorMessage)
        .containsExactly(
            "bad 11", "bad 10", "bad 9", "bad 8", "bad 7", "bad 6", "bad 5", "bad 4", "bad 3",
            "bad 2");
  }

  @Test
  void theSameFactsAlwaysDrawTheSameBoard() {
    FactsBuilder facts =
        new FactsBuilder()
            .approved("c1", "eastside/FACEBOOK", "CONTENT", day(0, 10))
            .approved("c2", "westside/X", "CAMPAIGN", day(2, 10));

    String first = FactJson.write(Board.build(facts.build(), NOW, UTC, null, OUTBOX));
    String second = FactJson.write(Board.build(facts.build(), NOW, UTC, null, OUTBOX));

    assertThat(first).isEqualTo(second).contains("\"weekStart\":\"2026-11-30\"");
  }

  @Test
  void anEmptyBoard() {
    Board board = Board.build(new FactsBuilder().build(), NOW, UTC, null, OUTBOX);

    assertThat(board.summary()).isEqualTo(new Board.Summary(0, 0, 0, 0, 0, 0));
    assertThat(board.balance()).isEmpty();
    assertThat(board.calendar().days()).hasSize(7).allMatch(d -> d.posts().isEmpty());
    assertThat(board.outbox().directory()).isEqualTo(OUTBOX);
  }

  @Test
  void theBoardListsEveryDirectoryOfOfficialsInBranchOrderAsJson() {
    FactsBuilder facts = new FactsBuilder();
    facts.officials.add(new OfficialsFact("*", List.of()));
    facts.officials.add(
        new OfficialsFact(
            "eastside",
            List.of(
                new OfficialsFact.Entry(
                    "Dana Reyes",
                    "County Executive",
                    new java.util.TreeMap<>(
                        java.util.Map.of("X", "@CountyExec", "FACEBOOK", "@countyexec"))))));

    Board board = Board.build(facts.build(), NOW, UTC, null, OUTBOX);

    assertThat(board.officials())
        .extracting(OfficialsFact::branchId)
        .containsExactly("*", "eastside");
    assertThat(board.officials().get(0).everyBranch()).isTrue();
    assertThat(FactJson.write(board))
        .endsWith(
            ",\"officials\":[{\"branchId\":\"*\",\"officials\":[]},"
                + "{\"branchId\":\"eastside\",\"officials\":[{\"name\":\"Dana Reyes\","
                + "\"office\":\"County Executive\",\"handles\":{\"FACEBOOK\":\"@countyexec\","
                + "\"X\":\"@CountyExec\"}}]}]}");
    assertThat(Board.build(new FactsBuilder().build(), NOW, UTC, null, OUTBOX).officials())
        .isEmpty();
  }
}
