package org.librarycampaign.report.week;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.librarycampaign.report.week.ReportLines.ConflictLine;
import org.librarycampaign.report.week.ReportLines.DecisionLine;
import org.librarycampaign.report.week.ReportLines.GapLine;
import org.librarycampaign.report.week.ReportLines.IncidentLine;

/**
 * One branch's week in figures, in the branch's zone (Monday 00:00 to the next Monday 00:00):
 *
 * <ul>
 *   <li>per channel, the approved content and campaign posts scheduled in the week, the campaign
 *       posts the balance allowed (governance's own count of the channel's week, from the latest
 *       decision; {@code content / 3} when no decision carried one) and whether the balance was
 *       kept;
 *   <li>the posts scheduled in the week by the status of their latest decision (a released post is
 *       APPROVED and also counted as released), and the reason codes of those not approved;
 *   <li>conflicts found in the week (detected then), cleared in the week, and still open at its
 *       end;
 *   <li>the amplify milestones starting in the week, each with whether a campaign post went out
 *       before it (its gap closed) or not;
 *   <li>incidents reported in the week with the time to acknowledge and to resolve.
 * </ul>
 */
public record WeeklyReport(
    String branchId,
    IsoWeek week,
    ZoneId zone,
    List<ChannelWeek> channels,
    SortedMap<String, Integer> posts,
    int released,
    SortedMap<String, Integer> reasons,
    int conflictsFound,
    int conflictsCleared,
    int conflictsOpen,
    List<GapLine> amplifyMilestones,
    List<IncidentRow> incidents) {

  /** Content posts per campaign post when governance's count is not known. */
  static final int DEFAULT_CONTENT_PER_CAMPAIGN = 3;

  /** One channel's balance in the week. */
  public record ChannelWeek(
      String channelId, int content, int campaign, int allowedCampaign, boolean kept) {}

  /** An incident with how long the response took (null: not yet). */
  public record IncidentRow(IncidentLine incident, Duration toAcknowledge, Duration toResolve) {}

  /**
   * The report of a branch's week from the branch's lines (lines of other branches are ignored).
   */
  public static WeeklyReport of(
      String branchId,
      IsoWeek week,
      ZoneId zone,
      Collection<DecisionLine> decisions,
      Collection<ConflictLine> conflicts,
      Collection<GapLine> gaps,
      Collection<IncidentLine> incidents) {
    Instant start = week.start(zone);
    Instant end = week.end(zone);
    SortedMap<String, Integer> posts = new TreeMap<>();
    SortedMap<String, Integer> reasons = new TreeMap<>();
    Map<String, List<DecisionLine>> approvedByChannel = new TreeMap<>();
    Map<String, DecisionLine> latestWindowByChannel = new TreeMap<>();
    int released = 0;
    for (DecisionLine d : decisions) {
      if (!branchId.equals(d.branchId()) || !within(d.scheduledAt(), start, end)) {
        continue;
      }
      posts.merge(d.status(), 1, Integer::sum);
      if ("APPROVED".equals(d.status())) {
        approvedByChannel.computeIfAbsent(d.channelId(), c -> new ArrayList<>()).add(d);
        if (d.released()) {
          released++;
        }
      } else {
        d.reasons().forEach(code -> reasons.merge(code, 1, Integer::sum));
      }
      if (d.windowAllowedCampaign() != null) {
        latestWindowByChannel.merge(
            d.channelId(), d, (a, b) -> b.decidedAt().isAfter(a.decidedAt()) ? b : a);
      }
    }
    List<ChannelWeek> channels = new ArrayList<>();
    for (var entry : approvedByChannel.entrySet()) {
      int campaign = (int) entry.getValue().stream().filter(DecisionLine::campaign).count();
      int content = entry.getValue().size() - campaign;
      DecisionLine window = latestWindowByChannel.get(entry.getKey());
      int allowed =
          window == null ? content / DEFAULT_CONTENT_PER_CAMPAIGN : window.windowAllowedCampaign();
      channels.add(
          new ChannelWeek(entry.getKey(), content, campaign, allowed, campaign <= allowed));
    }
    int found = 0;
    int cleared = 0;
    int open = 0;
    for (ConflictLine c : conflicts) {
      if (!branchId.equals(c.branchId())) {
        continue;
      }
      if (within(c.detectedAt(), start, end)) {
        found++;
      }
      if (within(c.clearedAt(), start, end)) {
        cleared++;
      }
      if (c.detectedAt().isBefore(end) && (c.clearedAt() == null || !c.clearedAt().isBefore(end))) {
        open++;
      }
    }
    List<GapLine> amplify =
        gaps.stream()
            .filter(g -> branchId.equals(g.branchId()) && within(g.startsAt(), start, end))
            .sorted(Comparator.comparing(GapLine::startsAt).thenComparing(GapLine::milestoneId))
            .toList();
    List<IncidentRow> rows =
        incidents.stream()
            .filter(i -> branchId.equals(i.branchId()) && within(i.reportedAt(), start, end))
            .sorted(
                Comparator.comparing(IncidentLine::reportedAt)
                    .thenComparing(IncidentLine::incidentId))
            .map(
                i ->
                    new IncidentRow(
                        i,
                        between(i.reportedAt(), i.acknowledgedAt()),
                        between(i.reportedAt(), i.resolvedAt())))
            .toList();
    return new WeeklyReport(
        branchId, week, zone, channels, posts, released, reasons, found, cleared, open, amplify,
        rows);
  }

  /** Whether the week had anything at all to report. */
  public boolean quiet() {
    return posts.isEmpty()
        && conflictsFound == 0
        && conflictsOpen == 0
        && amplifyMilestones.isEmpty()
        && incidents.isEmpty();
  }

  public int postCount(String status) {
    return posts.getOrDefault(status, 0);
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return at != null && !at.isBefore(start) && at.isBefore(end);
  }

  private static Duration between(Instant from, Instant to) {
    return to == null ? null : Duration.between(from, to);
  }
}
