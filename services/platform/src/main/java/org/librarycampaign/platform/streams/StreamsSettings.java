package org.librarycampaign.platform.streams;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetterDeserializationHandler;
import org.librarycampaign.platform.deadletter.DeadLetterProcessingHandler;
import org.librarycampaign.platform.deadletter.DeadLetterProductionHandler;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RegistryOutage;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The Kafka Streams settings every service shares: exactly-once v2, dead-letter handlers for read,
 * process and write errors, explicitly named internal topics and stores, state under the data
 * directory. The application id depends only on the service (never on the host or the data
 * directory), so that every instance of a service shares its partitions. With {@code
 * campaign.instance.id} set, the instance is a static group member and keeps its state in a
 * directory of its own ({@code <state dir>/<service>/<instance id>}). Anything in the config's
 * Kafka properties overrides these.
 */
public final class StreamsSettings {

  /**
   * How long the broker may hold a fetch of a global store's consumer that finds nothing new:
   * short, so that restoring global stores partition by partition does not wait on it (about 20
   * fetches a second per idle client instead of 2).
   */
  static final int GLOBAL_FETCH_MAX_WAIT_MS = 50;

  /**
   * How often a stream thread commits its transaction: 50 ms, half of Kafka Streams' exactly-once
   * default (100 ms). This sets the latency of every output under exactly-once, because a
   * read_committed reader (the next service, the dashboard, a test) sees a record only once the
   * transaction that wrote it commits, and an output gate's record (governance's decisions,
   * crisis's notifications: the by-id repartition of docs/ARCHITECTURE.md#ownership-and-placement)
   * is read by the same thread only after the transaction that wrote it to the repartition topic
   * committed, and written out in the next one. A draft therefore waits for the rest of the current
   * interval (0 to 1 interval) and one whole interval more: with 100 ms the decision p50/p99 were
   * 207/305 ms at half load on an idle machine against a 250 ms target, with 50 ms they lose about
   * 50 and 100 ms (docs/PERFORMANCE.md, "Latency under exactly-once: commit interval and fetch
   * waits").
   *
   * <p>The price is twice the commits: per commit one producer flush, a transaction marker on every
   * partition the transaction wrote, the consumed offsets and the store checkpoints, paid for at a
   * backlog too, where transactions get smaller. 25 ms would take about 25 ms more off the latency
   * at twice that cost again. What was left as it is, and why: the broker answers a read_committed
   * fetch parked for {@code fetch.max.wait.ms} as soon as a transaction marker moves the last
   * stable offset (the marker is an append, and every append re-checks the parked fetches), so a
   * shorter wait does not make a committed record visible sooner; the producer's {@code linger.ms}
   * (Streams sets 100 ms) is cut short by every commit's flush, and under exactly-once nothing is
   * visible before that commit anyway; {@code max.task.idle.ms} stays 0 (a task does not wait for
   * an empty input partition). Override with {@code commit.interval.ms} in the config.
   */
  static final int COMMIT_INTERVAL_MS = 50;

  private StreamsSettings() {}

  public static Properties forService(
      CampaignConfig config, String service, TopicCatalogue catalogue) {
    String applicationId = config.applicationId(service);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    Optional<String> instance = config.get(CampaignConfig.INSTANCE_ID);
    Path stateDir = config.stateDir().resolve(service);
    props.put(
        StreamsConfig.STATE_DIR_CONFIG,
        instance.map(stateDir::resolve).orElse(stateDir).toString());
    // static membership: a restarted instance takes its tasks back without a rebalance; Streams
    // suffixes the id with the thread number for each main consumer
    instance.ifPresent(
        id ->
            props.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    // transactional state stores (KIP-892): a store holds only committed writes, so after a crash
    // (kill -9) it still matches its changelog and the restart restores only what was committed
    // since, instead of wiping every store and replaying whole changelogs (README.md, "Restart and
    // retention")
    props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    // global stores are restored one partition after the other, and the broker answers a
    // client's requests in turn: each partition's offset lookup waited behind a fetch parked for
    // fetch.max.wait.ms (500 ms), half a second per partition, 10 s for the dashboard's views
    props.put(
        StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
        GLOBAL_FETCH_MAX_WAIT_MS);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    // global stores (plans, policies) too: a record that fails there goes to dead letters
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionHandler.class.getName());
    // a registry outage is retried, not dead-lettered: how long a handler waits before the retry
    props.put(
        RegistryOutage.PAUSE_CONFIG,
        config.duration(RegistryOutage.PAUSE_CONFIG, RegistryOutage.DEFAULT_PAUSE));
    props.put(
        DeadLetters.CONFIG_KEY,
        new DeadLetters(
            catalogue.deadLetters().name(),
            catalogue.deadLetters().valueSerde().serializer(),
            applicationId,
            config.kafkaProperties()));
    config.kafkaProperties().forEach(props::put);
    return props;
  }
}
