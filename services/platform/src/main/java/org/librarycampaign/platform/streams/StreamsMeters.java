package org.librarycampaign.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams client's meters in a registry: bound at the start, and taken out, their refresh
 * thread stopped, before the client closes ({@link StreamsService#close}). Stores and tasks made
 * later, in rebalances, reach {@code /metrics} with Micrometer's own refresh, once a minute.
 *
 * <p>Why not bound again at each RUNNING, so that a new store shows at once: tried, and the heap of
 * {@code campaign up} grew by about 450 MiB (native memory tracking: Java heap committed 872 MiB
 * against 405), nine clients each dropping and registering some two thousand meters during the
 * start's rebalances; binding once at the first RUNNING still cost about 150 MiB of resident
 * memory. The stack's memory target counts more than meters a minute early.
 *
 * <p>Why before the close: a refresh (and a scrape) reads every metric the binder holds, store
 * gauges too, and a store read after it closed can crash the JVM. Unbinding stops the binder's
 * refresh thread, waits for a refresh under way, then removes the meters; after {@link #close()}
 * nothing is bound again.
 */
public final class StreamsMeters implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(StreamsMeters.class);

  /** How long an unbind waits for a refresh under way; a refresh reads in-memory values. */
  private static final Duration REFRESH_WAIT = Duration.ofSeconds(10);

  /** One binding of a client's metrics; {@link #close()} takes its meters out of the registry. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  private final String service;
  private final MeterRegistry registry;
  private final Function<MeterRegistry, Binding> bind;

  // guarded by this
  private Binding current;
  private boolean closed;

  /**
   * Binds with {@code bind}, which registers the client's meters and returns how to remove them.
   */
  public StreamsMeters(
      String service, MeterRegistry registry, Function<MeterRegistry, Binding> bind) {
    this.service = service;
    this.registry = registry;
    this.bind = bind;
  }

  /** The client's metrics through Micrometer's {@link KafkaStreamsMetrics}. */
  public static StreamsMeters of(String service, KafkaStreams streams, MeterRegistry registry) {
    return new StreamsMeters(
        service, registry, target -> kafkaStreamsMetrics(service, streams, target));
  }

  private static Binding kafkaStreamsMetrics(
      String service, KafkaStreams streams, MeterRegistry registry) {
    // a scheduler of our own, so that unbinding can wait for the refresh it runs
    ScheduledExecutorService refresh =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "streams-meters-" + service);
              thread.setDaemon(true);
              return thread;
            });
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, Tags.empty(), refresh);
    metrics.bindTo(registry);
    return () -> {
      refresh.shutdownNow();
      try {
        if (!refresh.awaitTermination(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          LOGGER
              .atWarn()
              .addKeyValue("service", service)
              .addKeyValue("waited", REFRESH_WAIT)
              .log("Streams meter refresh still running; removing the meters anyway");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        metrics.close();
      }
    };
  }

  /** Binds the client's meters, unless they are bound or this was closed. */
  public synchronized void bind() {
    if (!closed && current == null) {
      current = bind.apply(registry);
    }
  }

  /** Takes the meters out of the registry, for good: a later {@link #bind()} binds nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
