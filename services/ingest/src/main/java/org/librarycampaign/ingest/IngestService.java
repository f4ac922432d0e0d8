package org.librarycampaign.ingest;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Metrics;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.librarycampaign.ingest.auth.DevelopmentTokens;
import org.librarycampaign.ingest.auth.TokenRegistry;
import org.librarycampaign.ingest.auth.TokensFile;
import org.librarycampaign.ingest.decisions.DecisionView;
import org.librarycampaign.ingest.decisions.DecisionViewTopology;
import org.librarycampaign.ingest.http.IngestApi;
import org.librarycampaign.ingest.incidents.IncidentView;
import org.librarycampaign.ingest.respond.ResponderRoutes;
import org.librarycampaign.ingest.respond.ResponderSettings;
import org.librarycampaign.ingest.write.EventWriter;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.ops.HttpOptions;
import org.librarycampaign.platform.ops.TokenBuckets;
import org.librarycampaign.platform.security.KafkaAccess;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest API as a service of {@code campaign up}: its producer, its view of the post decisions
 * and its routes under {@code /v1} on the process's HTTP server.
 */
public final class IngestService implements CampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "ingest";

  private static final Logger LOGGER = LoggerFactory.getLogger(IngestService.class);

  @Override
  public String name() {
    return NAME;
  }

  /** Its producer writes every input event's topic; its decision view reads the decisions. */
  @Override
  public KafkaAccess kafkaAccess(CampaignConfig config, TopicCatalogue topics) {
    List<String> inputTopics =
        EventType.inputs().stream().map(type -> topics.name(type.topic())).distinct().toList();
    return KafkaAccess.of(DecisionViewTopology.buildTopology(config, topics))
        .alsoWriting(inputTopics);
  }

  @Override
  public RunningService start(ServiceContext context) {
    CampaignConfig config = context.config();
    IngestSettings settings = IngestSettings.from(config);
    TokenRegistry tokens = loadTokens(settings, config.dataDir());
    EventWriter writer =
        EventWriter.create(
            config, context.topics(), config.applicationId(NAME), settings.sendTimeout());
    DecisionView decisions;
    try {
      decisions = DecisionView.start(NAME, config, context.topics(), context.readiness());
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
    IngestApi api =
        new IngestApi(
            tokens,
            new EventJson(),
            writer,
            decisions,
            decisions,
            settings.maxBodyBytes(),
            settings.maxEventsPerRequest(),
            HttpOptions.from(config).readTimeout(),
            new TokenBuckets(settings.ratePerSecond(), settings.rateBurst()),
            Metrics.globalRegistry);
    ResponderRoutes responders = responderRoutes(config, tokens, writer, decisions, settings);
    return new RunningService() {
      @Override
      public void addRoutes(RoutesConfig routes) {
        api.addRoutes(routes);
        responders.addRoutes(routes);
      }

      @Override
      public List<String> describe() {
        String tokensFile =
            settings
                .tokensFile()
                .orElse(config.dataDir().resolve(IngestSettings.DEV_TOKENS_FILE_NAME))
                .toAbsolutePath()
                .toString();
        return List.of(
            String.format(
                "Ingest API       http://localhost:%d/v1 (OpenAPI: /v1/openapi.json)",
                config.httpPort()),
            String.format("Ingest tokens    %s", tokensFile));
      }

      @Override
      public void close() {
        try {
          decisions.close();
        } finally {
          writer.close();
        }
      }
    };
  }

  /** Acknowledge links, SMS replies and the timeline, over the incident view of the client. */
  private static ResponderRoutes responderRoutes(
      CampaignConfig config,
      TokenRegistry tokens,
      EventWriter writer,
      DecisionView views,
      IngestSettings settings) {
    ResponderSettings responder = ResponderSettings.from(config);
    if (responder.links().usesDevelopmentKey()) {
      LOGGER
          .atWarn()
          .addKeyValue("key", AckLinks.KEYS)
          .log("Acknowledge links use the development key; set your own keys on a shared machine");
    }
    return new ResponderRoutes(
        responder,
        new IncidentView(views::streams),
        writer,
        tokens,
        new TokenBuckets(settings.ratePerSecond(), settings.rateBurst()),
        Metrics.globalRegistry,
        Clock.systemUTC());
  }

  /**
   * The tokens file of the config; without one, the development tokens under the data directory
   * (made on first use), unless {@code campaign.ingest.dev-tokens} is false.
   */
  public static TokenRegistry loadTokens(IngestSettings settings, Path dataDir) {
    if (settings.tokensFile().isPresent()) {
      Path file = settings.tokensFile().get();
      TokenRegistry tokens = TokensFile.read(file);
      LOGGER
          .atInfo()
          .addKeyValue("file", file.toAbsolutePath())
          .addKeyValue("tokens", tokens.size())
          .log("Ingest tokens loaded");
      return tokens;
    }
    if (!settings.developmentTokens()) {
      throw new IllegalStateException(
          "no ingest tokens: set "
              + IngestSettings.TOKENS_FILE
              + " (or allow development tokens with "
              + IngestSettings.DEV_TOKENS
              + "=true)");
    }
    Path file = dataDir.resolve(IngestSettings.DEV_TOKENS_FILE_NAME).toAbsolutePath();
    TokenRegistry tokens =
        DevelopmentTokens.loadOrCreate(file, settings.developmentBranches(), new SecureRandom());
    LOGGER
        .atWarn()
        .addKeyValue("file", file)
        .addKeyValue("branches", tokens.branches())
        .log("Ingest API uses development tokens; read them from the file");
    return tokens;
  }
}
