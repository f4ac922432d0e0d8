package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.IncidentStatus;

/**
 * Where the response to an incident stands, from {@code campaign.incident-status} (keyed by
 * incidentId, compacted): the latest record is the truth; a tombstone forgets the incident.
 */
public record IncidentStatusFact(
    String incidentId,
    String branchId,
    String state,
    String severity,
    String summary,
    int tier,
    int notifiedCount,
    List<Notified> notified,
    String acknowledgedBy,
    Instant reportedAt,
    Instant updatedAt) {

  /** A notification the crisis service sent for the incident. */
  public record Notified(
      String notificationId, int tier, String responderId, String name, String channel) {}

  public IncidentStatusFact {
    notified = notified == null ? List.of() : List.copyOf(notified);
  }

  public static Fold<IncidentStatus, IncidentStatusFact> fold() {
    return IncidentStatusFact::apply;
  }

  static List<Change<IncidentStatusFact>> apply(
      String recordKey, IncidentStatus value, Function<String, IncidentStatusFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    return List.of(
        Change.put(
            value.getIncidentId(),
            new IncidentStatusFact(
                value.getIncidentId(),
                value.getBranchId(),
                value.getState().name(),
                value.getSeverity().name(),
                value.getSummary(),
                value.getTier(),
                value.getNotifiedCount(),
                value.getNotified().stream()
                    .map(
                        n ->
                            new Notified(
                                n.getNotificationId(),
                                n.getTier(),
                                n.getResponderId(),
                                n.getName(),
                                n.getChannel().name()))
                    .toList(),
                value.getAcknowledgedBy(),
                value.getReportedAt(),
                value.getUpdatedAt())));
  }
}
