package org.librarycampaign.report.week;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;
import org.librarycampaign.report.week.ReportLines.ConflictLine;
import org.librarycampaign.report.week.ReportLines.DecisionLine;
import org.librarycampaign.report.week.ReportLines.GapLine;
import org.librarycampaign.report.week.ReportLines.IncidentLine;

/**
 * The report's lines held in memory: what {@code campaign report} folds the topics into, with the
 * same {@link ReportLines} functions the service's stores use.
 */
public final class WeekLines {

  private final Map<String, DecisionLine> decisions = new TreeMap<>();
  private final Map<String, ConflictLine> conflicts = new TreeMap<>();
  private final Map<String, GapLine> gaps = new TreeMap<>();
  private final Map<String, IncidentLine> incidents = new TreeMap<>();

  /** Folds a record of campaign.post-decisions, campaign.conflicts or campaign.incident-status. */
  public WeekLines accept(Object record) {
    if (record instanceof PostDecision d) {
      String key = ReportLines.key(d.getBranchId(), ReportLines.decisionId(d.getPostId()));
      ReportLines.next(decisions.get(key), d).ifPresent(line -> decisions.put(key, line));
    } else if (record instanceof ConflictEvent e) {
      accept(e);
    } else if (record instanceof IncidentStatus s) {
      incidents.put(
          ReportLines.key(s.getBranchId(), ReportLines.incidentId(s.getIncidentId())),
          ReportLines.next(s));
    }
    return this;
  }

  private void accept(ConflictEvent event) {
    Object body = event.getEvent();
    if (body instanceof ConflictDetected d) {
      String key =
          ReportLines.key(
              d.getBranchId(), ReportLines.conflictId(d.getPostId(), d.getMilestoneId()));
      ReportLines.next(conflicts.get(key), d).ifPresent(line -> conflicts.put(key, line));
    } else if (body instanceof ConflictCleared c) {
      String key =
          ReportLines.key(
              c.getBranchId(), ReportLines.conflictId(c.getPostId(), c.getMilestoneId()));
      ReportLines.next(conflicts.get(key), c).ifPresent(line -> conflicts.put(key, line));
    } else if (body instanceof AmplifyGap g) {
      gaps.put(
          ReportLines.key(g.getBranchId(), ReportLines.gapId(g.getMilestoneId())),
          ReportLines.next(g));
    }
  }

  public WeeklyReport report(String branchId, IsoWeek week, ZoneId zone) {
    return WeeklyReport.of(
        branchId,
        week,
        zone,
        decisions.values(),
        conflicts.values(),
        gaps.values(),
        incidents.values());
  }
}
