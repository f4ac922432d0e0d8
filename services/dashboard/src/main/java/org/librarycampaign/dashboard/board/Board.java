package org.librarycampaign.dashboard.board;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.OfficialsFact;

/**
 * Everything the page shows, drawn from the facts at one moment: what {@code GET /api/board}
 * answers and what the live stream pushes. The same facts, time and zone always give the same
 * board.
 *
 * @param zone the zone of the calendar's days and times
 * @param today the current date in that zone
 * @param officials every directory of officials, by branchId ({@code *}: every branch without its
 *     own)
 * @param signOff every live post waiting for a reviewer's sign-off, the longest waiting first
 */
public record Board(
    String zone,
    LocalDate today,
    Summary summary,
    List<ChannelBalance> balance,
    List<HeldPost> held,
    Calendar calendar,
    List<IncidentView> incidents,
    OutboxView outbox,
    DeadLetterView deadLetters,
    PublicationsView publications,
    List<SignOffWait> signOff,
    List<OfficialsFact> officials) {

  /** The publisher's outbox folder's name, under the data directory. */
  public static final String POST_OUTBOX = "outbox-posts";

  /** The headline numbers. */
  public record Summary(
      int held, int openIncidents, int conflicts, int amplifyGaps, int outbox, int deadLetters) {}

  public Board {
    balance = List.copyOf(balance);
    held = List.copyOf(held);
    signOff = List.copyOf(signOff);
    incidents = List.copyOf(incidents);
    officials = List.copyOf(officials);
  }

  /**
   * The board with the publisher's outbox beside the dispatcher's ({@code outbox-posts} in the same
   * data directory).
   */
  public static Board build(
      Facts facts, Instant now, ZoneId zone, LocalDate week, String outboxDirectory) {
    return build(
        facts,
        now,
        zone,
        week,
        outboxDirectory,
        Path.of(outboxDirectory).resolveSibling(POST_OUTBOX).toString());
  }

  /**
   * @param now the current time: which week is "this week" for each channel
   * @param zone the calendar's zone
   * @param week the Monday of the calendar's week, or null for the week that holds {@code now}
   * @param outboxDirectory where the dispatcher keeps its outbox files
   * @param postOutboxDirectory where the publisher keeps the posts it did not send
   */
  public static Board build(
      Facts facts,
      Instant now,
      ZoneId zone,
      LocalDate week,
      String outboxDirectory,
      String postOutboxDirectory) {
    Ledger ledger = Ledger.of(facts);
    Crises crises = Crises.of(facts);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate weekStart = week != null ? Ledger.weekStart(week) : Ledger.weekStart(now, zone);
    List<ChannelBalance> balance = ChannelBalance.of(facts, ledger, now);
    List<HeldPost> held = HeldPost.of(facts, ledger, crises, now);
    Calendar calendar = Calendar.of(facts, weekStart, zone, today);
    List<IncidentView> incidents = IncidentView.of(facts);
    OutboxView outbox = OutboxView.of(facts, outboxDirectory);
    DeadLetterView deadLetters = DeadLetterView.of(facts);
    PublicationsView publications = PublicationsView.of(facts, postOutboxDirectory);
    int conflicts = (int) facts.flags().stream().filter(f -> f.conflict() != null).count();
    int gaps = (int) facts.flags().stream().filter(f -> f.gap() != null).count();
    return new Board(
        zone.getId(),
        today,
        new Summary(
            held.size(),
            (int) incidents.stream().filter(IncidentView::open).count(),
            conflicts,
            gaps,
            outbox.count(),
            deadLetters.count()),
        balance,
        held,
        calendar,
        incidents,
        outbox,
        deadLetters,
        publications,
        SignOffWait.of(facts, ledger, now),
        facts.officials());
  }
}
