package org.librarycampaign.dispatcher;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.dispatcher.channel.Outbox;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.service.StreamsCampaignService;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The dispatcher as a service of {@code campaign up}: its topology run with the shared Streams
 * settings (exactly-once, dead letters), and {@code GET /api/dispatcher/outbox} listing what went
 * to the local outbox.
 *
 * <p>It offers no topology to {@code campaign plan}: a dry run must not send mail or call webhooks,
 * and delivery outcomes arrive from other threads, which a repeatable dry run cannot wait for.
 */
public final class DispatcherService extends StreamsCampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "dispatcher";

  public static final String OUTBOX_ROUTE = "/api/dispatcher/outbox";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    return DispatcherTopology.buildTopology(config, topics);
  }

  @Override
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of(
        DispatchProcessor.PENDING_STORE,
        Notification.class,
        DispatchProcessor.RECEIPTS_STORE,
        DeliveryReceipt.class);
  }

  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.empty();
  }

  @Override
  protected RunningService running(StreamsService streams, ServiceContext context) {
    Outbox outbox = new Outbox(DispatcherSettings.from(context.config()).outboxDirectory());
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
