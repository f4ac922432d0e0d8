package org.librarycampaign.governance;

import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Governance as a service of {@code campaign up} (and a topology of {@code campaign plan}): balance
 * ratio, daily caps, post checks and the crisis pause, writing {@code campaign.post-decisions}.
 */
public final class GovernanceService extends StreamsCampaignService {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String name() {
    return GovernanceSettings.SERVICE_NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return GovernanceTopology.buildTopology(config, topics);
  }

  /**
   * Creates the hashtag view topic first (the source of a global store, which Streams does not
   * create), and on close leaves the consumer group: by default a Streams client stays in its group
   * after closing, so a restarted one gets no task until the old member's session times out (45 s).
   */
  @Override
  public RunningService start(ServiceContext context) {
    HashtagViewTopic.ensureExists(context.config());
    StreamsService streams =
        new StreamsService(
            name(),
            buildTopology(context.config(), context.topics()),
            StreamsSettings.forService(context.config(), name(), context.topics()));
    streams.start(context.readiness());
    return () -> {
      streams
          .streams()
          .close(
              CloseOptions.groupMembershipOperation(
                      CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                  .withTimeout(CLOSE_TIMEOUT));
      streams.close();
    };
  }
}
