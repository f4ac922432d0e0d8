package org.librarycampaign.ingest.decisions;

import java.util.Locale;
import java.util.Optional;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Runs {@link DecisionViewTopology} as a Kafka Streams client and answers queries on its store
 * (interactive queries). Ready, in {@code /ready}, once the store is restored and running.
 */
public final class DecisionView implements DecisionLookup, OwnerLookup, AutoCloseable {

  private final StreamsService streams;

  private DecisionView(StreamsService streams) {
    this.streams = streams;
  }

  /**
   * Starts it in the background.
   *
   * @param name the service name: the Streams application id suffix and the readiness part
   */
  public static DecisionView start(
      String name, CampaignConfig config, TopicCatalogue topics, Readiness readiness) {
    StreamsService streams =
        new StreamsService(
            name,
            DecisionViewTopology.buildTopology(config, topics),
            StreamsSettings.forService(config, name, topics));
    streams.start(readiness);
    return new DecisionView(streams);
  }

  @Override
  public Optional<PostDecision> latest(String postId) throws ViewUnavailableException {
    return Optional.ofNullable(this.<PostDecision>query(DecisionViewTopology.STORE, postId));
  }

  @Override
  public Optional<String> ownerOf(CampaignTopic topic, String id) throws ViewUnavailableException {
    return switch (topic) {
      case POSTS -> latest(id).map(decision -> decision.getBranchId());
      case INCIDENTS ->
          Optional.ofNullable(this.<IncidentStatus>query(DecisionViewTopology.INCIDENTS_STORE, id))
              .map(status -> status.getBranchId());
      default -> Optional.empty();
    };
  }

  private <V> V query(String storeName, String key) throws ViewUnavailableException {
    KafkaStreams kafkaStreams = streams.streams();
    if (kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ViewUnavailableException(
          "the decision view is " + kafkaStreams.state().name().toLowerCase(Locale.ROOT), null);
    }
    try {
      ReadOnlyKeyValueStore<String, V> store =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  storeName, QueryableStoreTypes.<String, V>keyValueStore()));
      return store.get(key);
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailableException("the decision view is not queryable now", e);
    }
  }

  /** The Streams client, for the other views it holds ({@code IncidentView}). */
  public KafkaStreams streams() {
    return streams.streams();
  }

  @Override
  public void close() {
    streams.close();
  }
}
