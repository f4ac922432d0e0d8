package org.librarycampaign.publisher;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.publisher.channel.OutboxPublisher;

/**
 * The publisher as a service of {@code campaign up} and {@code campaign run publisher}: its
 * topology with the shared Streams settings, and {@code GET /api/publisher/outbox} listing what
 * went to the local outbox. {@code campaign plan} runs the same rules with publishers that send
 * nothing ({@link PublisherTopology#planTopology}).
 */
public final class PublisherService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "publisher";

  public static final String OUTBOX_ROUTE = "/api/publisher/outbox";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return PublisherTopology.buildTopology(config, topics);
  }

  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.of(PublisherTopology.planTopology(config, topics));
  }

  @Override
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of(PublisherTopology.DECISIONS_BY_BRANCH, PostDecision.class);
  }

  /** Refuses to start when posts, incidents and decisions are not partitioned alike. */
  @Override
  protected void beforeStart(ServiceContext context) {
    CoPartitioning.require(context.config(), context.topics());
  }

  @Override
  protected RunningService running(StreamsService streams, ServiceContext context) {
    OutboxPublisher outbox =
        new OutboxPublisher(PublisherSettings.from(context.config()).outboxDirectory());
    return new RunningService() {
      @Override
      public void addRoutes(RoutesConfig routes) {
        routes.get(OUTBOX_ROUTE, ctx -> ctx.json(outbox.entries()));
      }

      @Override
      public void close() {
        streams.close();
      }
    };
  }
}
