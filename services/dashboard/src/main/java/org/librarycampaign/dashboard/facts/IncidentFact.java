package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import org.librarycampaign.platform.events.EventType;

/**
 * An incident as the branches told it, from {@code campaign.incidents}, kept by incidentId: the
 * report, the first acknowledgement (and how: API, LINK or SMS) and the resolution. The crisis
 * service's view of it (tiers, who was notified) is {@link IncidentStatusFact}; the dashboard shows
 * both, so an incident appears as soon as it is reported.
 */
public record IncidentFact(
    String incidentId,
    String branchId,
    String severity,
    String category,
    String summary,
    String reportedBy,
    Instant reportedAt,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String resolvedBy,
    Instant resolvedAt,
    String resolution,
    String acknowledgedVia) {

  /** Without how it was acknowledged. */
  public IncidentFact(
      String incidentId,
      String branchId,
      String severity,
      String category,
      String summary,
      String reportedBy,
      Instant reportedAt,
      String acknowledgedBy,
      Instant acknowledgedAt,
      String resolvedBy,
      Instant resolvedAt,
      String resolution) {
    this(
        incidentId,
        branchId,
        severity,
        category,
        summary,
        reportedBy,
        reportedAt,
        acknowledgedBy,
        acknowledgedAt,
        resolvedBy,
        resolvedAt,
        resolution,
        null);
  }

  public boolean resolved() {
    return resolvedAt != null;
  }

  public static Fold<IncidentEvent, IncidentFact> fold() {
    return IncidentFact::apply;
  }

  static List<Change<IncidentFact>> apply(
      String recordKey, IncidentEvent value, Function<String, IncidentFact> current) {
    if (value == null) {
      return List.of();
    }
    Object event = value.getEvent();
    return switch (EventType.Incident.of(value)) {
      case REPORTED -> reported(recordKey, (IncidentReported) event, current);
      case ACKNOWLEDGED -> acknowledged((IncidentAcknowledged) event, current);
      case RESOLVED -> resolved((IncidentResolved) event, current);
      // a request to tell the next tier now changes what crisis does, not this fact: crisis's
      // IncidentStatus shows the tier it reached
      case ESCALATION_REQUESTED -> List.of();
    };
  }

  private static List<Change<IncidentFact>> reported(
      String recordKey, IncidentReported reported, Function<String, IncidentFact> current) {
    IncidentFact known = current.apply(reported.getIncidentId());
    if (known != null && known.reportedAt() != null) {
      return List.of();
    }
    IncidentFact base = known != null ? known : empty(reported.getIncidentId(), recordKey);
    return List.of(
        Change.put(
            reported.getIncidentId(),
            new IncidentFact(
                reported.getIncidentId(),
                reported.getBranchId(),
                reported.getSeverity().name(),
                reported.getCategory().name(),
                reported.getSummary(),
                reported.getReportedBy(),
                reported.getReportedAt(),
                base.acknowledgedBy(),
                base.acknowledgedAt(),
                base.resolvedBy(),
                base.resolvedAt(),
                base.resolution(),
                base.acknowledgedVia())));
  }

  private static List<Change<IncidentFact>> acknowledged(
      IncidentAcknowledged ack, Function<String, IncidentFact> current) {
    IncidentFact known = current.apply(ack.getIncidentId());
    IncidentFact base = known != null ? known : empty(ack.getIncidentId(), ack.getBranchId());
    if (base.acknowledgedAt() != null) {
      return List.of();
    }
    return List.of(
        Change.put(
            ack.getIncidentId(),
            new IncidentFact(
                base.incidentId(),
                base.branchId(),
                base.severity(),
                base.category(),
                base.summary(),
                base.reportedBy(),
                base.reportedAt(),
                ack.getBy(),
                ack.getAt(),
                base.resolvedBy(),
                base.resolvedAt(),
                base.resolution(),
                // an acknowledgement that does not say how came through the API
                ack.getVia() == null ? "API" : ack.getVia().name())));
  }

  private static List<Change<IncidentFact>> resolved(
      IncidentResolved resolved, Function<String, IncidentFact> current) {
    IncidentFact known = current.apply(resolved.getIncidentId());
    IncidentFact base =
        known != null ? known : empty(resolved.getIncidentId(), resolved.getBranchId());
    if (base.resolvedAt() != null) {
      return List.of();
    }
    return List.of(
        Change.put(
            resolved.getIncidentId(),
            new IncidentFact(
                base.incidentId(),
                base.branchId(),
                base.severity(),
                base.category(),
                base.summary(),
                base.reportedBy(),
                base.reportedAt(),
                base.acknowledgedBy(),
                base.acknowledgedAt(),
                resolved.getBy(),
                resolved.getAt(),
                resolved.getResolution(),
                base.acknowledgedVia())));
  }

  private static IncidentFact empty(String incidentId, String branchId) {
    return new IncidentFact(
        incidentId, branchId, null, null, null, null, null, null, null, null, null, null);
  }
}
