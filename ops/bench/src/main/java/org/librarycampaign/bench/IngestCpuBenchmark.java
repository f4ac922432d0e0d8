package org.librarycampaign.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * The CPU time ingest's HTTP threads spend per draft on {@code POST /v1/events}, without a broker.
 * The routes run on the real HTTP server with the real reader, rules, serializers and answers; the
 * producer is a {@link MockProducer} that acknowledges at once and the registry is in memory, so
 * what is counted is ingest's own work per draft: read, check, serialize, answer
 * (docs/PERFORMANCE.md, "The pipeline: ingest's CPU per draft"). The bodies and the clients are the
 * pipeline phase's: {@link Workload#draftArray} posted by {@link PipelinePhase#postDrafts}.
 *
 * <p>Run through {@code ops/bench/run --ingest-cpu [-Dbench.drafts=N]} after {@code ./mvnw -q
 * -DskipTests package}. System properties: {@code bench.drafts} (200,000 measured, after as many to
 * warm up), {@code bench.clients} ({@link PipelinePhase#CLIENTS}), {@code bench.batch} ({@link
 * PipelinePhase#BATCH}). Prints the CPU microseconds per draft of the HTTP threads (Jetty's pool)
 * and the wall-clock rate; the rate depends on the machine's load, the CPU time per draft much
 * less.
 */
public final class IngestCpuBenchmark {

  private static final String TOKEN = "cpu-benchmark-admin-token-0001";

  private IngestCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    long drafts = Long.getLong("bench.drafts", 200_000);
    int clients = Integer.getInteger("bench.clients", PipelinePhase.CLIENTS);
    int batch = Integer.getInteger("bench.batch", PipelinePhase.BATCH);
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
    Workload workload = new Workload();
    Readiness readiness = new Readiness();
    try (OpsServer http = OpsServer.start(0, readiness, List.of(api::addRoutes))) {
      URI events = URI.create("http://127.0.0.1:" + http.port() + "/v1/events");
      post(events, workload, "warm", drafts, clients, batch, producer);
      ThreadCpu cpu = new ThreadCpu(PipelinePhase::group);
      long started = System.nanoTime();
      post(events, workload, "run", drafts, clients, batch, producer);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = cpu.seconds().getOrDefault(PipelinePhase.INGEST_HTTP, 0.0);
      System.out.printf(
          "ingest HTTP threads: %.1f µs CPU per draft; %,.0f drafts/s (%d clients, %d per"
              + " request, %,d drafts)%n",
          cpuSeconds * 1e6 / drafts, drafts / seconds, clients, batch, drafts);
    }
  }

  /** The pipeline phase's posting; the records the mock producer kept are dropped after it. */
  private static void post(
      URI events,
      Workload workload,
      String run,
      long drafts,
      int clients,
      int batch,
      MockProducer<String, byte[]> producer)
      throws Exception {
    try {
      PipelinePhase.postDrafts(events, TOKEN, workload, run, drafts, clients, batch);
    } finally {
      producer.clear();
    }
  }
}
