package org.librarycampaign.dashboard.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the dashboard's unreadable records to {@code campaign.dead-letters}, in the platform's
 * dead-letter form (the original bytes, the reason in headers), with a producer of its own.
 */
public final class DeadLetterProducer implements UnreadableRecords, AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetterProducer.class);

  private final DeadLetters deadLetters;
  private final Producer<byte[], byte[]> producer;

  DeadLetterProducer(DeadLetters deadLetters, Producer<byte[], byte[]> producer) {
    this.deadLetters = deadLetters;
    this.producer = producer;
  }

  public static DeadLetterProducer start(
      CampaignConfig config, TopicCatalogue topics, String service) {
    Map<String, Object> properties = new TreeMap<>(config.kafkaProperties());
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(
        ProducerConfig.CLIENT_ID_CONFIG, config.applicationId(service) + "-dead-letters");
    return new DeadLetterProducer(
        new DeadLetters(
            topics.deadLetters().name(),
            topics.deadLetters().valueSerde().serializer(),
            config.applicationId(service)),
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /**
   * Sends the dead letter. Its time is the time of sending: the installed platform's {@link
   * DeadLetters} stamps it itself ({@code failedAt} is the stream's time, the same here).
   */
  @Override
  public void failed(DeadLetters.Failure failure, Instant failedAt) {
    producer.send(
        deadLetters.record(failure),
        (metadata, error) -> {
          if (error != null) {
            LOGGER
                .atError()
                .addKeyValue("sourceTopic", failure.sourceTopic())
                .addKeyValue("partition", failure.partition())
                .addKeyValue("offset", failure.offset())
                .setCause(error)
                .log("Could not write a dead letter");
          }
        });
  }

  @Override
  public void close() {
    producer.close();
  }
}
