package org.librarycampaign.platform.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.HttpOptions;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link CampaignService} as a process of its own ({@code campaign run NAME}), against a
 * cluster and registry that run elsewhere: the service, and its own HTTP server with {@code /live},
 * {@code /ready}, {@code /metrics} and the service's routes. The topics must exist ({@code campaign
 * topics --create}): it creates none of the system's topics.
 */
public final class StandaloneService implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(StandaloneService.class);

  private final String name;
  private final RunningService service;
  private final OpsServer http;

  private StandaloneService(String name, RunningService service, OpsServer http) {
    this.name = name;
    this.service = service;
    this.http = http;
  }

  /** Every service on the class path, by name. */
  public static List<CampaignService> available() {
    return ServiceLoader.load(CampaignService.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(CampaignService::name))
        .toList();
  }

  public static Optional<CampaignService> named(String name) {
    return available().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Starts the service, then its HTTP server as {@link HttpOptions#from} says (port, bind address,
   * read timeout, the health-only listener).
   */
  public static StandaloneService start(CampaignService service, CampaignConfig config) {
    Readiness readiness = new Readiness();
    RunningService running =
        service.start(new ServiceContext(config, TopicCatalogue.forConfig(config), readiness));
    OpsServer http;
    try {
      http = OpsServer.start(HttpOptions.from(config), readiness, List.of(running::addRoutes));
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    LOGGER
        .atInfo()
        .addKeyValue("service", service.name())
        .addKeyValue("instance", config.get(CampaignConfig.INSTANCE_ID).orElse(""))
        .addKeyValue("httpPort", http.port())
        .addKeyValue("bootstrap", config.bootstrapServers())
        .log("Service started");
    return new StandaloneService(service.name(), running, http);
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return http.port();
  }

  public boolean isReady() {
    return http.readiness().isReady();
  }

  /** What the service says about where to find it. */
  public List<String> describe() {
    return service.describe();
  }

  /**
   * Stops the HTTP server first, so that no request and no scrape of {@code /metrics} reads a store
   * the service is closing (a RocksDB store read after its close crashes the JVM), then the service
   * (a Streams client leaves its group).
   */
  @Override
  public void close() {
    try {
      http.close();
    } finally {
      service.close();
    }
    LOGGER.atInfo().addKeyValue("service", name).log("Service stopped");
  }
}
