package org.librarycampaign.ingest.incidents;

import org.apache.kafka.streams.StreamsBuilder;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * What the acknowledge pages, the SMS replies and the timeline read: the latest status of every
 * incident, every notification and the latest delivery receipt of each, in global stores so that
 * every ingest instance can answer for every incident.
 *
 * <pre>
 * campaign.incident-status       --> global store ingest-incident-status       (key incidentId)
 * campaign.notifications         --> global store ingest-notifications         (key notificationId)
 * campaign.notification-receipts --> global store ingest-notification-receipts (key notificationId)
 * campaign.branch-settings       --> global store ingest-branch-settings       (key branchId, or *)
 * </pre>
 *
 * The branch settings give the zone of the times people read about a branch's incident (README.md,
 * "Local time").
 *
 * <p>A notification id starts with {@code <incidentId>/}, so an incident's notifications are one
 * prefix scan.
 */
public final class IncidentViewTopology {

  public static final String STATUS_STORE = "ingest-incident-status";
  public static final String NOTIFICATIONS_STORE = "ingest-notifications";
  public static final String RECEIPTS_STORE = "ingest-notification-receipts";
  public static final String BRANCH_SETTINGS_STORE = "ingest-branch-settings";

  private IncidentViewTopology() {}

  public static void addTo(StreamsBuilder builder, TopicCatalogue topics) {
    GlobalView.addTo(builder, topics.incidentStatus(), STATUS_STORE);
    GlobalView.addTo(builder, topics.notifications(), NOTIFICATIONS_STORE);
    GlobalView.addTo(builder, topics.notificationReceipts(), RECEIPTS_STORE);
    GlobalView.addTo(builder, topics.branchSettings(), BRANCH_SETTINGS_STORE);
  }
}
