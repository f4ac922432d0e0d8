package org.librarycampaign.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.ingest.auth.Caller;
import org.librarycampaign.ingest.auth.TokenRegistry;
import org.librarycampaign.ingest.decisions.DecisionLookup;
import org.librarycampaign.ingest.decisions.OwnerLookup;
import org.librarycampaign.ingest.http.IngestApi;
import org.librarycampaign.ingest.write.EventWriter;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.ops.TokenBuckets;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Benchmark, not a test: the CPU time ingest's HTTP threads spend per draft on {@code POST
 * /v1/events}, without a broker. The routes run on the real HTTP server with the real reader,
 * rules, serializers and answers; the producer is a {@link MockProducer} that acknowledges at once
 * and the registry is in memory, so what is counted is ingest's own work per draft: read, check,
 * serialize, answer (docs/PERFORMANCE.md, "The pipeline: ingest's CPU per draft"). The bodies are
 * those of the pipeline benchmark: arrays of 50 PostDrafted of the same shape as ops/bench's {@code
 * Workload}.
 *
 * <pre>
 * ./mvnw -q -o -pl services/ingest -am test-compile
 * ./mvnw -q -o -pl services/ingest dependency:build-classpath \
 *   -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * cd services/ingest && java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *   org.librarycampaign.ingest.IngestCpuBenchmark
 * </pre>
 *
 * System properties: {@code bench.drafts} (200,000 measured, after as many to warm up), {@code
 * bench.clients} (4), {@code bench.batch} (50). Prints the CPU microseconds per draft of the HTTP
 * threads (Jetty's pool) and the wall-clock rate; the rate depends on the machine's load, the CPU
 * time per draft much less.
 */
public final class IngestCpuBenchmark {

  private static final String TOKEN = "cpu-benchmark-admin-token-0001";
  private static final List<String> BRANCHES =
      List.of(
          "eastside",
          "westside",
          "northgate",
          "southfield",
          "riverside",
          "hillcrest",
          "lakeview",
          "midtown");
  private static final List<String> PLATFORMS = List.of("X", "FACEBOOK", "INSTAGRAM");
  private static final List<String> TAGS =
      List.of("#StoryTime", "#NewBooks", "#LibraryLove", "#MakerSpace", "#TeenZone", "#ReadLocal");
  private static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

  private IngestCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    long drafts = Long.getLong("bench.drafts", 200_000);
    int clients = Integer.getInteger("bench.clients", 4);
    int batch = Integer.getInteger("bench.batch", 50);
    TopicCatalogue catalogue = new TopicCatalogue("cpu.", new InMemorySchemaRegistry(), true);
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    EventWriter writer = new EventWriter(producer, catalogue, Duration.ofSeconds(10));
    TokenRegistry tokens = TokenRegistry.builder().add(Caller.ADMIN, TOKEN, "admin").build();
    DecisionLookup noDecisions = postId -> Optional.empty();
    OwnerLookup noOwners = (topic, id) -> Optional.empty();
    IngestApi api =
        new IngestApi(
            tokens,
            new EventJson(),
            writer,
            noDecisions,
            noOwners,
            1 << 20,
            500,
            Duration.ofSeconds(10),
            new TokenBuckets(1e9, 1_000_000_000),
            new SimpleMeterRegistry());
    Readiness readiness = new Readiness();
    try (OpsServer http = OpsServer.start(0, readiness, List.of(api::addRoutes))) {
      URI events = URI.create("http://127.0.0.1:" + http.port() + "/v1/events");
      post(events, "warm", drafts, clients, batch, producer);
      Map<Long, Long> before = httpThreadCpu();
      long started = System.nanoTime();
      post(events, "run", drafts, clients, batch, producer);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<Long, Long> after = httpThreadCpu();
      long cpuNanos = 0;
      for (Map.Entry<Long, Long> thread : after.entrySet()) {
        cpuNanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
      }
      System.out.printf(
          "ingest HTTP threads: %.1f µs CPU per draft; %,.0f drafts/s (%d clients, %d per"
              + " request, %,d drafts)%n",
          cpuNanos / 1e3 / drafts, drafts / seconds, clients, batch, drafts);
    }
  }

  private static void post(
      URI events,
      String run,
      long drafts,
      int clients,
      int batch,
      MockProducer<String, byte[]> producer)
      throws Exception {
    HttpClient client = HttpClient.newHttpClient();
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
                    StringBuilder body = new StringBuilder("[");
                    for (long i = first; i < Math.min(drafts, first + batch); i++) {
                      body.append(i == first ? "" : ",").append(draftLine(run, i));
                    }
                    body.append(']');
                    HttpResponse<String> response =
                        client.send(
                            HttpRequest.newBuilder(events)
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
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
      producer.clear();
    }
  }

  /** As ops/bench's {@code Workload.draftLine}: the pipeline benchmark's drafts. */
  static String draftLine(String run, long index) {
    String branch = BRANCHES.get((int) (index % BRANCHES.size()));
    String platform = PLATFORMS.get((int) ((index / BRANCHES.size()) % PLATFORMS.size()));
    boolean campaign = index % 4 == 3;
    String tag = TAGS.get((int) (index % TAGS.size()));
    Instant scheduled = START.plus(Duration.ofHours(index % 5000));
    Instant drafted = START.minus(Duration.ofDays(30)).plusMillis(index);
    return "{\"type\":\"PostDrafted\",\"postId\":\""
        + run
        + "-"
        + index
        + "\",\"revision\":1,\"branchId\":\""
        + branch
        + "\",\"platform\":\""
        + platform
        + "\",\"category\":\""
        + (campaign ? "CAMPAIGN\",\"campaignId\":\"budget-2027" : "CONTENT")
        + "\",\"text\":\""
        + (campaign
            ? "Speak up for your library at the budget hearing! Tell the county why it matters."
            : "Family story time is back Tuesday at 10! Bring the little ones and a favourite book.")
        + "\",\"hashtags\":[\""
        + tag
        + "\"],\"mentions\":"
        + (campaign ? "[\"@CountyExec\"]" : "[]")
        + ",\"links\":[\"https://"
        + branch
        + ".library.example.org/events/"
        + index
        + "\"],\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://"
        + branch
        + ".library.example.org/img/"
        + index
        + ".jpg\",\"altText\":\"Event photo\"}],\"scheduledAt\":\""
        + scheduled
        + "\",\"author\":\"bench\",\"draftedAt\":\""
        + drafted
        + "\"}";
  }

  /** CPU nanoseconds of each live thread of Jetty's pool (Javalin names it). */
  private static Map<Long, Long> httpThreadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && (info.getThreadName().startsWith("JettyServerThreadPool")
              || info.getThreadName().startsWith("qtp"))) {
        cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return cpu;
  }
}
