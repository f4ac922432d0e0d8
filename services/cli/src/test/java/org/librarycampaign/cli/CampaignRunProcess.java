package org.librarycampaign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * Starts {@code campaign run SERVICE} as a JVM of its own on the test's class path, as an operator
 * would start an instance, for the integration tests that stop and kill instances.
 */
final class CampaignRunProcess {

  private CampaignRunProcess() {}

  /**
   * @param config where the instance connects and keeps its data (bootstrap, registry, data and
   *     state directories)
   * @param environment further {@code CAMPAIGN_*}/{@code KAFKA_*} settings for this instance
   */
  static Process start(
      String service,
      CampaignConfig config,
      int httpPort,
      Path log,
      Map<String, String> environment)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CampaignCommand.class.getName(),
                "run",
                service,
                "--bootstrap",
                config.bootstrapServers(),
                "--registry",
                config.registryUrl(),
                "--http-port",
                Integer.toString(httpPort))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("CAMPAIGN_") || k.startsWith("KAFKA_"));
    env.put("HOSTNAME", "it-host");
    env.put("CAMPAIGN_DATA_DIR", config.dataDir().toString());
    env.put("CAMPAIGN_STATE_DIR", config.stateDir().toString());
    // the health-only listener would take the port ten above a free one: not needed here
    env.put("CAMPAIGN_HTTP_OPS__PORT", "none");
    env.putAll(environment);
    return builder.start();
  }

  /**
   * The resident memory of a running instance in MB ({@code VmRSS} of {@code /proc/<pid>/status}),
   * or -1 where there is no such file (not Linux) or the process has ended.
   */
  static long residentMegabytes(Process process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
