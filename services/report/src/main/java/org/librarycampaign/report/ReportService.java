package org.librarycampaign.report;

import java.util.Map;
import java.util.Optional;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The weekly report as a service of {@code campaign up} and {@code campaign run report}: every
 * Monday at 08:00 branch time, each branch's report contacts get the week before by e-mail (the
 * outbox without SMTP). {@code campaign plan} does not run it (its clock is not a week long):
 * {@code campaign report} prints a week from the topics instead.
 */
public final class ReportService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "report";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return ReportTopology.buildTopology(config, topics);
  }

  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.empty();
  }

  @Override
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of(
        ReportTopology.DECISIONS_BY_BRANCH, PostDecision.class,
        ReportTopology.CONFLICTS_BY_BRANCH, ConflictEvent.class,
        ReportTopology.STATUSES_BY_BRANCH, IncidentStatus.class);
  }
}
