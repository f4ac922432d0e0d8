package org.librarycampaign.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.librarycampaign.cli.CampaignCommand;
import org.librarycampaign.platform.config.CampaignConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code campaign run SERVICE} instance in a JVM of its own, as an operator starts it: the same
 * instance id, HTTP port and data directory on every (re)start, so a restart after {@code kill -9}
 * takes its tasks back at once (static membership) and finds its state.
 */
final class Instance implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(Instance.class);

  /** Every instance process still running, destroyed if this JVM exits first (Ctrl-C). */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "instances-stop"));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String service;
  private final Env env;
  private final String instanceId;
  private final Map<String, String> environment;
  private final int port;
  private final Path configFile;
  private Process process;
  private int starts;

  Instance(String service, Env env, String instanceId, Map<String, String> environment) {
    this.service = service;
    this.env = env;
    this.instanceId = instanceId;
    this.environment = Map.copyOf(environment);
    this.port = freePort();
    this.configFile = env.writeConfigFile(instanceId + ".properties");
  }

  String service() {
    return service;
  }

  int port() {
    return port;
  }

  Path log() {
    return env.dir().resolve(instanceId + "-" + starts + ".log");
  }

  synchronized void start() {
    starts++;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CampaignConfig config = env.config();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx320m",
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
                Integer.toString(port),
                "--instance-id",
                instanceId)
            .redirectErrorStream(true)
            .redirectOutput(log().toFile());
    Map<String, String> variables = builder.environment();
    variables.keySet().removeIf(k -> k.startsWith("CAMPAIGN_") || k.startsWith("KAFKA_"));
    variables.put(CampaignConfig.CONFIG_FILE_ENV, configFile.toString());
    // the health-only listener would take another port: not needed here
    variables.put("CAMPAIGN_HTTP_OPS__PORT", "none");
    // a killed instance comes back under the same instance id, which takes its tasks back at once;
    // one that stays away leaves the group after this
    variables.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
    variables.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
    variables.putAll(environment);
    try {
      process = builder.start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start campaign run " + service, e);
    }
    LOGGER
        .atInfo()
        .addKeyValue("service", service)
        .addKeyValue("instance", instanceId)
        .addKeyValue("pid", process.pid())
        .log("Instance started");
  }

  /**
   * Starts each instance and waits until it is ready before the next, holding {@link
   * Env#REGISTRATIONS}: a first start registers the service's subjects.
   */
  static void startOneByOne(List<Instance> instances, Duration timeout) {
    Env.REGISTRATIONS.lock();
    try {
      for (Instance instance : instances) {
        instance.start();
        instance.awaitReady(timeout);
      }
    } finally {
      Env.REGISTRATIONS.unlock();
    }
  }

  /** kill -9, and wait until the process is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(process, Duration.ofSeconds(30));
    RUNNING.remove(process);
    LOGGER
        .atInfo()
        .addKeyValue("service", service)
        .addKeyValue("pid", process.pid())
        .log("Instance killed (kill -9)");
  }

  /** SIGTERM, as an operator stops it, and wait for it to finish. */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(process, Duration.ofSeconds(60))) {
      process.destroyForcibly();
      waitFor(process, Duration.ofSeconds(30));
    }
    RUNNING.remove(process);
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** Whether {@code /ready} answers 200. */
  boolean ready() {
    return status("/ready") == 200;
  }

  /** Blocks until {@code /ready} answers 200; fails early when the process died. */
  Duration awaitReady(Duration timeout) {
    long started = System.nanoTime();
    Awaitility.await(service + " ready")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!alive()) {
                throw new IllegalStateException(
                    "campaign run " + service + " exited: " + tail(log(), 30));
              }
              return ready();
            });
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** The value of a Prometheus counter on {@code /metrics} (summed over its label sets). */
  Optional<Double> metric(String name, String labelFragment) {
    String body = body("/metrics");
    if (body == null) {
      return Optional.empty();
    }
    double sum = 0;
    boolean found = false;
    for (String line : body.split("\n")) {
      if (line.startsWith(name) && line.contains(labelFragment) && !line.startsWith("#")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? Optional.of(sum) : Optional.of(0.0);
  }

  private int status(String path) {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String body(String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public void close() {
    stop();
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
