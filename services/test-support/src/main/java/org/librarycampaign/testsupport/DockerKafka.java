package org.librarycampaign.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Testcontainers' Kafka, used instead of the in-process broker where a Docker engine runs. */
final class DockerKafka {

  private static final String IMAGE = "apache/kafka:4.4.0";

  private DockerKafka() {}

  static boolean isAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static SharedStack.BrokerHandle start() {
    KafkaContainer kafka =
        new KafkaContainer(IMAGE)
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    kafka.start();
    return new SharedStack.BrokerHandle() {
      @Override
      public String bootstrapServers() {
        return kafka.getBootstrapServers();
      }

      @Override
      public void close() {
        kafka.stop();
      }
    };
  }
}
