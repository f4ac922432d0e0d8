package org.librarycampaign.crisis;

import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The crisis service, as {@code campaign up} and {@code campaign plan} find it. */
public final class CrisisService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "crisis";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return CrisisTopology.buildTopology(config, topics);
  }
}
