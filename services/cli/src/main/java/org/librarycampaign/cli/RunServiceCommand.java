package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.StandaloneService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code campaign run NAME}: one service, its HTTP server, and a shutdown hook that stops both (a
 * Streams client leaves its group, so the other instances take its tasks over at once).
 */
@Command(mixinStandardHelpOptions = true)
final class RunServiceCommand implements Callable<Integer> {

  private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  @Mixin ClusterOptions cluster;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "HTTP port: /live, /ready, /metrics, the service's API (default: 8080). Also the port"
              + " of the links it writes unless campaign.public.url is set.")
  Integer httpPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the service keeps its data; its Streams state goes under"
              + " <data dir>/streams-state/<service>/<instance> (default: ./campaign-data).")
  Path dataDir;

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description =
          "This instance's name among those of the service: its static group membership (a"
              + " restart takes its tasks back at once) and its state directory. Default:"
              + " campaign.instance.id (CAMPAIGN_INSTANCE_ID), else <host>-<service>-<http port>.")
  String instanceId;

  @Spec CommandSpec spec;

  private final CampaignService service;

  RunServiceCommand(CampaignService service) {
    this.service = service;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CampaignConfig config = config();
    StandaloneService running = StandaloneService.start(service, config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  out.println("Stopped " + service.name() + ".");
                  out.flush();
                  stopped.countDown();
                },
                "campaign-run-stop"));
    out.printf(
        "Running %s as instance %s: http://localhost:%d (/ready, /metrics).%n",
        service.name(), config.get(CampaignConfig.INSTANCE_ID).orElseThrow(), running.httpPort());
    running.describe().forEach(line -> out.println("  " + line));
    out.flush();
    stopped.await();
    return 0;
  }

  CampaignConfig config() {
    Map<String, String> explicit = new HashMap<>();
    if (httpPort != null) {
      explicit.put(CampaignConfig.HTTP_PORT, httpPort.toString());
    }
    if (dataDir != null) {
      explicit.put(CampaignConfig.DATA_DIR, dataDir.toString());
    }
    if (instanceId != null) {
      explicit.put(CampaignConfig.INSTANCE_ID, instanceId);
    }
    CampaignConfig configured = cluster.config(explicit);
    // links on the port this instance serves, when given on the command line; without the flag
    // the configuration alone decides, as for every other instance of the service
    CampaignConfig config =
        httpPort == null ? configured : OwnPublicUrl.onPort(configured, httpPort);
    String instance =
        config
            .get(CampaignConfig.INSTANCE_ID)
            .orElseGet(
                () ->
                    derivedInstanceId(
                        hostName(), service.name(), config.httpPort(), ProcessHandle.current()));
    if (!INSTANCE_ID.matcher(instance).matches()) {
      throw new BadInputException(
          "instance id '" + instance + "' must be letters, digits, '.', '_' or '-'");
    }
    return config.with(Map.of(CampaignConfig.INSTANCE_ID, instance));
  }

  /**
   * Host, service and HTTP port: stable across restarts on one host, and distinct for two instances
   * there (they cannot share a port). With port 0 (any free one), the process id stands in for it.
   */
  static String derivedInstanceId(String host, String service, int port, ProcessHandle process) {
    String distinct = port == 0 ? "pid" + process.pid() : Integer.toString(port);
    String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    return safeHost + "-" + service + "-" + distinct;
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
