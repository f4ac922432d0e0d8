package org.librarycampaign.crisis;

import java.util.Map;
import library.campaign.events.CrisisOutput;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The crisis service, as {@code campaign up} and {@code campaign plan} find it. */
public final class CrisisService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "crisis";

  private static final Logger LOGGER = LoggerFactory.getLogger(CrisisService.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return CrisisTopology.buildTopology(config, topics);
  }

  /** The output gate's repartition carries a schema of its own (README: topology and stores). */
  @Override
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of(CrisisTopology.OUTPUT_BY_ID, CrisisOutput.class);
  }

  /** Says so when the acknowledge links are signed with the key everyone can read. */
  @Override
  protected void beforeStart(ServiceContext context) {
    if (AckLinks.from(context.config()).usesDevelopmentKey()) {
      LOGGER
          .atWarn()
          .addKeyValue("key", AckLinks.KEYS)
          .log(
              "Acknowledge links are signed with the development key; set your own keys on a shared machine");
    }
  }
}
