package org.librarycampaign.platform.service;

import java.util.Optional;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.security.KafkaAccess;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * A part of the system that {@code campaign up} (all in one process) or {@code campaign run NAME}
 * (one in its own process, see {@link StandaloneService}) starts: a Kafka Streams processor, a
 * consumer, an HTTP API. Found with {@link java.util.ServiceLoader}, so the command line runs
 * whatever service modules are on its class path without importing them.
 */
public interface CampaignService {

  /** Short name: the application id suffix, the readiness part, the {@code campaign run} name. */
  String name();

  /** Starts it in the background; what it returns stops it. */
  RunningService start(ServiceContext context);

  /**
   * The Kafka Streams topology, for a stream processor; {@code campaign plan} runs it without a
   * broker. Empty for services that are not stream processors.
   */
  default Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.empty();
  }

  /**
   * The topics its Kafka clients read and write, from which {@code campaign acls} derives its
   * rights: a stream processor's come from its topology; a service with other clients (a producer
   * of its own) adds theirs.
   */
  default KafkaAccess kafkaAccess(CampaignConfig config, TopicCatalogue topics) {
    return topology(config, topics).map(KafkaAccess::of).orElse(KafkaAccess.NONE);
  }
}
