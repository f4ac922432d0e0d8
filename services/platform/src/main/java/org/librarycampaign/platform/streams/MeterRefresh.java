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
 * A Kafka Streams client's meters in a registry: bound at the start, bound again each time the
 * client reaches RUNNING, and taken out before the client closes ({@link StreamsService#close}).
 *
 * <p>Why again at RUNNING: the client's metrics change with its tasks and stores, which are made
 * during a rebalance, and Micrometer's binder looks for new ones only once a minute; bound afresh
 * when the rebalance is over, {@code /metrics} has the stores of the tasks the client has now, and
 * not those of the tasks it gave away.
 *
 * <p>Why before the close: a refresh (and a scrape) reads every metric the binder holds, store
 * gauges too, and a store read after it closed can crash the JVM. Unbinding stops the binder's
 * refresh thread, waits for a refresh under way, then removes the meters; after {@link #close()}
 * nothing is bound again, whatever state the client reports next.
 */
public final class MeterRefresh implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(MeterRefresh.class);

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
  private int bindings;

  /**
   * Binds with {@code bind}, which registers the client's meters and returns how to remove them.
   */
  public MeterRefresh(
      String service, MeterRegistry registry, Function<MeterRegistry, Binding> bind) {
    this.service = service;
    this.registry = registry;
    this.bind = bind;
  }

  /** The client's metrics through Micrometer's {@link KafkaStreamsMetrics}. */
  public static MeterRefresh of(String service, KafkaStreams streams, MeterRegistry registry) {
    return new MeterRefresh(
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
      bindings++;
    }
  }

  /** For the client's state listener: binds afresh when the client reaches RUNNING. */
  public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    if (now == KafkaStreams.State.RUNNING) {
      rebind(before);
    }
  }

  private synchronized void rebind(KafkaStreams.State before) {
    if (closed) {
      return;
    }
    unbind();
    bind();
    LOGGER
        .atDebug()
        .addKeyValue("service", service)
        .addKeyValue("from", before)
        .addKeyValue("bindings", bindings)
        .log("Streams meters bound again");
  }

  /** How often the meters were bound; for tests and logs. */
  synchronized int bindings() {
    return bindings;
  }

  private void unbind() {
    if (current != null) {
      Binding binding = current;
      current = null;
      binding.close();
    }
  }

  /** Takes the meters out of the registry, for good: later RUNNING states bind nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    unbind();
  }
}
