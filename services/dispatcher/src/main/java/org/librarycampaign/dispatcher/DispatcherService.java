package org.librarycampaign.dispatcher;

import io.javalin.config.RoutesConfig;
import org.librarycampaign.dispatcher.channel.Outbox;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;

/**
 * The dispatcher as a {@link CampaignService}: its topology run with the shared Streams settings
 * (exactly-once, dead letters), and {@code GET /api/dispatcher/outbox} listing what went to the
 * local outbox.
 *
 * <p>It offers no topology to {@code campaign plan}: a dry run must not send mail or call webhooks,
 * and delivery outcomes arrive from other threads, which a repeatable dry run cannot wait for.
 */
public final class DispatcherService implements CampaignService {

  public static final String NAME = "dispatcher";
  public static final String OUTBOX_ROUTE = "/api/dispatcher/outbox";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RunningService start(ServiceContext context) {
    DispatcherSettings settings = DispatcherSettings.from(context.config());
    StreamsService streams =
        new StreamsService(
            NAME,
            DispatcherTopology.buildTopology(context.config(), context.topics()),
            StreamsSettings.forService(context.config(), NAME, context.topics()));
    streams.start(context.readiness());
    Outbox outbox = new Outbox(settings.outboxDirectory());
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
