package org.librarycampaign.dashboard.store;

import java.time.Instant;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's views: each topic it shows folded into a named global store of facts ({@link
 * FactStore}), queried by the JSON API (interactive queries). It writes no topic.
 *
 * <pre>
 * campaign.channel-policies      -> dashboard-channel-policies       (channelId)
 * campaign.posts                 -> dashboard-posts                  (postId, latest revision)
 * campaign.post-decisions        -> dashboard-post-decisions         (postId)
 * campaign.milestones            -> dashboard-milestones             (milestoneId, latest revision)
 * campaign.conflicts             -> dashboard-calendar-flags         (post:postId|milestoneId, gap:milestoneId/branchId)
 * campaign.incidents             -> dashboard-incidents              (incidentId)
 * campaign.incident-status       -> dashboard-incident-status        (incidentId)
 * campaign.notifications         -> dashboard-notifications          (notificationId)
 * campaign.notification-receipts -> dashboard-notification-receipts  (notificationId, every receipt)
 * campaign.dead-letters          -> dashboard-dead-letters           (topic/partition/offset)
 * campaign.publications          -> dashboard-publications           (postId/revision, latest receipt)
 * campaign.officials             -> dashboard-officials              (branchId, or *)
 * campaign.branch-settings       -> dashboard-branch-settings        (branchId, or *)
 * </pre>
 *
 * A record a store cannot read or fold is handed to {@link UnreadableRecords} (in production: the
 * dead letters) and skipped.
 */
public final class DashboardTopology {

  private static final Logger LOGGER = LoggerFactory.getLogger(DashboardTopology.class);

  private DashboardTopology() {}

  /** The topology with unreadable records only logged (tests, dry runs). */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return buildTopology(config, topics, DashboardTopology::logUnreadable);
  }

  /** The topology handing the records it cannot read or fold to {@code unreadable}. */
  public static Topology buildTopology(
      CampaignConfig config, TopicCatalogue topics, UnreadableRecords unreadable) {
    Topology topology = new Topology();
    for (FactStore<?, ?> store : FactStore.all()) {
      store.addTo(topology, topics, unreadable);
    }
    return topology;
  }

  private static void logUnreadable(DeadLetters.Failure failure, Instant failedAt) {
    LOGGER
        .atWarn()
        .addKeyValue("sourceTopic", failure.sourceTopic())
        .addKeyValue("partition", failure.partition())
        .addKeyValue("offset", failure.offset())
        .addKeyValue("stage", failure.stage())
        .addKeyValue("error", failure.error().getMessage())
        .log("Record skipped by the dashboard");
  }
}
