package org.librarycampaign.platform.topics;

import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ConflictEvent;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Notification;
import library.campaign.events.Officials;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import library.campaign.events.Publication;
import library.campaign.events.ResponsePlan;
import library.campaign.events.RotationOverride;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic of the system: its base name, what its key is, and the Avro envelope of its values.
 * Keys are plain strings. Partitions, replication and cleanup come from {@code ops/topics.yaml};
 * the name actually used may carry a prefix (see {@link TopicCatalogue}).
 */
public enum CampaignTopic {
  POSTS("campaign.posts", "branchId", PostEvent.class),
  MILESTONES("campaign.milestones", "branchId, or * for every branch", MilestoneEvent.class),
  INCIDENTS("campaign.incidents", "branchId", IncidentEvent.class),
  CHANNEL_POLICIES(
      "campaign.channel-policies", "channelId (branchId/platform)", ChannelPolicy.class),
  RESPONSE_PLANS(
      "campaign.response-plans", "branchId, or * for the default plan", ResponsePlan.class),
  ROTATION_OVERRIDES(
      "campaign.rotation-overrides",
      "branchId/rotationId/overrideId (branchId: the plan's key, or *)",
      RotationOverride.class),
  BRANCH_SETTINGS(
      "campaign.branch-settings",
      "branchId, or * for the default of every branch",
      BranchSettings.class),
  OFFICIALS("campaign.officials", "branchId, or * for every branch", Officials.class),
  POST_DECISIONS("campaign.post-decisions", "postId", PostDecision.class),
  CONFLICTS("campaign.conflicts", "postId", ConflictEvent.class),
  NOTIFICATIONS("campaign.notifications", "notificationId", Notification.class),
  NOTIFICATION_RECEIPTS("campaign.notification-receipts", "notificationId", DeliveryReceipt.class),
  INCIDENT_STATUS("campaign.incident-status", "incidentId", IncidentStatus.class),
  PUBLICATIONS("campaign.publications", "postId", Publication.class),
  DEAD_LETTERS("campaign.dead-letters", "the original key", DeadLetter.class);

  private final String baseName;
  private final String keyDescription;
  private final Class<? extends SpecificRecord> valueClass;

  CampaignTopic(
      String baseName, String keyDescription, Class<? extends SpecificRecord> valueClass) {
    this.baseName = baseName;
    this.keyDescription = keyDescription;
    this.valueClass = valueClass;
  }

  public String baseName() {
    return baseName;
  }

  public String keyDescription() {
    return keyDescription;
  }

  public Class<? extends SpecificRecord> valueClass() {
    return valueClass;
  }

  public static CampaignTopic byBaseName(String name) {
    for (CampaignTopic topic : values()) {
      if (topic.baseName.equals(name)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("unknown topic " + name);
  }
}
