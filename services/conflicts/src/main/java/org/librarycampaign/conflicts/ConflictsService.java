package org.librarycampaign.conflicts;

import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The conflicts service, found by {@code campaign up} and {@code campaign plan}. */
public final class ConflictsService extends StreamsCampaignService {

  @Override
  public String name() {
    return ConflictsTopology.SERVICE;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return ConflictsTopology.buildTopology(config, topics);
  }

  /** Refuses to start when posts and milestones are not partitioned alike (see README). */
  @Override
  public RunningService start(ServiceContext context) {
    CoPartitioning.require(context.config(), context.topics());
    return super.start(context);
  }
}
