package org.librarycampaign.platform.streams;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology as a Kafka Streams client: reports its state to {@link Readiness} (ready only
 * while RUNNING), binds its metrics to {@code /metrics} ({@link StreamsMeters}), closes cleanly.
 *
 * <p>Uncaught exceptions: bad records never get here (the dead-letter handlers take them), so what
 * does is a fault of the environment (a lost store, a fenced producer); the thread is replaced, and
 * the error logged, rather than the whole client stopping.
 */
public final class StreamsService implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(StreamsService.class);

  private final String name;
  private final KafkaStreams streams;
  private final StreamsMeters meters;

  public StreamsService(String name, Topology topology, Properties properties) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    this.meters = StreamsMeters.of(name, streams, OpsServer.prometheus());
    streams.setUncaughtExceptionHandler(
        error -> {
          LOGGER
              .atError()
              .addKeyValue("service", name)
              .setCause(error)
              .log("Stream thread failed; replacing it");
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) ->
            LOGGER
                .atInfo()
                .addKeyValue("service", name)
                .addKeyValue("from", before)
                .addKeyValue("to", now)
                .log("Streams state changed"));
  }

  public String name() {
    return name;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public StreamsService start(Readiness readiness) {
    readiness.register(
        name,
        () -> {
          KafkaStreams.State state = streams.state();
          return new Readiness.State(state.name(), state == KafkaStreams.State.RUNNING);
        });
    meters.bind();
    streams.start();
    return this;
  }

  /**
   * Takes the client's meters out of {@code /metrics}, then stops the client and leaves the
   * consumer group, so that a restart gets its tasks back at once instead of after the session
   * timeout.
   *
   * <p>The meters go first, and their refresh thread with them ({@link StreamsMeters#close()}): a
   * store's gauges ({@code uncommitted-bytes}) read the RocksDB store itself, and Micrometer keeps
   * them until its binder is closed; a scrape between the store's close and that call read a closed
   * write batch and crashed the JVM (SIGSEGV in {@code WriteBatch.getDataSize}). {@code /metrics}
   * no longer registers those gauges ({@code ops.NativeStoreGauges}), but a refresh still reads
   * every metric of the client.
   */
  @Override
  public void close() {
    meters.close();
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }
}
