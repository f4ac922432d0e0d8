package org.librarycampaign.dashboard.store;

import java.util.List;
import java.util.function.Function;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.dashboard.facts.BranchSettingsFact;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DeadLetterFact;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Fold;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.OfficialsFact;
import org.librarycampaign.dashboard.facts.PolicyFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.PublicationFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.streams.SettingsTopics;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * One named store of the dashboard: the topic it is read from, the facts it keeps (as JSON) and the
 * fold that turns the topic's records into them.
 *
 * <p>Every store is a global store, so every dashboard instance sees every partition, and needs no
 * changelog: the topic itself is replayed through the fold when the store is rebuilt (at each
 * start, the stores being in memory).
 *
 * @param <V> the topic's value type
 * @param <F> the stored fact type
 */
public record FactStore<V, F>(
    String name,
    Function<TopicCatalogue, Topic<String, V>> topic,
    Class<F> factType,
    Fold<V, F> fold) {

  public static final FactStore<ChannelPolicy, PolicyFact> POLICIES =
      new FactStore<>(
          "dashboard-channel-policies",
          TopicCatalogue::channelPolicies,
          PolicyFact.class,
          PolicyFact.fold());
  public static final FactStore<PostEvent, PostFact> POSTS =
      new FactStore<>("dashboard-posts", TopicCatalogue::posts, PostFact.class, PostFact.fold());
  public static final FactStore<PostDecision, DecisionFact> DECISIONS =
      new FactStore<>(
          "dashboard-post-decisions",
          TopicCatalogue::postDecisions,
          DecisionFact.class,
          DecisionFact.fold());
  public static final FactStore<MilestoneEvent, MilestoneFact> MILESTONES =
      new FactStore<>(
          "dashboard-milestones",
          TopicCatalogue::milestones,
          MilestoneFact.class,
          MilestoneFact.fold());
  public static final FactStore<ConflictEvent, CalendarFlag> FLAGS =
      new FactStore<>(
          "dashboard-calendar-flags",
          TopicCatalogue::conflicts,
          CalendarFlag.class,
          CalendarFlag.fold());
  public static final FactStore<IncidentEvent, IncidentFact> INCIDENTS =
      new FactStore<>(
          "dashboard-incidents",
          TopicCatalogue::incidents,
          IncidentFact.class,
          IncidentFact.fold());
  public static final FactStore<IncidentStatus, IncidentStatusFact> STATUSES =
      new FactStore<>(
          "dashboard-incident-status",
          TopicCatalogue::incidentStatus,
          IncidentStatusFact.class,
          IncidentStatusFact.fold());
  public static final FactStore<Notification, NotificationFact> NOTIFICATIONS =
      new FactStore<>(
          "dashboard-notifications",
          TopicCatalogue::notifications,
          NotificationFact.class,
          NotificationFact.fold());
  public static final FactStore<DeliveryReceipt, ReceiptsFact> RECEIPTS =
      new FactStore<>(
          "dashboard-notification-receipts",
          TopicCatalogue::notificationReceipts,
          ReceiptsFact.class,
          ReceiptsFact.fold());
  public static final FactStore<DeadLetter, DeadLetterFact> DEAD_LETTERS =
      new FactStore<>(
          "dashboard-dead-letters",
          TopicCatalogue::deadLetters,
          DeadLetterFact.class,
          DeadLetterFact.fold());
  public static final FactStore<Publication, PublicationFact> PUBLICATIONS =
      new FactStore<>(
          "dashboard-publications",
          TopicCatalogue::publications,
          PublicationFact.class,
          PublicationFact.fold());

  public static final FactStore<Officials, OfficialsFact> OFFICIALS =
      new FactStore<>(
          "dashboard-officials",
          TopicCatalogue::officials,
          OfficialsFact.class,
          OfficialsFact.fold());

  public static final FactStore<BranchSettings, BranchSettingsFact> BRANCH_SETTINGS =
      new FactStore<>(
          "dashboard-branch-settings",
          TopicCatalogue::branchSettings,
          BranchSettingsFact.class,
          BranchSettingsFact.fold());

  /** Every store, in the order they are added to the topology. */
  public static List<FactStore<?, ?>> all() {
    return List.of(
        POLICIES,
        POSTS,
        DECISIONS,
        MILESTONES,
        FLAGS,
        INCIDENTS,
        STATUSES,
        NOTIFICATIONS,
        RECEIPTS,
        DEAD_LETTERS,
        PUBLICATIONS,
        OFFICIALS,
        BRANCH_SETTINGS);
  }

  /** The name of the source node that reads the store's topic. */
  public String sourceName() {
    return name + "-source";
  }

  /** The name of the processor that folds the topic into the store. */
  public String processorName() {
    return name + "-fold";
  }

  void addTo(Topology topology, TopicCatalogue topics, UnreadableRecords unreadable) {
    Topic<String, V> source = topic.apply(topics);
    StoreBuilder<KeyValueStore<String, F>> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.String(), StateCodec.of(factType))
            .withLoggingDisabled();
    topology.addGlobalStore(
        store,
        sourceName(),
        source.keySerde().deserializer(),
        new ByteArrayDeserializer(),
        source.name(),
        processorName(),
        () -> new FoldProcessor<>(name, values(source), fold, unreadable, readsInputTopic()));
  }

  /**
   * A settings topic's bad value reads as absent, with no dead letter: ingest owns those
   * (docs/ARCHITECTURE.md#dead-letters), and the dashboard's view matches the services' views.
   */
  private static <V> Deserializer<V> values(Topic<String, V> source) {
    return SettingsTopics.isSettings(source.id())
        ? SettingsTopics.validOrAbsent(source).deserializer()
        : source.valueSerde().deserializer();
  }

  /** Whether the store reads a topic that is sent in (posts, milestones, incidents). */
  private boolean readsInputTopic() {
    return name.equals(POSTS.name) || name.equals(MILESTONES.name) || name.equals(INCIDENTS.name);
  }
}
