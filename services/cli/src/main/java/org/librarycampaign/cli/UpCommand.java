package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.librarycampaign.platform.config.CampaignConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts everything on this machine: a Kafka broker (KRaft), the schema registry, the",
      "topics, every service, and the HTTP server (health, metrics, APIs). Ctrl-C stops it all.",
      "Data survives a restart in the data directory."
    })
final class UpCommand implements Callable<Integer> {

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

  @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default: 8080).")
  Integer httpPort;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (campaign.* keys and Kafka client properties).")
  Path configFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> explicit = new HashMap<>();
    if (dataDir != null) {
      explicit.put(CampaignConfig.DATA_DIR, dataDir.toString());
    }
    if (httpPort != null) {
      explicit.put(CampaignConfig.HTTP_PORT, httpPort.toString());
    }
    CampaignConfig base =
        CampaignConfig.load(java.util.Optional.ofNullable(configFile), System.getenv(), explicit);
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack stack = LocalStack.start(base, kafkaPort, registryPort, out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping...");
                  out.flush();
                  stack.close();
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "campaign-up-stop"));
    stack.awaitReady(Duration.ofSeconds(60));
    out.println(stack.describe());
    out.flush();
    stopped.await();
    return 0;
  }
}
