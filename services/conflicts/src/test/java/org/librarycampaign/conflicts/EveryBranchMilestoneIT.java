package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.communityEvent;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.countyFair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.librarycampaign.testsupport.SharedStack;

/**
 * On a real broker, topics as ops/topics.yaml lays them out (three partitions), exactly-once: a
 * {@code *} milestone reaches the posts of branches in every partition, a branch's milestone only
 * that branch's posts, and cancelling the {@code *} milestone clears what it caused everywhere.
 */
class EveryBranchMilestoneIT {

  private static final List<String> CANDIDATE_BRANCHES =
      List.of(
          "eastside", "westside", "northside", "southside", "central", "riverside", "hillcrest");

  @Test
  void anEveryBranchMilestoneReachesPostsInEveryPartition() throws Exception {
    CampaignConfig config = SharedStack.get().configFor("conflicts-every-branch");
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    TopicSpecs specs = TopicSpecs.load(Optional.empty());
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      new TopicAdmin(admin, catalogue, specs).createMissing();
    }
    int partitions = specs.get(catalogue.posts().id()).partitions();
    assertThat(partitions).isGreaterThan(1);
    Map<Integer, String> branchByPartition = oneBranchPerPartition(partitions);
    assertThat(branchByPartition).hasSize(partitions);
    String boardBranch = branchByPartition.get(0);
    String otherBranch = branchByPartition.get(1);

    Readiness readiness = new Readiness();
    try (RunningService service =
            new ConflictsService().start(new ServiceContext(config, catalogue, readiness));
        KafkaProducer<String, PostEvent> posts =
            producer(config, catalogue.posts().valueSerde().serializer());
        KafkaProducer<String, MilestoneEvent> milestones =
            producer(config, catalogue.milestones().valueSerde().serializer());
        KafkaConsumer<String, ConflictEvent> conflicts = consumer(config, catalogue)) {
      await().atMost(Duration.ofSeconds(90)).until(readiness::isReady);
      conflicts.subscribe(List.of(catalogue.conflicts().name()));

      // given a post on Saturday noon for a branch in each partition, and two on Sunday
      TreeSet<Integer> postPartitions = new TreeSet<>();
      for (String branch : branchByPartition.values()) {
        postPartitions.add(
            send(
                posts,
                catalogue.posts().name(),
                branch,
                contentPost("sat-" + branch, 1, branch, at("2026-12-05T12:00:00Z"))));
      }
      send(
          posts,
          catalogue.posts().name(),
          boardBranch,
          contentPost("sun-" + boardBranch, 1, boardBranch, at("2026-12-06T12:00:00Z")));
      send(
          posts,
          catalogue.posts().name(),
          otherBranch,
          contentPost("sun-" + otherBranch, 1, otherBranch, at("2026-12-06T12:00:00Z")));
      assertThat(postPartitions).hasSize(partitions);

      // when the County Fair is announced for every branch, and a board meeting for one
      send(milestones, catalogue.milestones().name(), "*", countyFair(1, "*").build());
      MilestoneEvent board =
          communityEvent(
                  "board",
                  1,
                  boardBranch,
                  "Board Meeting",
                  at("2026-12-06T11:00:00Z"),
                  at("2026-12-06T13:00:00Z"))
              .build();
      send(milestones, catalogue.milestones().name(), boardBranch, board);

      // then every Saturday post conflicts with the fair, and only that branch's Sunday post with
      // the board
      Map<String, String> expectedDetections = new LinkedHashMap<>();
      branchByPartition.values().forEach(branch -> expectedDetections.put("sat-" + branch, "fair"));
      expectedDetections.put("sun-" + boardBranch, "board");
      List<ConflictEvent> read = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  poll(conflicts, read).stream()
                          .filter(e -> e.getEvent() instanceof ConflictDetected)
                          .count()
                      >= expectedDetections.size());
      assertThat(read)
          .extracting(ConflictEvent::getEvent)
          .allSatisfy(event -> assertThat(event).isInstanceOf(ConflictDetected.class))
          .extracting(
              event ->
                  ((ConflictDetected) event).getPostId()
                      + "/"
                      + ((ConflictDetected) event).getMilestoneId())
          .containsExactlyInAnyOrderElementsOf(
              expectedDetections.entrySet().stream()
                  .map(e -> e.getKey() + "/" + e.getValue())
                  .toList());

      // when the fair is cancelled, its conflicts clear in every partition
      read.clear();
      send(
          milestones,
          catalogue.milestones().name(),
          "*",
          countyFair(2, "*").setCancelled(true).build());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> poll(conflicts, read).size() >= partitions);
      assertThat(read)
          .extracting(ConflictEvent::getEvent)
          .allSatisfy(event -> assertThat(event).isInstanceOf(ConflictCleared.class))
          .extracting(event -> ((ConflictCleared) event).getPostId())
          .containsExactlyInAnyOrderElementsOf(
              branchByPartition.values().stream().map(b -> "sat-" + b).toList());
    }
  }

  @Test
  void theServiceDoesNotStartWhenPostsAndMilestonesArePartitionedDifferently() throws Exception {
    CampaignConfig config = SharedStack.get().configFor("conflicts-mismatch");
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(catalogue.posts().name(), 3, (short) 1),
                  new NewTopic(catalogue.milestones().name(), 2, (short) 1)))
          .all()
          .get();
    }

    assertThatThrownBy(
            () ->
                new ConflictsService()
                    .start(new ServiceContext(config, catalogue, new Readiness())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            catalogue.posts().name()
                + " has 3 partitions and "
                + catalogue.milestones().name()
                + " 2: the conflicts service needs them equal (ops/topics.yaml)");
  }

  /** The first candidate branch whose posts the default partitioner puts in each partition. */
  private static Map<Integer, String> oneBranchPerPartition(int partitions) {
    Map<Integer, String> found = new TreeMap<>();
    for (String branch : CANDIDATE_BRANCHES) {
      found.putIfAbsent(EveryBranchPartitioner.partitionOfBranch(branch, partitions), branch);
    }
    return found;
  }

  private static <V> int send(KafkaProducer<String, V> producer, String topic, String key, V value)
      throws Exception {
    return producer.send(new ProducerRecord<>(topic, key, value)).get().partition();
  }

  private static List<ConflictEvent> poll(
      KafkaConsumer<String, ConflictEvent> consumer, List<ConflictEvent> read) {
    for (ConsumerRecord<String, ConflictEvent> record : consumer.poll(Duration.ofMillis(200))) {
      read.add(record.value());
    }
    return read;
  }

  private static <V> KafkaProducer<String, V> producer(
      CampaignConfig config, Serializer<V> values) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), values);
  }

  private static KafkaConsumer<String, ConflictEvent> consumer(
      CampaignConfig config, TopicCatalogue catalogue) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("conflicts-reader"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(
        props, new StringDeserializer(), catalogue.conflicts().valueSerde().deserializer());
  }
}
