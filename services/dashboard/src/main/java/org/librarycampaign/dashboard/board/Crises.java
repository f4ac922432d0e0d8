package org.librarycampaign.dashboard.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.platform.events.CrisisSeverity;

/**
 * The active crises of each branch (services/governance/README.md#the-rules: an unresolved incident
 * of severity HIGH or CRITICAL pauses its branch's campaign posts). An incident counts as resolved
 * as soon as either the branch's resolution or the crisis service's status says so.
 */
final class Crises {

  /** An active crisis, as shown next to the posts it holds. */
  record Crisis(String incidentId, String severity, String summary) {}

  private final Map<String, List<Crisis>> byBranch;

  private Crises(Map<String, List<Crisis>> byBranch) {
    this.byBranch = byBranch;
  }

  static Crises of(Facts facts) {
    Map<String, IncidentFact> reports = new TreeMap<>();
    facts.incidents().forEach(i -> reports.put(i.incidentId(), i));
    Map<String, IncidentStatusFact> statuses = new TreeMap<>();
    facts.statuses().forEach(s -> statuses.put(s.incidentId(), s));
    TreeMap<String, String> ids = new TreeMap<>();
    reports.values().forEach(i -> ids.put(i.incidentId(), i.branchId()));
    statuses.values().forEach(s -> ids.putIfAbsent(s.incidentId(), s.branchId()));
    Map<String, List<Crisis>> byBranch = new TreeMap<>();
    ids.forEach(
        (incidentId, branchId) -> {
          IncidentFact report = reports.get(incidentId);
          IncidentStatusFact status = statuses.get(incidentId);
          boolean resolved =
              (report != null && report.resolved())
                  || (status != null && "RESOLVED".equals(status.state()));
          String severity =
              report != null && report.severity() != null
                  ? report.severity()
                  : status != null ? status.severity() : null;
          if (resolved || !CrisisSeverity.isCrisis(severity)) {
            return;
          }
          String summary =
              report != null && report.summary() != null
                  ? report.summary()
                  : status != null ? status.summary() : null;
          byBranch
              .computeIfAbsent(branchId, b -> new ArrayList<>())
              .add(new Crisis(incidentId, severity, summary));
        });
    return new Crises(byBranch);
  }

  List<Crisis> active(String branchId) {
    return byBranch.getOrDefault(branchId, List.of());
  }
}
