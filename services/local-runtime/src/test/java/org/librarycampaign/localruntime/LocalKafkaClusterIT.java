package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LocalKafkaClusterIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(LocalKafkaClusterIT.class);

  @Test
  void inProcessNodeKeepsItsRecordsAcrossRestarts(@TempDir Path dataDir) throws Exception {
    String topic = "campaign.it.restart";
    String clusterId;
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startInProcess(dataDir, 0)) {
      assertThat(kafka.size()).isEqualTo(1);
      assertThat(kafka.bootstrapServers()).matches("localhost:\\d+");
      assertThatThrownBy(() -> kafka.killNode(0)).isInstanceOf(UnsupportedOperationException.class);
      try (Admin admin = admin(kafka)) {
        clusterId = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        admin
            .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      produce(kafka, topic, List.of("branch-opened", "petition-signed"));
      assertThat(consume(kafka, topic, 2)).containsExactly("branch-opened", "petition-signed");
    }

    try (LocalKafkaCluster kafka = LocalKafkaCluster.startInProcess(dataDir, 0)) {
      try (Admin admin = admin(kafka)) {
        assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
            .isEqualTo(clusterId);
      }
      assertThat(consume(kafka, topic, 2)).containsExactly("branch-opened", "petition-signed");
    }
  }

  /**
   * A lone node killed like a crash (no clean-shutdown file, its broker still registered with the
   * controller) comes back with every acknowledged record. Its controller refuses the new
   * incarnation's registration until the dead one's session expires, so the session is short and
   * heartbeats frequent ({@code broker.session.timeout.ms} 4000, {@code
   * broker.heartbeat.interval.ms} 500, instead of 9 s and 2 s): the broker must run with them.
   */
  @Test
  void singleNodeKilledLikeACrashComesBackWithItsRecords(@TempDir Path dataDir) throws Exception {
    String topic = "campaign.it.crash";
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dataDir, 1)) {
      try (Admin admin = admin(kafka)) {
        admin
            .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      List<String> sent = values("acked", 50);
      produce(kafka, topic, sent);

      kafka.killNode(0);
      kafka.restartNode(0);

      assertThat(consume(kafka, topic, sent.size())).containsExactlyElementsOf(sent);
      try (Admin admin = admin(kafka)) {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
        Config config =
            admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
        assertThat(config.get("broker.session.timeout.ms").value())
            .isEqualTo(Integer.toString(LocalKafkaCluster.SESSION_TIMEOUT_MS))
            .isEqualTo("4000");
        assertThat(config.get("broker.heartbeat.interval.ms").value()).isEqualTo("500");
      }
    }
  }

  @Test
  void replicatedClusterLosesNoRecordWhenTheLeaderIsKilled(@TempDir Path dataDir) throws Exception {
    String topic = "campaign.it.replicated";
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dataDir, 3)) {
      assertThat(kafka.size()).isEqualTo(3);
      assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
      try (Admin admin = admin(kafka)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topic, 1, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
            .all()
            .get(30, TimeUnit.SECONDS);
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> partition(admin, topic).isr().size() == 3);

        List<String> first = values("before", 200);
        List<String> second = values("after", 200);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
          sendAll(producer, topic, first);

          int leader = partition(admin, topic).leader().id();
          long killed = System.nanoTime();
          kafka.killNode(leader);
          sendAll(producer, topic, second);
          LOGGER
              .atInfo()
              .addKeyValue("leader", leader)
              .addKeyValue("stallMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed))
              .log("Records acknowledged after the leader was killed");

          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(
                  () -> {
                    var p = partition(admin, topic);
                    return p.leader() != null && p.leader().id() != leader;
                  });
          List<String> all = new ArrayList<>(first);
          all.addAll(second);
          assertThat(consume(kafka, topic, all.size())).containsExactlyElementsOf(all);

          long restarted = System.nanoTime();
          kafka.restartNode(leader);
          LOGGER
              .atInfo()
              .addKeyValue("node", leader)
              .addKeyValue(
                  "restartMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted))
              .log("Killed node restarted");
          await()
              .atMost(Duration.ofSeconds(30))
              .ignoreExceptions()
              .until(() -> partition(admin, topic).isr().size() == 3);
        }
      }
    }
  }

  private static List<String> values(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  private static void sendAll(
      KafkaProducer<String, String> producer, String topic, List<String> values) throws Exception {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (String value : values) {
      acks.add(producer.send(new ProducerRecord<>(topic, value, value)));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(60, TimeUnit.SECONDS);
    }
  }

  private static void produce(LocalKafkaCluster kafka, String topic, List<String> values)
      throws Exception {
    try (KafkaProducer<String, String> producer = producer(kafka)) {
      sendAll(producer, topic, values);
    }
  }

  private static KafkaProducer<String, String> producer(LocalKafkaCluster kafka) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            60_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        new StringSerializer());
  }

  /** Reads the single partition of {@code topic} from the beginning until {@code count} records. */
  private static List<String> consume(LocalKafkaCluster kafka, String topic, int count) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  values.add(r.value());
                }
                return values.size() >= count;
              });
    }
    return values;
  }

  private static org.apache.kafka.common.TopicPartitionInfo partition(Admin admin, String topic)
      throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    return description.partitions().get(0);
  }

  private static Admin admin(LocalKafkaCluster kafka) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            15_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000));
  }
}
