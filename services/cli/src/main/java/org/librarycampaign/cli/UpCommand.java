package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.librarycampaign.dashboard.demo.DemoCampaign;
import org.librarycampaign.platform.config.CampaignConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts everything on this machine: a Kafka broker (KRaft), the schema",
      "registry, the topics, every service, and the HTTP server (health, metrics,",
      "APIs). Ctrl-C stops it all. Data survives a restart in the data directory.",
      "A registry child that dies is started again. A port in use, or a data",
      "directory another campaign up holds: nothing starts, and the exit code is 2."
    })
final class UpCommand implements Callable<Integer> {

  private static final String DEMO_ACK_TIMEOUT_UNIT = "campaign.crisis.ack-timeout-unit";

  /** Branches that get a development ingest token when none are configured. */
  private static final String DEV_BRANCHES = "campaign.ingest.dev-branches";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the broker, the registry and the services keep their data (default: ./campaign-data).")
  Path dataDir;

  @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port (default: 9092).")
  int kafkaPort = 9092;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      description = "Schema registry port (default: 8081).")
  int registryPort = 8081;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "HTTP port (default: 8080); also the port of the acknowledge and calendar links unless"
              + " campaign.public.url is set.")
  Integer httpPort;

  @Option(
      names = "--demo",
      description = {
        "Also feed a realistic multi-branch campaign through the ingest API at a watchable pace:",
        "open http://localhost:8080/ and watch. Response-plan timeouts count in half-minutes, so",
        "the demo's incident escalates within the first minute."
      })
  boolean demo;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (campaign.* keys and Kafka client properties).")
  Path configFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CampaignConfig base = config();
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack stack = LocalStack.start(base, kafkaPort, registryPort, out);
    AtomicReference<DemoCampaign> feeder = new AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping...");
                  out.flush();
                  DemoCampaign running = feeder.get();
                  if (running != null) {
                    running.close();
                  }
                  stack.close();
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "campaign-up-stop"));
    stack.awaitReady(Duration.ofSeconds(60));
    out.println(stack.describe());
    if (demo) {
      DemoCampaign running = DemoCampaign.startLocal(stack.config(), stack.httpPort());
      feeder.set(running);
      // the story's posts and milestones are in the coming week, so that they are all still to
      // come whatever the day (services/dashboard/README.md, campaign up --demo)
      out.printf(
          "Demo campaign running: open http://localhost:%d/ to watch it"
              + " (its week: http://localhost:%d/?week=%s#calendar).%n",
          stack.httpPort(), stack.httpPort(), running.week());
    }
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * The stack's configuration: the options over the file and the environment, then what {@code up}
   * sets when nothing is configured (development branches, 127.0.0.1, the demo's half-minutes, and
   * links on the stack's own HTTP port).
   */
  CampaignConfig config() {
    Map<String, String> explicit = new HashMap<>();
    if (dataDir != null) {
      explicit.put(CampaignConfig.DATA_DIR, dataDir.toString());
    }
    if (httpPort != null) {
      explicit.put(CampaignConfig.HTTP_PORT, httpPort.toString());
    }
    CampaignConfig base =
        CampaignConfig.load(Optional.ofNullable(configFile), System.getenv(), explicit);
    if (base.get(DEV_BRANCHES).isEmpty()) {
      base = base.with(Map.of(DEV_BRANCHES, "eastside,westside,northgate,riverside"));
    }
    if (base.get(CampaignConfig.HTTP_BIND_ADDRESS).isEmpty()) {
      base = base.with(Map.of(CampaignConfig.HTTP_BIND_ADDRESS, "127.0.0.1"));
    }
    if (demo && base.get(DEMO_ACK_TIMEOUT_UNIT).isEmpty()) {
      base = base.with(Map.of(DEMO_ACK_TIMEOUT_UNIT, "30s"));
    }
    return OwnPublicUrl.onPort(base, base.httpPort());
  }
}
