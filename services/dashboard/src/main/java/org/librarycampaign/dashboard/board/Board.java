package org.librarycampaign.dashboard.board;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.OfficialsFact;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * Everything the page shows, drawn from the facts at one moment: what {@code GET /api/board}
 * answers and what the live stream pushes. The same facts, time and zone always give the same
 * board.
 *
 * @param zone the dashboard's own zone ({@code campaign.dashboard.zone}): the calendar's days, and
 *     the times of rows that have no branch (the outbox, dead letters)
 * @param today the current date in that zone
 * @param zones the zone each row reads in, by channelId ({@code branchId/PLATFORM}) and by branchId
 *     ({@code *} included): its channel's policy, else its branch's settings, else those of {@code
 *     *}, else {@code zone} (README.md, "Local time"). The page shows a row's times in the zone of
 *     its channel, else of its branch.
 * @param abbreviations for each zone on the page, its abbreviation per UTC offset in minutes
 *     ({@code {"-360": "CST", "-300": "CDT"}}), so that the page writes the same abbreviations as
 *     the texts made here
 * @param officials every directory of officials, by branchId ({@code *}: every branch without its
 *     own)
 * @param signOff every live post waiting for a reviewer's sign-off, the longest waiting first
 */
public record Board(
    String zone,
    LocalDate today,
    SortedMap<String, String> zones,
    SortedMap<String, SortedMap<Integer, String>> abbreviations,
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
    zones = Collections.unmodifiableSortedMap(new TreeMap<>(zones));
    abbreviations = Collections.unmodifiableSortedMap(new TreeMap<>(abbreviations));
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

  /** The board with every branch's calendar. */
  public static Board build(
      Facts facts,
      Instant now,
      ZoneId zone,
      LocalDate week,
      String outboxDirectory,
      String postOutboxDirectory) {
    return build(facts, now, zone, week, null, outboxDirectory, postOutboxDirectory);
  }

  /**
   * @param now the current time: which week is "this week" for each channel
   * @param zone the dashboard's zone: the calendar's, when it shows every branch
   * @param week the Monday of the calendar's week, or null for the week that holds {@code now}
   * @param branch the one branch the calendar shows, in that branch's zone; null for every branch
   * @param outboxDirectory where the dispatcher keeps its outbox files
   * @param postOutboxDirectory where the publisher keeps the posts it did not send
   */
  public static Board build(
      Facts facts,
      Instant now,
      ZoneId zone,
      LocalDate week,
      String branch,
      String outboxDirectory,
      String postOutboxDirectory) {
    Ledger ledger = Ledger.of(facts);
    Crises crises = Crises.of(facts);
    Zones rowZones = Zones.of(facts, zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    ZoneId calendarZone = branch == null ? zone : rowZones.branch(branch);
    LocalDate weekStart =
        week != null ? Ledger.weekStart(week) : Ledger.weekStart(now, calendarZone);
    List<ChannelBalance> balance = ChannelBalance.of(facts, ledger, now);
    List<HeldPost> held = HeldPost.of(facts, ledger, crises, rowZones, now);
    Calendar calendar =
        Calendar.of(
            facts,
            weekStart,
            calendarZone,
            rowZones,
            now.atZone(calendarZone).toLocalDate(),
            branch);
    List<IncidentView> incidents = IncidentView.of(facts);
    OutboxView outbox = OutboxView.of(facts, outboxDirectory);
    DeadLetterView deadLetters = DeadLetterView.of(facts);
    PublicationsView publications = PublicationsView.of(facts, postOutboxDirectory);
    int conflicts = (int) facts.flags().stream().filter(f -> f.conflict() != null).count();
    int gaps = (int) facts.flags().stream().filter(f -> f.gap() != null).count();
    SortedMap<String, String> zones = zonesOfRows(facts, rowZones);
    SortedMap<String, SortedMap<Integer, String>> abbreviations = new TreeMap<>();
    for (String id : zones.values()) {
      abbreviations.computeIfAbsent(id, z -> Zones.abbreviations(ZoneId.of(z), now));
    }
    abbreviations.computeIfAbsent(
        LocalTimes.readable(zone).getId(), z -> Zones.abbreviations(zone, now));
    return new Board(
        zone.getId(),
        today,
        zones,
        abbreviations,
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
        SignOffWait.of(facts, rowZones, now),
        facts.officials());
  }

  /** The zone of every channel and branch the facts name, and of {@code *}. */
  private static SortedMap<String, String> zonesOfRows(Facts facts, Zones zones) {
    SortedMap<String, String> branches = new TreeMap<>();
    SortedMap<String, String> channels = new TreeMap<>();
    Consumer<String> branch =
        id -> {
          if (id != null) {
            branches.computeIfAbsent(id, b -> LocalTimes.readable(zones.branch(b)).getId());
          }
        };
    Consumer<String> channel =
        id -> {
          if (id != null) {
            channels.computeIfAbsent(id, c -> LocalTimes.readable(zones.channel(c)).getId());
          }
        };
    branch.accept("*");
    facts.branchSettings().forEach(s -> branch.accept(s.branchId()));
    facts.policies().forEach(p -> channel.accept(p.channelId()));
    facts.policies().forEach(p -> branch.accept(p.branchId()));
    facts.posts().forEach(p -> channel.accept(p.channel()));
    facts.posts().forEach(p -> branch.accept(p.branchId()));
    facts.decisions().forEach(d -> channel.accept(d.channelId()));
    facts.decisions().forEach(d -> branch.accept(d.branchId()));
    facts.milestones().forEach(m -> branch.accept(m.branchId()));
    facts.incidents().forEach(i -> branch.accept(i.branchId()));
    facts.publications().forEach(p -> channel.accept(p.channelId()));
    facts.publications().forEach(p -> branch.accept(p.branchId()));
    SortedMap<String, String> all = new TreeMap<>(branches);
    all.putAll(channels);
    return all;
  }
}
