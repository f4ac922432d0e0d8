package org.librarycampaign.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The whole path a draft takes: {@code POST /v1/events} to the ingest service (through the SPI, on
 * an HTTP server as {@code campaign up} runs it), the broker, governance, a decision a reader sees
 * (read_committed). Drafts are sent in arrays of {@link #BATCH} by {@link #CLIENTS} concurrent
 * clients, as fast as the API accepts them; the rate is drafts per second from the first request to
 * the last decision.
 */
final class PipelinePhase {

  /**
   * The measured window: its rate (from the first request to the last decision), the rate at which
   * ingest answered 202 (from the first request to the last answer), and the CPU time each group of
   * threads spent per draft in the window (microseconds; {@link ThreadCpu}).
   */
  record Result(
      Measured measured, double acceptedPerSecond, Map<String, Double> cpuMicrosPerDraft) {}

  static final int BATCH = 50;

  /** The {@link #group} of ingest's HTTP threads (Jetty's pool; Javalin names it). */
  static final String INGEST_HTTP =
      "ingest HTTP (Jetty threads: read, check, serialize, send, answer)";

  static final int CLIENTS = 4;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final BenchStack stack;
  private final Workload workload;

  PipelinePhase(BenchStack stack, Workload workload) {
    this.stack = stack;
    this.workload = workload;
  }

  Result run(long warmupDrafts, double windowSeconds) throws Exception {
    CampaignConfig config =
        stack.scenario(
            "pl",
            Map.of(
                "campaign.ingest.dev-branches",
                String.join(",", Workload.BRANCHES),
                // the benchmark's clients share one token: the per-token limit (20 a second by
                // default, services/ingest/README.md) would measure the limit, not the pipeline
                "campaign.ingest.rate-limit.per-second",
                "1000000",
                "campaign.ingest.rate-limit.burst",
                "1000000"));
    TopicCatalogue catalogue = stack.createTopics(config);
    Readiness readiness = new Readiness();
    try (OutputCounter decisions =
            new OutputCounter(config, catalogue.postDecisions().name(), (k, t) -> {});
        RunningService governance =
            ServiceRunner.start("governance", config, catalogue, readiness);
        RunningService ingest = ServiceRunner.start("ingest", config, catalogue, readiness);
        OpsServer http = OpsServer.start(0, readiness, List.of(ingest::addRoutes))) {
      ServiceRunner.awaitReady(readiness);
      String token = adminToken(config);
      URI events = URI.create("http://127.0.0.1:" + http.port() + "/v1/events");

      long warmStart = System.nanoTime();
      postDrafts(events, token, workload, "plw", warmupDrafts, CLIENTS, BATCH);
      long warmEnd = decisions.await(decisions::distinctKeys, warmupDrafts, TIMEOUT);
      double warmRate = warmupDrafts / ((warmEnd - warmStart) / 1e9);
      System.out.printf(
          "  %-18s %-9s %,9d drafts  in %6.2f s: %,9.0f drafts/s%n",
          "pipeline", "warm-up", warmupDrafts, (warmEnd - warmStart) / 1e9, warmRate);

      long drafts = Math.max(warmupDrafts, (long) (warmRate * windowSeconds * 2.5));
      long calls = stack.registryRequests();
      double requestsBefore = producerMetric("request-total");
      ThreadCpu cpu = new ThreadCpu(PipelinePhase::group);
      long started = System.nanoTime();
      postDrafts(events, token, workload, "pl", drafts, CLIENTS, BATCH);
      long accepted = System.nanoTime();
      long finished = decisions.await(decisions::distinctKeys, warmupDrafts + drafts, TIMEOUT);
      Map<String, Double> cpuMicros = new LinkedHashMap<>();
      cpu.seconds().forEach((group, s) -> cpuMicros.put(group, s * 1e6 / drafts));
      double seconds = (finished - started) / 1e9;
      double acceptedPerSecond = drafts / ((accepted - started) / 1e9);
      Measured measured =
          new Measured(
              "pipeline",
              drafts,
              seconds,
              drafts / seconds,
              drafts / seconds,
              stack.registryRequests() - calls,
              drafts);
      System.out.printf(
          "  %-18s %-9s %,9d drafts  in %6.2f s: %,9.0f drafts/s%n",
          "pipeline", "measured", drafts, seconds, measured.recordsPerSecond());
      System.out.printf(
          "  %-18s %-9s %,9d drafts  in %6.2f s: %,9.0f drafts/s answered 202%n",
          "pipeline", "accepted", drafts, (accepted - started) / 1e9, acceptedPerSecond);
      System.out.printf(
          "  CPU per draft (µs), by thread group: %.0f in all%n",
          cpuMicros.values().stream().mapToDouble(Double::doubleValue).sum());
      cpuMicros.forEach((group, micros) -> System.out.printf("    %7.1f  %s%n", micros, group));
      System.out.printf(
          "  ingest producer: %.2f drafts per produce request%n",
          drafts / (producerMetric("request-total") - requestsBefore));
      return new Result(measured, acceptedPerSecond, cpuMicros);
    }
  }

  /**
   * Posts drafts {@code 0} to {@code drafts - 1} of a run ({@link Workload#draftArray}) to {@code
   * events} in arrays of {@code batch}, from {@code clients} concurrent clients, each sending its
   * next array when ingest answered the last; returns when every array was answered 202, and fails
   * on any other answer.
   */
  static void postDrafts(
      URI events, String token, Workload workload, String run, long drafts, int clients, int batch)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (long first = next.getAndAdd(batch);
                      first < drafts;
                      first = next.getAndAdd(batch)) {
                    String body = workload.draftArray(run, first, Math.min(drafts, first + batch));
                    HttpResponse<String> response =
                        client.send(
                            HttpRequest.newBuilder(events)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                      throw new IllegalStateException(
                          "ingest answered " + response.statusCode() + ": " + response.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A metric of ingest's producer (client id {@code bench-pl-ingest}, from the scenario's
   * application id prefix), read through JMX; NaN when there is none.
   */
  private static double producerMetric(String name) {
    try {
      Object value =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new ObjectName("kafka.producer:type=producer-metrics,client-id=bench-pl-ingest"),
                  name);
      return value instanceof Number number ? number.doubleValue() : Double.NaN;
    } catch (JMException e) {
      return Double.NaN;
    }
  }

  /** The group of a thread of this JVM, by its name, for {@link ThreadCpu}. */
  static String group(String thread) {
    if (thread.startsWith("JettyServerThreadPool") || thread.startsWith("qtp")) {
      return INGEST_HTTP;
    }
    if (thread.contains("producer-network-thread | bench-pl-ingest")) {
      return "ingest producer (network thread)";
    }
    if (thread.contains("bench-pl-ingest")) {
      return "ingest views (its Streams client: decisions, incidents)";
    }
    if (thread.contains("bench-pl-governance")) {
      return "governance (its Streams client)";
    }
    if (thread.startsWith("HttpClient") || thread.startsWith("pool-")) {
      return "load: HTTP clients";
    }
    if (thread.startsWith("bench-output-")) {
      return "load: decision reader";
    }
    return "broker, registry proxy, JVM";
  }

  /** The admin token of the development tokens file the ingest service made. */
  private static String adminToken(CampaignConfig config) throws IOException {
    Properties tokens = new Properties();
    try (Reader reader =
        Files.newBufferedReader(config.dataDir().resolve("ingest-tokens.properties"))) {
      tokens.load(reader);
    }
    return tokens.getProperty("admin");
  }
}
