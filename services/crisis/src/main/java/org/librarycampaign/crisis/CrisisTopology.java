package org.librarycampaign.crisis;

import java.util.Set;
import library.campaign.events.CrisisOutput;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.AvroSerde;
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
 * campaign.incidents --> by branch --> crisis-incident-response (checks the owner)
 *     --> by incidentId (one CrisisOutput per change) --> crisis-output-ownership
 *         --+--> campaign.notifications   (key notificationId)
 *           +--> campaign.incident-status (key incidentId)
 *   crisis-incident-response stores: crisis-incidents, crisis-escalation-deadlines
 *   crisis-output-ownership store:   crisis-output-owners
 * </pre>
 *
 * Incidents are routed by branch whatever partition their producer chose ({@link BranchRouting}),
 * so every event of an incident reaches the same task, and the incident's state lives in that
 * task's stores. The processor refuses another branch's event about a stored incident, and the
 * output gate another branch's output about an incident id ({@link OutputGate},
 * docs/ARCHITECTURE.md#ownership-and-placement).
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

  /** Each incident's state by incident id, with the ids it has written: its owner, too. */
  public static final String INCIDENTS_STORE = "crisis-incidents";

  /** The next escalation deadline of each escalating incident, in time order. */
  public static final String DEADLINES_STORE = "crisis-escalation-deadlines";

  static final String PROCESSOR = "crisis-incident-response";

  /** The branch route of incidents ({@code <application id>-<name>-by-branch-repartition}). */
  public static final String INCIDENTS_ROUTE = "crisis-incidents";

  /**
   * The repartition of the processor's {@code CrisisOutput}s by incident id, to the output gate
   * ({@code <application id>-crisis-output-by-id-repartition}, a subject of its own).
   */
  public static final String OUTPUT_BY_ID = "crisis-output-by-id";

  /** The output gate: checks the incident's owner, then splits each record into its topics. */
  static final String OUTPUT_GATE = "crisis-output-ownership";

  /** The output gate's store: the owning branch of each incident id. */
  public static final String OUTPUT_OWNERS_STORE = OwnershipGate.ownersStore("crisis-output");

  /** The nodes the output gate forwards notifications and statuses to. */
  static final String NOTIFICATIONS_OUT = "crisis-notifications-out";

  static final String STATUS_OUT = "crisis-status-out";

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
    // every event of a branch to the branch's task, in the producer's order; the processor refuses
    // another branch's event about a stored incident (docs/ARCHITECTURE.md#ownership-and-placement)
    KStream<String, SpecificRecord> gated =
        BranchRouting.byBranch(
                InputRules.checked(
                    builder.stream(incidents.name(), incidents.consumed()), INCIDENTS_ROUTE),
                incidents,
                INCIDENTS_ROUTE,
                CrisisService.NAME)
            .process(new IncidentProcessorSupplier(settings), Named.as(PROCESSOR))
            // one record per change of an incident, keyed by incident id, to the task holding the
            // id's owner; our own internal subject, registered by us whatever the auto-register
            // setting
            .repartition(
                Repartitioned.<String, CrisisOutput>as(OUTPUT_BY_ID)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(new AvroSerde<>(topics.registry(), CrisisOutput.class, true)))
            .process(new OutputGateSupplier(), Named.as(OUTPUT_GATE));

    // the gate forwards each record to the node of its topic by name
    Topic<String, Notification> notifications = topics.notifications();
    gated
        .mapValues(v -> (Notification) v, Named.as(NOTIFICATIONS_OUT))
        .to(notifications.name(), notifications.produced());
    Topic<String, IncidentStatus> statuses = topics.incidentStatus();
    gated
        .mapValues(v -> (IncidentStatus) v, Named.as(STATUS_OUT))
        .to(statuses.name(), statuses.produced());
    return builder.build();
  }

  private record OutputGateSupplier()
      implements ProcessorSupplier<String, CrisisOutput, String, SpecificRecord> {

    @Override
    public Processor<String, CrisisOutput, String, SpecificRecord> get() {
      return new OutputGate();
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(OwnershipGate.ownersStoreBuilder("crisis-output"));
    }
  }

  private record IncidentProcessorSupplier(CrisisSettings settings)
      implements ProcessorSupplier<String, IncidentEvent, String, CrisisOutput> {

    @Override
    public Processor<String, IncidentEvent, String, CrisisOutput> get() {
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
              Serdes.String()));
    }
  }
}
