package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.localruntime.DataDirectoryLock;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.localruntime.StartupCheck;
import org.librarycampaign.localruntime.StartupCheck.PortClaim;
import org.librarycampaign.localruntime.StartupProblem;
import org.librarycampaign.localruntime.SupervisedRegistry;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.HttpOptions;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.SchemaSetup;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process: broker and registry (started side by side), topics and schemas,
 * every {@link CampaignService} on the class path, and the HTTP server. Stops in the reverse order.
 *
 * <p>Before it starts anything it locks the data directory and checks that its ports are free, so
 * that a second stack on the same directory or ports stops at once with a {@link StartupProblem}
 * naming the directory or port and the option that changes it. The registry child is supervised:
 * restarted when it dies, and not ready in {@code /ready} while it is down.
 */
final class LocalStack implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(LocalStack.class);

  /**
   * The instance id of every service in the stack unless configured: one stack per data directory
   * and broker, so a constant is stable across restarts.
   */
  static final String INSTANCE_ID = "up";

  private final long startedAt;
  private final CampaignConfig config;
  private final DataDirectoryLock dataDirLock;
  private final LocalKafkaCluster kafka;
  private final SupervisedRegistry registry;
  private final List<String> serviceNames = new ArrayList<>();
  private final List<RunningService> services = new ArrayList<>();
  private final Readiness readiness = new Readiness();
  private OpsServer http;

  private LocalStack(
      long startedAt,
      CampaignConfig config,
      DataDirectoryLock dataDirLock,
      LocalKafkaCluster kafka,
      SupervisedRegistry registry) {
    this.startedAt = startedAt;
    this.config = config;
    this.dataDirLock = dataDirLock;
    this.kafka = kafka;
    this.registry = registry;
  }

  /**
   * Starts the stack; port 0 means any free port.
   *
   * @throws StartupProblem before anything was started, when the data directory is used by another
   *     stack or cannot be written, or a port is in use
   */
  static LocalStack start(CampaignConfig base, int kafkaPort, int registryPort, PrintWriter out) {
    long startedAt = System.nanoTime();
    DataDirectoryLock dataDirLock = DataDirectoryLock.acquire(base.dataDir(), "--data-dir");
    Path runnerJar;
    try {
      StartupCheck.requireFreePorts(
          List.of(
              new PortClaim(kafkaPort, "Kafka", "--kafka-port"),
              new PortClaim(registryPort, "schema registry", "--registry-port"),
              new PortClaim(base.httpPort(), "HTTP", "--http-port")));
      runnerJar = RegistryProcess.locateRunnerJar();
    } catch (RuntimeException e) {
      dataDirLock.close();
      throw e;
    }
    Path dataDir = dataDirLock.directory();
    out.println("Starting Kafka and the schema registry (data in " + dataDir + ")...");
    out.flush();
    CompletableFuture<SupervisedRegistry> registryStart =
        CompletableFuture.supplyAsync(
            () -> SupervisedRegistry.start(runnerJar, registryPort, dataDir.resolve("registry")));
    LocalKafkaCluster kafka;
    try {
      kafka = LocalKafkaCluster.startInProcess(dataDir.resolve("kafka"), kafkaPort);
    } catch (RuntimeException e) {
      registryStart.thenAccept(SupervisedRegistry::close);
      dataDirLock.close();
      throw e;
    }
    // the topics need the broker only: create them while the registry may still be starting
    CampaignConfig kafkaConfig =
        base.with(
            Map.of(
                CampaignConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(),
                CampaignConfig.DATA_DIR,
                dataDir.toString()));
    CompletableFuture<Void> topicsCreated =
        CompletableFuture.runAsync(() -> createTopics(kafkaConfig, startedAt));
    SupervisedRegistry registry;
    try {
      registry = registryStart.join();
    } catch (RuntimeException e) {
      topicsCreated.exceptionally(ignored -> null).join();
      kafka.close();
      dataDirLock.close();
      throw new IllegalStateException(
          "schema registry did not start: " + e.getCause().getMessage(), e);
    }
    CampaignConfig config =
        kafkaConfig.with(Map.of(CampaignConfig.REGISTRY_URL, registry.confluentApiUrl()));
    if (config.get(CampaignConfig.INSTANCE_ID).isEmpty()) {
      // a static member: after kill -9 the restarted stack takes its tasks back at once, instead
      // of waiting out the dead member's session (45 s) on the broker that restarted with it
      config = config.with(Map.of(CampaignConfig.INSTANCE_ID, INSTANCE_ID));
    }
    LocalStack stack = new LocalStack(startedAt, config, dataDirLock, kafka, registry);
    try {
      stack.startEverythingElse(topicsCreated);
    } catch (RuntimeException e) {
      topicsCreated.exceptionally(ignored -> null).join();
      stack.close();
      throw e;
    }
    return stack;
  }

  /** Creates the topics that are missing; logs how long after the start they were all there. */
  private static void createTopics(CampaignConfig config, long startedAt) {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      List<String> created =
          new TopicAdmin(
                  admin, TopicCatalogue.forConfig(config), TopicSpecs.load(config.topicsFile()))
              .createMissing();
      LOGGER
          .atInfo()
          .addKeyValue("created", created.size())
          .addKeyValue("sinceStartMillis", millisSince(startedAt))
          .log("Topics ready");
    }
  }

  private void startEverythingElse(CompletableFuture<Void> topicsCreated) {
    readiness.register("kafka", () -> new Readiness.State("RUNNING", true));
    readiness.register(
        "schema-registry",
        () -> {
          SupervisedRegistry.Status status = registry.status();
          return new Readiness.State(status.name(), status == SupervisedRegistry.Status.RUNNING);
        });
    TopicCatalogue topics = TopicCatalogue.forConfig(config);
    SchemaSetup.registerAll(topics);
    LOGGER
        .atInfo()
        .addKeyValue("sinceStartMillis", millisSince(startedAt))
        .log("Schemas of the topics registered");
    try {
      topicsCreated.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    ServiceContext context = new ServiceContext(config, topics, readiness);
    startServices(context);
    LOGGER
        .atInfo()
        .addKeyValue("services", serviceNames.size())
        .addKeyValue("sinceStartMillis", millisSince(startedAt))
        .log("Services started");
    http =
        OpsServer.start(
            HttpOptions.from(config),
            readiness,
            services.stream()
                .<java.util.function.Consumer<io.javalin.config.RoutesConfig>>map(s -> s::addRoutes)
                .toList());
  }

  /**
   * Starts every service side by side: a start mostly waits on the broker and the registry (topics,
   * subjects, opening stores), so one after the other added up to a third of a restart's time. They
   * are listed, and closed, in the service loader's order; if one fails, those that started are
   * closed by {@link #close()} and the first failure is thrown.
   */
  private void startServices(ServiceContext context) {
    List<CampaignService> all =
        ServiceLoader.load(CampaignService.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    ExecutorService starter =
        Executors.newFixedThreadPool(
            Math.max(1, all.size()),
            task -> {
              Thread thread = new Thread(task, "campaign-up-start");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<RunningService>> starts = new ArrayList<>();
      for (CampaignService service : all) {
        starts.add(
            starter.submit(
                () -> {
                  long started = System.nanoTime();
                  LOGGER.atInfo().addKeyValue("service", service.name()).log("Starting service");
                  RunningService running = service.start(context);
                  LOGGER
                      .atInfo()
                      .addKeyValue("service", service.name())
                      .addKeyValue("startMillis", millisSince(started))
                      .log("Service started");
                  return running;
                }));
      }
      RuntimeException failure = null;
      for (int i = 0; i < all.size(); i++) {
        try {
          services.add(starts.get(i).get());
          serviceNames.add(all.get(i).name());
        } catch (ExecutionException e) {
          RuntimeException cause =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException(
                      "service " + all.get(i).name() + " did not start", e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the services", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      starter.shutdown();
    }
  }

  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!readiness.isReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not ready after " + timeout + ": " + readiness.states());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to be ready", e);
      }
    }
  }

  CampaignConfig config() {
    return config;
  }

  /** The state of every part, the Streams clients' too, also while and after the stack stops. */
  Readiness readiness() {
    return readiness;
  }

  int httpPort() {
    return http.port();
  }

  SupervisedRegistry registry() {
    return registry;
  }

  String describe() {
    String web = "http://localhost:" + http.port();
    double seconds = (System.nanoTime() - startedAt) / 1e9;
    StringBuilder text = new StringBuilder();
    text.append(String.format("%nCampaign pipeline is up (ready in %.1f s).%n", seconds));
    text.append(String.format("  Kafka broker     %s%n", kafka.bootstrapServers()));
    text.append(String.format("  Schema registry  %s%n", registry.confluentApiUrl()));
    text.append(String.format("  HTTP             %s  (%s/ready, %s/metrics)%n", web, web, web));
    http.opsPort()
        .ifPresent(
            port -> text.append(String.format("  Health, metrics  http://localhost:%d%n", port)));
    text.append(
        String.format(
            "  Services         %s%n",
            serviceNames.isEmpty() ? "(none yet)" : String.join(", ", serviceNames)));
    text.append(String.format("  Data             %s%n", config.dataDir()));
    services.stream()
        .flatMap(s -> s.describe().stream())
        .forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
    text.append(
        String.format("Send events:   java -jar services/cli/target/campaign.jar emit FILE%n"));
    text.append(
        String.format(
            "Read a topic:  java -jar services/cli/target/campaign.jar export campaign.post-decisions --from-beginning%n"));
    text.append("Press Ctrl-C to stop.");
    return text.toString();
  }

  /**
   * Stops the HTTP server first, then the services in reverse order, then the registry, the broker
   * and the lock. The server goes first because its routes and {@code /metrics} read the services'
   * Kafka Streams stores: a read that reaches a RocksDB store after the store closed crashes the
   * JVM (SIGSEGV in {@code WriteBatch.getDataSize} through a store gauge, twice while {@code
   * campaign up} stopped).
   */
  @Override
  public void close() {
    if (http != null) {
      closeQuietly("http", http);
    }
    for (int i = services.size() - 1; i >= 0; i--) {
      closeQuietly("service " + serviceNames.get(i), services.get(i));
    }
    closeQuietly("schema registry", registry);
    closeQuietly("kafka", kafka);
    closeQuietly("data directory lock", dataDirLock);
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static void closeQuietly(String what, AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOGGER.atWarn().addKeyValue("part", what).setCause(e).log("Error while stopping");
    }
  }
}
