package org.librarycampaign.ingest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: accepted events per second and request latency of {@code POST /v1/events}
 * against the real broker and registry (in this JVM, as in the integration tests, so they share its
 * CPU). Several clients send in a loop for a fixed time after a warm-up; each request carries
 * {@code bench.batch} PostDrafted events with fresh ids.
 *
 * <pre>
 * ./mvnw -o -q -pl services/ingest test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Dbench.seconds=10 -cp %classpath org.librarycampaign.ingest.IngestBenchmark"
 * </pre>
 *
 * System properties: {@code bench.seconds} (10), {@code bench.warmup-seconds} (3), {@code
 * bench.clients} (4), {@code bench.batch} (1).
 */
public final class IngestBenchmark {

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 3));
    int clients = Integer.getInteger("bench.clients", 4);
    int batch = Integer.getInteger("bench.batch", 1);
    System.out.printf(
        "ingest benchmark: POST /v1/events, %d clients, %d event(s) per request, %d s warm-up, %d s measured%n",
        clients, batch, warmup.toSeconds(), measured.toSeconds());
    int status = 0;
    try (IngestHarness ingest = IngestHarness.start("ingest-bench", Map.of())) {
      run(ingest, clients, batch, warmup);
      Result result = run(ingest, clients, batch, measured);
      System.out.println(result.describe(measured));
      status = result.failed > 0 ? 1 : 0;
    } catch (RuntimeException e) {
      e.printStackTrace();
      status = 2;
    }
    // the shared broker and registry are stopped by their shutdown hook
    System.exit(status);
  }

  private static final AtomicLong IDS = new AtomicLong();

  private record Result(long requests, long events, long failed, long[] latenciesNanos) {
    String describe(Duration measured) {
      double seconds = measured.toMillis() / 1000.0;
      Arrays.sort(latenciesNanos);
      return String.format(
          "accepted %d events in %d requests (%d refused or failed)%n"
              + "  events/s    %.0f%n"
              + "  requests/s  %.0f%n"
              + "  latency ms  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
          events,
          requests,
          failed,
          events / seconds,
          requests / seconds,
          percentile(0.50),
          percentile(0.90),
          percentile(0.99),
          latenciesNanos.length == 0 ? 0 : latenciesNanos[latenciesNanos.length - 1] / 1e6);
    }

    private double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, index)] / 1e6;
    }
  }

  private static Result run(IngestHarness ingest, int clients, int batch, Duration duration)
      throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      AtomicLong failed = new AtomicLong();
      for (int c = 0; c < clients; c++) {
        results.add(
            pool.submit(
                () -> {
                  long[] latencies = new long[1024];
                  int count = 0;
                  while (System.nanoTime() < end) {
                    String body = body(batch);
                    long start = System.nanoTime();
                    HttpResponse<String> response =
                        ingest.post("/v1/events", IngestHarness.EASTSIDE, body);
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 202) {
                      failed.incrementAndGet();
                      continue;
                    }
                    if (count == latencies.length) {
                      latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                  }
                  return Arrays.copyOf(latencies, count);
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> result : results) {
        all.add(result.get());
      }
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
      return new Result(latencies.length, (long) latencies.length * batch, failed.get(), latencies);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String body(int batch) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < batch; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(
          Samples.with(Samples.POST_DRAFTED, Map.of("postId", "bench-" + IDS.incrementAndGet())));
    }
    return body.append(']').toString();
  }
}
