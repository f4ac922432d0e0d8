package org.librarycampaign.conflicts;

import java.util.Map;
import library.campaign.events.MilestoneEvent;
import org.apache.avro.specific.SpecificRecord;
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

  @Override
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of(ConflictsTopology.MILESTONES_BY_BRANCH, MilestoneEvent.class);
  }

  /** Refuses to start when posts and milestones are not partitioned alike (see README). */
  @Override
  protected void beforeStart(ServiceContext context) {
    CoPartitioning.require(context.config(), context.topics());
  }
}
