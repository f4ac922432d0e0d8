package org.librarycampaign.conflicts;

import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The conflicts service, found by {@code campaign up} and {@code campaign plan}. */
public final class ConflictsService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "conflicts";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return ConflictsTopology.buildTopology(config, topics);
  }

  /** Refuses to start when posts and milestones are not partitioned alike (see README). */
  @Override
  protected void beforeStart(ServiceContext context) {
    CoPartitioning.require(context.config(), context.topics());
  }
}
