package org.librarycampaign.governance;

import java.util.Optional;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Governance as a service of {@code campaign up} (and a topology of {@code campaign plan}): balance
 * ratio, daily caps, post checks and the crisis pause, writing {@code campaign.post-decisions}.
 */
public final class GovernanceService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "governance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return GovernanceTopology.buildTopology(config, topics);
  }

  /** {@code campaign plan}: the same topology, which never looks a hashtag up on the network. */
  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.of(GovernanceTopology.planTopology(config, topics));
  }

  /**
   * Creates the hashtag view topic first: it is the source of a global store, which Streams does
   * not create, and the global store must find it before the first task starts.
   */
  @Override
  protected void beforeStart(ServiceContext context) {
    HashtagViewTopic.ensureExists(context.config());
  }
}
