package org.librarycampaign.crisis;

import java.util.Set;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.BranchRouting;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.streams.InputRules;
import org.librarycampaign.platform.streams.OwnershipGate;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The crisis topology:
 *
 * <pre>
 * campaign.response-plans --> [global store crisis-response-plans]   (every task sees every plan)
 * campaign.rotation-overrides --> [global store crisis-rotation-overrides]
 * campaign.branch-settings --> [global store crisis-branch-settings]     (the zone of the texts)
 * campaign.incidents --> by branch --> incident gate --> crisis-incident-response
 *     --+--> by incidentId --> output gate --> campaign.notifications   (key notificationId)
 *       +--> by incidentId --> output gate --> campaign.incident-status (key incidentId)
 *   crisis-incident-response stores: crisis-incidents, crisis-escalation-deadlines,
 *                                    crisis-sent-notifications
 * </pre>
 *
 * Incidents are routed by branch whatever partition their producer chose ({@link BranchRouting}),
 * so every event of an incident reaches the same task, and the incident's state lives in that
 * task's stores. The gates refuse another branch's event or output about an incident id ({@link
 * OwnershipGate}, docs/ARCHITECTURE.md#ownership-and-placement).
 */
public final class CrisisTopology {

  /** Every response plan by key (branch id or {@code *}); global, filled from the plan topic. */
  public static final String PLANS_STORE = "crisis-response-plans";

  /**
   * Every rotation override by {@code branchId/rotationId/overrideId}; global, filled from the
   * override topic.
   */
  public static final String OVERRIDES_STORE = "crisis-rotation-overrides";

  /**
   * Every branch's settings by branch id (or {@code *}): the zone of the times in the texts;
   * global, filled from the settings topic.
   */
  public static final String BRANCH_SETTINGS_STORE = "crisis-branch-settings";

  /** Each incident's state by incident id. */
  public static final String INCIDENTS_STORE = "crisis-incidents";

  /** The next escalation deadline of each escalating incident, in time order. */
  public static final String DEADLINES_STORE = "crisis-escalation-deadlines";

  /** Every notification id written, with when. */
  public static final String SENT_STORE = "crisis-sent-notifications";

  static final String PROCESSOR = "crisis-incident-response";

  /** The nodes the processor forwards notifications and statuses to. */
  static final String NOTIFICATIONS_SINK = "crisis-notifications-out";

  static final String STATUS_SINK = "crisis-status-out";

  /** The branch route of incidents ({@code <application id>-<name>-by-branch-repartition}). */
  public static final String INCIDENTS_ROUTE = "crisis-incidents";

  /** The in-task ownership gate of incidents (store {@code <name>-owners}). */
  public static final String INCIDENT_GATE = "crisis-incident";

  /**
   * The ownership gate of the outputs: {@code <name>-notification-by-id} and {@code
   * <name>-status-by-id} repartitions keyed by incidentId, one store {@code <name>-owners}.
   */
  public static final String OUTPUT_GATE = "crisis-output";

  private CrisisTopology() {}

  /** The topology with the settings of {@code config}. */
  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return build(CrisisSettings.from(config), topics);
  }

  /** The topology: built from typed settings and the topics alone, with no I/O. */
  public static Topology build(CrisisSettings settings, TopicCatalogue topics) {
    Topic<String, IncidentEvent> incidents = topics.incidents();

    StreamsBuilder builder = new StreamsBuilder();
    GlobalView.addTo(builder, topics.responsePlans(), PLANS_STORE);
    GlobalView.addTo(builder, topics.rotationOverrides(), OVERRIDES_STORE);
    GlobalView.addTo(builder, topics.branchSettings(), BRANCH_SETTINGS_STORE);
    // every event of a branch to the branch's task, in the producer's order; then the in-task
    // ownership gate (docs/ARCHITECTURE.md#ownership-and-placement)
    KStream<String, SpecificRecord> responses =
        OwnershipGate.inTask(
                BranchRouting.byBranch(
                    InputRules.checked(
                        builder.stream(incidents.name(), incidents.consumed()), INCIDENTS_ROUTE),
                    incidents,
                    INCIDENTS_ROUTE,
                    CrisisService.NAME),
                INCIDENT_GATE,
                "incidentId")
            .process(new IncidentProcessorSupplier(settings), Named.as(PROCESSOR));

    // the processor forwards each record to the node of its topic by name; both outputs pass one
    // ownership gate keyed by incidentId, sharing its store, before their topics
    builder.addStateStore(OwnershipGate.ownersStoreBuilder(OUTPUT_GATE));
    String owners = OwnershipGate.ownersStore(OUTPUT_GATE);
    Topic<String, Notification> notifications = topics.notifications();
    OwnershipGate.beforeWriting(
            responses.mapValues(v -> (Notification) v, Named.as(NOTIFICATIONS_SINK)),
            notifications,
            OUTPUT_GATE + "-notification",
            owners,
            "incidentId",
            Notification::getIncidentId,
            Notification::getNotificationId)
        .to(notifications.name(), notifications.produced());
    Topic<String, IncidentStatus> statuses = topics.incidentStatus();
    OwnershipGate.beforeWriting(
            responses.mapValues(v -> (IncidentStatus) v, Named.as(STATUS_SINK)),
            statuses,
            OUTPUT_GATE + "-status",
            owners,
            "incidentId",
            IncidentStatus::getIncidentId,
            IncidentStatus::getIncidentId)
        .to(statuses.name(), statuses.produced());
    return builder.build();
  }

  private record IncidentProcessorSupplier(CrisisSettings settings)
      implements ProcessorSupplier<String, IncidentEvent, String, SpecificRecord> {

    @Override
    public Processor<String, IncidentEvent, String, SpecificRecord> get() {
      return new IncidentProcessor(settings);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(INCIDENTS_STORE),
              Serdes.String(),
              StateCodec.of(Incident.class)),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(DEADLINES_STORE),
              TimeOrderedKey.serde(),
              Serdes.String()),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(SENT_STORE), Serdes.String(), Serdes.Long()));
    }
  }
}
