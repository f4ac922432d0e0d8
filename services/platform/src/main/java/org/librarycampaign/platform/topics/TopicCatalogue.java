package org.librarycampaign.platform.topics;

import java.util.EnumMap;
import java.util.Map;
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
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.HttpSchemaRegistryClient;
import org.librarycampaign.platform.registry.SchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerde;

/**
 * Every topic of the system as a typed {@link Topic}: the one place topic names are made. A prefix
 * ({@code campaign.topic.prefix}) lets tests and tenants share a cluster. The names of the {@link
 * ServiceTopic}s, which hold a service's own records, start with the application id prefix instead.
 */
public final class TopicCatalogue {

  private final String prefix;
  private final String applicationIdPrefix;
  private final SchemaRegistry registry;
  private final Map<CampaignTopic, Topic<String, ? extends SpecificRecord>> topics =
      new EnumMap<>(CampaignTopic.class);

  /** A catalogue whose service topics carry the default application id prefix. */
  public TopicCatalogue(String prefix, SchemaRegistry registry, boolean autoRegister) {
    this(prefix, CampaignConfig.of(Map.of()).applicationId(""), registry, autoRegister);
  }

  public TopicCatalogue(
      String prefix, String applicationIdPrefix, SchemaRegistry registry, boolean autoRegister) {
    this.prefix = prefix == null ? "" : prefix;
    this.applicationIdPrefix = applicationIdPrefix;
    this.registry = registry;
    for (CampaignTopic id : CampaignTopic.values()) {
      topics.put(id, topic(id, autoRegister));
    }
  }

  /** The catalogue of a running system: the HTTP registry named in the config. */
  public static TopicCatalogue forConfig(CampaignConfig config) {
    return forConfig(config, new HttpSchemaRegistryClient(config.registryUrl()));
  }

  public static TopicCatalogue forConfig(CampaignConfig config, SchemaRegistry registry) {
    return new TopicCatalogue(
        config.topicPrefix(), config.applicationId(""), registry, config.autoRegisterSchemas());
  }

  private <V extends SpecificRecord> Topic<String, V> topic(
      CampaignTopic id, boolean autoRegister) {
    @SuppressWarnings("unchecked")
    Class<V> valueClass = (Class<V>) id.valueClass();
    Serde<V> values = new AvroSerde<>(registry, valueClass, autoRegister);
    return new Topic<>(id, prefix + id.baseName(), Serdes.String(), values);
  }

  public SchemaRegistry registry() {
    return registry;
  }

  public String prefix() {
    return prefix;
  }

  public String name(CampaignTopic id) {
    return topics.get(id).name();
  }

  /** A service topic's name: it starts with the application id, not the topic prefix. */
  public String name(ServiceTopic id) {
    return id.name(applicationIdPrefix);
  }

  public Topic<String, ? extends SpecificRecord> get(CampaignTopic id) {
    return topics.get(id);
  }

  /** The topic whose full name this is. */
  public CampaignTopic idOf(String topicName) {
    for (var topic : topics.values()) {
      if (topic.name().equals(topicName)) {
        return topic.id();
      }
    }
    throw new IllegalArgumentException(
        "'"
            + topicName
            + "' is not a topic of this system; known: "
            + topics.values().stream().map(Topic::name).toList());
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> Topic<String, V> typed(CampaignTopic id) {
    return (Topic<String, V>) topics.get(id);
  }

  public Topic<String, PostEvent> posts() {
    return typed(CampaignTopic.POSTS);
  }

  public Topic<String, MilestoneEvent> milestones() {
    return typed(CampaignTopic.MILESTONES);
  }

  public Topic<String, IncidentEvent> incidents() {
    return typed(CampaignTopic.INCIDENTS);
  }

  public Topic<String, ChannelPolicy> channelPolicies() {
    return typed(CampaignTopic.CHANNEL_POLICIES);
  }

  public Topic<String, ResponsePlan> responsePlans() {
    return typed(CampaignTopic.RESPONSE_PLANS);
  }

  public Topic<String, Officials> officials() {
    return typed(CampaignTopic.OFFICIALS);
  }

  public Topic<String, RotationOverride> rotationOverrides() {
    return typed(CampaignTopic.ROTATION_OVERRIDES);
  }

  public Topic<String, BranchSettings> branchSettings() {
    return typed(CampaignTopic.BRANCH_SETTINGS);
  }

  public Topic<String, PostDecision> postDecisions() {
    return typed(CampaignTopic.POST_DECISIONS);
  }

  public Topic<String, ConflictEvent> conflicts() {
    return typed(CampaignTopic.CONFLICTS);
  }

  public Topic<String, Notification> notifications() {
    return typed(CampaignTopic.NOTIFICATIONS);
  }

  public Topic<String, DeliveryReceipt> notificationReceipts() {
    return typed(CampaignTopic.NOTIFICATION_RECEIPTS);
  }

  public Topic<String, IncidentStatus> incidentStatus() {
    return typed(CampaignTopic.INCIDENT_STATUS);
  }

  public Topic<String, Publication> publications() {
    return typed(CampaignTopic.PUBLICATIONS);
  }

  public Topic<String, DeadLetter> deadLetters() {
    return typed(CampaignTopic.DEAD_LETTERS);
  }
}
