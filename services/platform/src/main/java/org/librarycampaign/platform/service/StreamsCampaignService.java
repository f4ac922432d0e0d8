package org.librarycampaign.platform.service;

import java.util.Optional;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** A service that is one Kafka Streams topology, run with the shared settings. */
public abstract class StreamsCampaignService implements CampaignService {

  /** The production topology; tests and {@code campaign plan} build the same one. */
  protected abstract Topology buildTopology(CampaignConfig config, TopicCatalogue topics);

  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.of(buildTopology(config, topics));
  }

  @Override
  public RunningService start(ServiceContext context) {
    StreamsService streams =
        new StreamsService(
            name(),
            buildTopology(context.config(), context.topics()),
            StreamsSettings.forService(context.config(), name(), context.topics()));
    streams.start(context.readiness());
    return streams::close;
  }
}
