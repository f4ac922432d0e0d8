package org.librarycampaign.crisis;

import java.util.Set;
import library.campaign.events.IncidentEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.crisis.response.Incident;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The crisis topology:
 *
 * <pre>
 * campaign.response-plans --> [global store crisis-response-plans]   (every task sees every plan)
 * campaign.rotation-overrides --> [global store crisis-rotation-overrides]
 * campaign.incidents --> crisis-incident-response --+--> campaign.notifications   (key notificationId)
 *                          | crisis-incidents        +--> campaign.incident-status (key incidentId)
 *                          | crisis-escalation-deadlines
 *                          | crisis-sent-notifications
 * </pre>
 *
 * Incidents are keyed by branch, so every event of an incident reaches the same task, and the
 * incident's state lives in that task's stores; no repartition is needed.
 */
public final class CrisisTopology {

  /** Every response plan by key (branch id or {@code *}); global, filled from the plan topic. */
  public static final String PLANS_STORE = "crisis-response-plans";

  /**
   * Every rotation override by {@code branchId/rotationId/overrideId}; global, filled from the
   * override topic.
   */
  public static final String OVERRIDES_STORE = "crisis-rotation-overrides";

  /** Each incident's state by incident id. */
  public static final String INCIDENTS_STORE = "crisis-incidents";

  /** The next escalation deadline of each escalating incident, in time order. */
  public static final String DEADLINES_STORE = "crisis-escalation-deadlines";

  /** Every notification id written, with when. */
  public static final String SENT_STORE = "crisis-sent-notifications";

  static final String PROCESSOR = "crisis-incident-response";
  static final String NOTIFICATIONS_SINK = "write-campaign.notifications";
  static final String STATUS_SINK = "write-campaign.incident-status";

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
    KStream<String, SpecificRecord> responses =
        builder.stream(incidents.name(), incidents.consumed())
            .process(new IncidentProcessorSupplier(settings), Named.as(PROCESSOR));
    // the processor forwards each record to the sink of its topic by name
    responses.to(topics.notifications().name(), writes(topics.notifications(), NOTIFICATIONS_SINK));
    responses.to(topics.incidentStatus().name(), writes(topics.incidentStatus(), STATUS_SINK));
    return builder.build();
  }

  /** A sink of one of the processor's outputs, which share the processor's record type. */
  @SuppressWarnings("unchecked")
  private static <V extends SpecificRecord> Produced<String, SpecificRecord> writes(
      Topic<String, V> topic, String sinkName) {
    return (Produced<String, SpecificRecord>)
        (Produced<String, ?>) topic.produced().withName(sinkName);
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
