package org.librarycampaign.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.report.mail.ReportMailer;
import org.librarycampaign.report.week.IsoWeek;
import org.librarycampaign.report.week.ReportText;
import org.librarycampaign.report.week.WeeklyReport;
import org.librarycampaign.report.week.WeeklyReport.ChannelWeek;

/**
 * The budget week of {@code examples/budget-week.jsonl} through the real governance, conflicts and
 * crisis topologies, then the report topology, on the harness's wall clock; eastside's zone and
 * report contact come from its BranchSettings; county-central has none, so it takes the service's
 * defaults (zone UTC, the contacts configured for every branch). The figures below are counted by
 * hand from the example's lines (eastside, America/Chicago):
 *
 * <ul>
 *   <li>2026-W48 (Mon 23 to Sun 29 Nov): no post scheduled; the Winter Festival conflict found and
 *       cleared (both Fri 27 Nov); the book challenge reported Fri 27 Nov 11:00 CST, acknowledged
 *       25 min later by Sam Okafor, resolved 2 h after it was reported.
 *   <li>2026-W49 (Mon 30 Nov to Sun 6 Dec): on eastside/FACEBOOK, 4 content posts approved (story,
 *       newbooks, maker, teens) and 1 campaign post (budget-1): room for 1, kept; 2 held (budget-2
 *       RATIO_LIMIT, budget-3 CRISIS_PAUSE) and still held at their time, so EXPIRED (HOLD_EXPIRED)
 *       by the time the report goes out; 1 withdrawn (festival); the budget hearing (Thu 3 Dec)
 *       amplified by budget-1.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportTopologyTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  /**
   * The week through the four topologies, built once for the tests that share it (building it takes
   * most of their time): they run in the order of the clock, and each only moves the clock forward
   * to its own times, so each also passes on its own.
   */
  private Week week;

  private record Sent(WeeklyReport report, List<String> to) {}

  /** The harness after the example week, and what its report mailer was handed. */
  private static final class Week implements AutoCloseable {
    final List<Sent> sent = new ArrayList<>();
    ReportMailer.Outcome answer = ReportMailer.Outcome.SENT;
    final TopologyHarness harness;

    Week() throws IOException {
      ReportSettings settings =
          new ReportSettings(
              ZoneId.of("UTC"),
              LocalTime.of(8, 0),
              Duration.ofMinutes(1),
              Duration.ofDays(70),
              Map.of("*", List.of("fallback@library.example")),
              Optional.empty(),
              Duration.ofSeconds(1),
              Path.of("unused"));
      ReportMailer recorder =
          (report, to) -> {
            sent.add(new Sent(report, to));
            return answer;
          };
      harness =
          TopologyHarness.startingAt(Instant.parse("2026-11-20T08:00:00Z"))
              .services(
                  List.of(new GovernanceService(), new ConflictsService(), new CrisisService()))
              .service(
                  "report",
                  (config, topics) -> ReportTopology.buildTopology(topics, settings, recorder))
              .build();
      // the branch's zone and report contacts, as an admin publishes them
      harness.send(
          "{\"type\":\"BranchSettings\",\"branchId\":\"eastside\",\"zone\":\"America/Chicago\","
              + "\"reportContacts\":[\"director@eastside.example\"]}");
      harness.sendAll(Files.readAllLines(Path.of("../../examples/budget-week.jsonl")));
      harness.output();
    }

    /**
     * Moves the harness clock to {@code at} in one step (one check of the report); nothing when the
     * clock is already there or past it (an earlier test of the same week went further).
     */
    void clockTo(String at) {
      Instant target = Instant.parse(at);
      if (target.isAfter(harness.clock())) {
        harness.advance(Duration.between(harness.clock(), target));
      }
    }

    List<Sent> sentFor(String branchId) {
      return sent.stream().filter(s -> s.report().branchId().equals(branchId)).toList();
    }

    @Override
    public void close() {
      harness.close();
    }
  }

  @BeforeAll
  void start() throws IOException {
    week = new Week();
  }

  @AfterAll
  void stop() {
    week.close();
  }

  private void clockTo(String at) {
    week.clockTo(at);
  }

  private List<Sent> sentFor(String branchId) {
    return week.sentFor(branchId);
  }

  @Test
  @Order(1)
  void eachBranchIsReportedAtEightInItsOwnZoneAndNotForWeeksBeforeItWasFirstSeen() {
    clockTo("2026-11-30T13:59:00Z"); // Mon 30 Nov 07:59 CST, 13:59 UTC

    assertThat(sentFor("eastside")).isEmpty();
    assertThat(sentFor("county-central")).hasSize(1);
    Sent central = sentFor("county-central").get(0);
    assertThat(central.to()).containsExactly("fallback@library.example");
    assertThat(central.report().zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(central.report().week()).isEqualTo(IsoWeek.parse("2026-W48"));
    assertThat(central.report().quiet()).isTrue();
  }

  @Test
  @Order(3)
  void eachWeekIsSentOnceOnMondayAtEightBranchTimeWithTheFiguresOfTheWeekBefore() {
    clockTo("2026-11-30T14:00:00Z"); // Mon 30 Nov 08:00 CST
    clockTo("2026-11-30T15:00:00Z");

    List<Sent> eastside = sentFor("eastside");
    assertThat(eastside).hasSize(1);
    WeeklyReport w48 = eastside.get(0).report();
    assertThat(eastside.get(0).to()).containsExactly("director@eastside.example");
    assertThat(w48.zone()).isEqualTo(CHICAGO);
    assertThat(w48.branchId()).isEqualTo("eastside");
    assertThat(w48.week()).isEqualTo(IsoWeek.parse("2026-W48"));
    assertThat(w48.posts()).isEmpty();
    assertThat(w48.channels()).isEmpty();
    assertThat(w48.conflictsFound()).isEqualTo(1);
    assertThat(w48.conflictsCleared()).isEqualTo(1);
    assertThat(w48.conflictsOpen()).isZero();
    assertThat(w48.amplifyMilestones()).isEmpty();
    assertThat(w48.incidents()).hasSize(1);
    var incident = w48.incidents().get(0);
    assertThat(incident.incident().incidentId()).isEqualTo("challenge-42");
    assertThat(incident.toAcknowledge()).isEqualTo(Duration.ofMinutes(25));
    assertThat(incident.toResolve()).isEqualTo(Duration.ofHours(2));
    assertThat(incident.incident().acknowledgedBy()).isEqualTo("Sam Okafor");

    clockTo("2026-12-07T13:59:00Z");
    assertThat(sentFor("eastside")).hasSize(1);
    clockTo("2026-12-07T14:00:00Z"); // Mon 7 Dec 08:00 CST
    clockTo("2026-12-08T14:00:00Z");

    assertThat(sentFor("eastside")).hasSize(2);
    assertThat(sentFor("county-central"))
        .extracting(s -> s.report().week().toString())
        .containsExactly("2026-W48", "2026-W49");
    WeeklyReport w49 = sentFor("eastside").get(1).report();
    assertThat(w49.week()).isEqualTo(IsoWeek.parse("2026-W49"));
    assertThat(w49.channels()).containsExactly(new ChannelWeek("eastside/FACEBOOK", 4, 1, 1, true));
    assertThat(w49.posts())
        .containsExactly(
            Map.entry("APPROVED", 5), Map.entry("EXPIRED", 2), Map.entry("WITHDRAWN", 1));
    assertThat(w49.released()).isZero();
    assertThat(w49.reasons())
        .containsExactly(Map.entry("HOLD_EXPIRED", 2), Map.entry("WITHDRAWN", 1));
    assertThat(w49.conflictsFound()).isZero();
    assertThat(w49.conflictsCleared()).isZero();
    assertThat(w49.conflictsOpen()).isZero();
    assertThat(w49.amplifyMilestones()).hasSize(1);
    assertThat(w49.amplifyMilestones().get(0).milestoneTitle()).isEqualTo("County budget hearing");
    assertThat(w49.amplifyMilestones().get(0).open()).isFalse();
    assertThat(w49.incidents()).isEmpty();
  }

  /** A week of its own: its mailer refuses the first reports that the shared week sends. */
  @Test
  @Order(4)
  void aReportThatCouldNotBeSentIsTriedAgainAtTheNextCheck() throws IOException {
    try (Week refused = new Week()) {
      refused.answer = ReportMailer.Outcome.TRY_AGAIN;
      refused.clockTo("2026-11-30T14:00:00Z");
      refused.answer = ReportMailer.Outcome.SENT;
      refused.clockTo("2026-11-30T14:01:00Z");
      refused.clockTo("2026-11-30T14:02:00Z");

      assertThat(refused.sentFor("eastside"))
          .extracting(s -> s.report().week().toString())
          .containsExactly("2026-W48", "2026-W48");
      assertThat(refused.sentFor("county-central"))
          .extracting(s -> s.report().week().toString())
          .containsExactly("2026-W48", "2026-W48");
    }
  }

  @Test
  @Order(2)
  void theReportReadsInTheBranchsLocalTime() {
    clockTo("2026-11-30T14:00:00Z");

    assertThat(ReportText.markdown(sentFor("eastside").get(0).report()))
        .isEqualTo(
            """
            # Weekly campaign report for eastside, 2026-W48 (Mon 23 Nov 2026 to Sun 29 Nov 2026)

            Times in America/Chicago (CT).

            ## Balance per channel

            No approved posts were scheduled this week.

            ## Posts

            - No posts were scheduled this week.

            ## Calendar

            - Conflicts with community events: 1 found, 1 cleared, 0 still open at the end of the week
            - No campaign milestone to amplify this week.

            ## Incidents

            - challenge-42 (HIGH): A group is demanding the removal of a picture book; a TV crew is on its way. Reported Fri 27 Nov, 11:00 CST; acknowledged after 25 min by Sam Okafor; resolved after 2 h.
            """);
  }
}
