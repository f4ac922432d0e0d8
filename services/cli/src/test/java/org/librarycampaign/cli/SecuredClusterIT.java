package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.security.ServiceAcls;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;

/**
 * A broker with SASL/SCRAM and the StandardAuthorizer denying whatever no ACL allows: governance,
 * given only the ACLs that {@code campaign acls} derives for it, reads its inputs, writes its
 * decisions, is refused the topics of others, and runs (group, transactional ids, internal topics
 * and its hashtag topic all covered).
 */
class SecuredClusterIT {

  private static final LocalKafkaCluster.SuperUser ADMIN =
      new LocalKafkaCluster.SuperUser("admin", "admin-secret");
  private static final String SERVICE = GovernanceService.NAME;
  private static final String PASSWORD = "governance-secret";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void governanceWorksWithItsDerivedAclsAndIsDeniedEverythingElse() throws Exception {
    try (LocalKafkaCluster kafka =
        LocalKafkaCluster.startInProcessSecured(dir.resolve("kafka"), 0, ADMIN)) {
      CampaignConfig adminConfig = config(kafka, kafka.superUserProperties());
      CampaignConfig governanceConfig = config(kafka, kafka.clientProperties(SERVICE, PASSWORD));
      TopicCatalogue topics = TopicCatalogue.forConfig(adminConfig, new InMemorySchemaRegistry());
      try (Admin admin = Admin.create(adminConfig.kafkaProperties())) {
        new TopicAdmin(admin, topics, TopicSpecs.load(Optional.empty())).createMissing();
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        SERVICE,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        PASSWORD)))
            .all()
            .get();
        admin
            .createAcls(ServiceAcls.forService(new GovernanceService(), adminConfig, topics))
            .all()
            .get();
      }
      String posts = topics.name(CampaignTopic.POSTS);
      String decisions = topics.name(CampaignTopic.POST_DECISIONS);

      await("the broker knows governance's credential")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> authenticates(governanceConfig));

      // (a) what governance may do
      try (KafkaProducer<String, byte[]> producer = producer(governanceConfig)) {
        producer.send(new ProducerRecord<>(decisions, "acl-probe", new byte[0])).get();
      }
      produce(adminConfig, topics, draft("post-before"));
      await("governance reads the posts (keyed by branch)")
          .atMost(WAIT)
          .until(() -> keys(governanceConfig, posts).contains("central"));

      // (b) what it may not
      assertThatThrownBy(() -> keys(governanceConfig, topics.name(CampaignTopic.RESPONSE_PLANS)))
          .isInstanceOf(TopicAuthorizationException.class);
      try (KafkaProducer<String, byte[]> producer = producer(governanceConfig)) {
        String notifications = topics.name(CampaignTopic.NOTIFICATIONS);
        assertThatThrownBy(
                () -> producer.send(new ProducerRecord<>(notifications, "x", new byte[0])).get())
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }

      // (c) governance itself runs with nothing more
      Readiness readiness = new Readiness();
      long started = System.nanoTime();
      try (RunningService governance =
          new GovernanceService().start(new ServiceContext(governanceConfig, topics, readiness))) {
        await("governance running under its own principal")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(readiness::isReady);
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        produce(adminConfig, topics, draft("post-after"));
        await("governance decides both posts")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    keys(adminConfig, decisions).containsAll(List.of("post-before", "post-after")));
        System.out.printf(
            "secured: %d ACLs for User:%s; RUNNING after %d ms; denied READ %s and WRITE %s%n",
            ServiceAcls.forService(new GovernanceService(), adminConfig, topics).size(),
            SERVICE,
            readyMillis,
            CampaignTopic.RESPONSE_PLANS.baseName(),
            CampaignTopic.NOTIFICATIONS.baseName());
      }
    }
  }

  private CampaignConfig config(LocalKafkaCluster kafka, Map<String, Object> security) {
    Map<String, String> values = new HashMap<>();
    values.put(CampaignConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(CampaignConfig.DATA_DIR, dir.resolve("data").toString());
    values.put(CampaignConfig.STATE_DIR, dir.resolve("state").toString());
    values.put(CampaignConfig.HTTP_PORT, "0");
    security.forEach((key, value) -> values.put(key, value.toString()));
    return CampaignConfig.of(values);
  }

  private static boolean authenticates(CampaignConfig config) throws Exception {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put("default.api.timeout.ms", 5_000);
    props.put("request.timeout.ms", 5_000);
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get();
      return true;
    }
  }

  private static String draft(String postId) {
    return "{\"type\":\"PostDrafted\",\"postId\":\""
        + postId
        + "\",\"revision\":1,\"branchId\":\"central\",\"platform\":\"FACEBOOK\","
        + "\"category\":\"CONTENT\",\"text\":\"Story time is back on Saturdays!\","
        + "\"links\":[\"https://example.org/storytime\"],"
        + "\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://example.org/s.png\"}],"
        + "\"scheduledAt\":\"2026-12-05T15:00:00Z\",\"draftedAt\":\"2026-11-27T10:00:00Z\"}";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void produce(CampaignConfig config, TopicCatalogue topics, String line)
      throws Exception {
    ParsedEvent event = new EventJson().parse(line);
    String topic = topics.name(event.topic());
    byte[] value =
        ((org.apache.kafka.common.serialization.Serializer)
                topics.get(event.topic()).valueSerde().serializer())
            .serialize(topic, event.value());
    try (KafkaProducer<String, byte[]> producer = producer(config)) {
      producer.send(new ProducerRecord<>(topic, event.key(), value)).get();
    }
  }

  private static KafkaProducer<String, byte[]> producer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** The keys in a topic, read from the beginning without a consumer group. */
  private static List<String> keys(CampaignConfig config, String topic) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
        }
      }
    }
    return keys;
  }
}
