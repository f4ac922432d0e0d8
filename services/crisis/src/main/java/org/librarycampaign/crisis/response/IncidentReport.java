package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.Objects;
import library.campaign.events.IncidentCategory;
import library.campaign.events.Severity;

/**
 * What a branch reported.
 *
 * @param reportedBy who reported it; null when the report does not say
 */
public record IncidentReport(
    String incidentId,
    String branchId,
    Severity severity,
    IncidentCategory category,
    String summary,
    String reportedBy,
    Instant reportedAt) {

  public IncidentReport {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reportedAt, "reportedAt");
  }
}
