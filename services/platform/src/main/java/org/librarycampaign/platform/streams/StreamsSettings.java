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
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
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
