package org.librarycampaign.dispatcher;

import java.util.List;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.HttpOptions;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher as a process of its own, configured from the environment ({@code CAMPAIGN_*},
 * {@code KAFKA_*}, or a file named by {@code CAMPAIGN_CONFIG_FILE}); the topics must exist ({@code
 * campaign topics}). Serves {@code /live}, {@code /ready}, {@code /metrics} and the outbox route on
 * {@code campaign.http.port}. Stops cleanly on SIGTERM.
 */
public final class DispatcherMain {

  private static final Logger LOGGER = LoggerFactory.getLogger(DispatcherMain.class);

  private DispatcherMain() {}

  public static void main(String[] args) {
    CampaignConfig config = CampaignConfig.fromEnvironment();
    TopicCatalogue topics = TopicCatalogue.forConfig(config);
    Readiness readiness = new Readiness();
    RunningService dispatcher =
        new DispatcherService().start(new ServiceContext(config, topics, readiness));
    OpsServer http =
        OpsServer.start(HttpOptions.from(config), readiness, List.of(dispatcher::addRoutes));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.close();
                  dispatcher.close();
                },
                "dispatcher-stop"));
    LOGGER
        .atInfo()
        .addKeyValue("httpPort", http.port())
        .addKeyValue("bootstrap", config.bootstrapServers())
        .log("Dispatcher started");
  }
}
