package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.librarycampaign.testsupport.SharedStack;

/**
 * Governance as {@code campaign up} runs it (found through META-INF/services, exactly-once, a real
 * KRaft broker and a real schema registry) against the same topology in a TopologyTestDriver fed
 * the same lines, which is what {@code campaign plan} does.
 */
class GovernanceIT {

  private static final EventJson JSON = new EventJson();
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Test
  void aFewThousandDraftsAcrossFiveBranchesGiveExactlyTheDecisionsOfThePlan() throws Exception {
    // posts scheduled weeks ahead of the real clock, which the service's expiry of stale holds
    // reads, drafted in the past days (a broker may refuse record times far ahead): no expiry
    // falls in the run, nor in the plan
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate firstMonday =
        today.plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    BusyWeeks scenario =
        new BusyWeeks(
            2027, today.minusDays(3).atTime(8, 0).toInstant(ZoneOffset.UTC), 3, firstMonday);
    List<String> seeds = new ArrayList<>(BusyWeeks.policies());
    seeds.addAll(scenario.hashtagSeeds());
    List<String> busy = scenario.drafts(3000);
    List<PostDecision> planned;
    int plannedForSeeds;
    try (GovernanceDriver plan = new GovernanceDriver()) {
      List<PostDecision> forSeeds = plan.sendAll(seeds).decisions();
      plannedForSeeds = forSeeds.size();
      planned = new ArrayList<>(forSeeds);
      planned.addAll(plan.sendAll(busy).decisions());
    }
    Stack stack = new Stack("governance-it");

    stack.produce(seeds);
    try (RunningService service = stack.startGovernance()) {
      stack.awaitDecisions(plannedForSeeds);
      stack.awaitHashtagView(5);
    }
    stack.produce(busy);
    List<PostDecision> decided;
    try (RunningService service = stack.startGovernance()) {
      stack.awaitDecisions(planned.size());
      stack.awaitInputsCommitted();
      decided = stack.readDecisions();
    }

    assertThat(planned.size()).isGreaterThan(3000);
    assertThat(planned.stream().map(d -> d.getStatus().name()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("APPROVED", "HELD", "REJECTED", "WITHDRAWN");
    assertThat(planned.stream().filter(PostDecision::getReleased)).isNotEmpty();
    assertThat(planned.stream().flatMap(d -> d.getWarnings().stream()).map(w -> w.getCode().name()))
        .contains("HASHTAG_USED_BEFORE", "CRISIS_ACTIVE", "NO_CALL_TO_ACTION");
    assertThat(byPost(decided)).isEqualTo(byPost(planned));
    assertThat(decided).hasSameSizeAs(planned);
  }

  /**
   * A held post due 30 s from now; the service decides it and stops before that time, and a new
   * instance, started after it with no new input, expires it from the schedule store alone (README,
   * "Stale holds expire"): exactly the record the driver writes when a Tick reaches it.
   */
  @Test
  void aHeldPostExpiresAtItsTimeByTheWallClockAfterARestart() throws Exception {
    Stack stack = new Stack("governance-it-expiry");
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant due = now.plusSeconds(30);
    List<String> lines =
        List.of(
            Lines.content("c1")
                .at(now.plus(Duration.ofDays(1)).toString())
                .drafted(now.minusSeconds(60).toString())
                .line(),
            Lines.campaign("k1")
                .at(due.toString())
                .drafted(now.minusSeconds(59).toString())
                .line());
    List<String> planned;
    try (GovernanceDriver plan = new GovernanceDriver()) {
      plan.sendAll(lines).send("{\"type\":\"Tick\",\"at\":\"" + due + "\"}");
      planned = GovernanceDriver.lines(plan.decisions());
    }
    assertThat(planned).hasSize(3);
    assertThat(planned.get(2)).contains("\"status\":\"EXPIRED\"", "HOLD_EXPIRED");

    stack.produce(lines);
    try (RunningService service = stack.startGovernance()) {
      // decisions of different posts come back by partition of campaign.post-decisions
      assertThat(GovernanceDriver.lines(stack.awaitDecisions(2)))
          .containsExactlyInAnyOrderElementsOf(planned.subList(0, 2));
      stack.awaitInputsCommitted();
    }
    assertThat(Instant.now()).as("stopped before k1's time").isBefore(due);
    await("k1's time").atMost(Duration.ofSeconds(45)).until(() -> Instant.now().isAfter(due));

    try (RunningService service = stack.startGovernance()) {
      assertThat(GovernanceDriver.lines(stack.awaitDecisions(3)))
          .containsExactlyInAnyOrderElementsOf(planned);
    }
  }

  @Test
  void badRecordsGoToDeadLettersUnderExactlyOnceAndTheRestFlows() throws Exception {
    Stack stack = new Stack("governance-it-dlq");
    // held good2 is due weeks after the real clock: it does not expire during the run
    String ahead = LocalDate.now(ZoneOffset.UTC).plusWeeks(4).atTime(15, 0) + ":00Z";
    List<String> before =
        List.of(Lines.content("good1").at(ahead).drafted("2026-11-27T10:00:00Z").line());
    List<String> after =
        List.of(
            Lines.campaign("good2").at(ahead).drafted("2026-11-27T10:02:00Z").line(),
            Lines.content("good3").at(ahead).drafted("2026-11-27T10:03:00Z").line());
    byte[] garbage = {0x13, 0x37, 0x00, 0x42};
    byte[] missingFields =
        GovernanceTopologyTest.draftWithoutRequiredFields(stack.catalogue.registry());
    List<PostDecision> planned;
    try (GovernanceDriver plan = new GovernanceDriver()) {
      planned = plan.sendAll(before).sendAll(after).decisions();
    }

    stack.produce(before);
    stack.produceRaw(CampaignTopic.POSTS, "eastside", garbage);
    stack.produceRaw(CampaignTopic.POSTS, "eastside", missingFields);
    stack.produce(after);
    List<PostDecision> decided;
    List<DeadLetter> letters;
    try (RunningService service = stack.startGovernance()) {
      decided = stack.awaitDecisions(planned.size());
      letters = stack.awaitDeadLetters(2);
    }

    assertThat(GovernanceDriver.lines(decided)).isEqualTo(GovernanceDriver.lines(planned));
    assertThat(letters)
        .allSatisfy(
            letter -> {
              assertThat(letter.getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
              assertThat(letter.getSourceTopic()).isEqualTo(stack.catalogue.posts().name());
              assertThat(letter.getApplicationId()).isEqualTo(stack.applicationId());
            })
        .extracting(DeadLetter::getValue)
        .containsExactly(ByteBuffer.wrap(garbage), ByteBuffer.wrap(missingFields));
    assertThat(letters.get(1).getErrorMessage()).contains("missing required field");
  }

  @Test
  void aProducerWithLibrdkafkasPartitionerGivesTheDecisionsOfThePlan() throws Exception {
    // a branch that librdkafka's default partitioner (CRC32 of the key) and Java's (murmur2) put
    // on different partitions of campaign.posts, so its posts land where no task expects them
    Stack stack = new Stack("governance-it-partitioner");
    int partitions = stack.partitionsOfPosts();
    String branch =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> "branch-" + i)
            .filter(b -> librdkafkaPartition(b, partitions) != javaPartition(b, partitions))
            .findFirst()
            .orElseThrow();
    List<String> policy = List.of(Lines.policy(branch, "FACEBOOK", 1, 5, null, true));
    List<String> sixPostsOfOneDay = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      sixPostsOfOneDay.add(
          Lines.content("c" + i).branch(branch).drafted("2026-11-27T10:0" + i + ":00Z").line());
    }
    List<String> planned;
    try (GovernanceDriver plan = new GovernanceDriver()) {
      plan.sendAll(policy);
      planned = GovernanceDriver.lines(plan.sendAll(sixPostsOfOneDay).decisions());
    }

    stack.produce(policy);
    stack.produce(sixPostsOfOneDay, key -> librdkafkaPartition(key, partitions));
    List<PostDecision> decided;
    try (RunningService service = stack.startGovernance()) {
      decided = stack.awaitDecisions(6);
    }

    // the cap counted once, in the producer's order: the sixth post is the one over it (the
    // decisions of different posts come back by partition of campaign.post-decisions, any order)
    assertThat(GovernanceDriver.lines(decided)).containsExactlyInAnyOrderElementsOf(planned);
    assertThat(decided)
        .filteredOn(d -> d.getStatus().name().equals("REJECTED"))
        .extracting(PostDecision::getPostId)
        .containsExactly("c6");
  }

  /** librdkafka's default partitioner ({@code consistent_random}): CRC32 of the key. */
  private static int librdkafkaPartition(String key, int partitions) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }

  /** Java's default partitioner for a keyed record: murmur2 of the key. */
  private static int javaPartition(String key, int partitions) {
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        % partitions;
  }

  /** Decisions by post, each post's in order: the order the topic promises (per key). */
  private static Map<String, List<String>> byPost(List<PostDecision> decisions) {
    Map<String, List<String>> byPost = new TreeMap<>();
    for (PostDecision decision : decisions) {
      byPost
          .computeIfAbsent(decision.getPostId(), k -> new ArrayList<>())
          .add(JSON.write(decision));
    }
    return byPost;
  }

  /** Topics, producers and consumers of one test on the shared broker and registry. */
  private static final class Stack {
    private final CampaignConfig config;
    private final TopicCatalogue catalogue;
    private final Map<String, Object> kafka;

    Stack(String name) {
      config = SharedStack.get().configFor(name);
      catalogue = TopicCatalogue.forConfig(config);
      kafka = new HashMap<>(config.kafkaProperties());
      try (Admin admin = Admin.create(kafka)) {
        new TopicAdmin(admin, catalogue, TopicSpecs.load(Optional.empty())).createMissing();
      }
    }

    String applicationId() {
      return config.applicationId(GovernanceService.NAME);
    }

    int partitionsOfPosts() throws Exception {
      String posts = catalogue.name(CampaignTopic.POSTS);
      try (Admin admin = Admin.create(kafka)) {
        return admin
            .describeTopics(List.of(posts))
            .allTopicNames()
            .get()
            .get(posts)
            .partitions()
            .size();
      }
    }

    /** The service as campaign up finds and starts it. */
    RunningService startGovernance() {
      CampaignService governance =
          ServiceLoader.load(CampaignService.class).stream()
              .map(ServiceLoader.Provider::get)
              .filter(s -> s.name().equals(GovernanceService.NAME))
              .findFirst()
              .orElseThrow(() -> new AssertionError("governance is not registered"));
      return governance.start(new ServiceContext(config, catalogue, new Readiness()));
    }

    /** Each line to its topic, stamped with its own time as campaign plan does. */
    void produce(List<String> lines) {
      produce(lines, key -> null);
    }

    /**
     * As {@link #produce(List)}, each record to the partition {@code partitioner} gives its key.
     */
    @SuppressWarnings("unchecked")
    void produce(List<String> lines, java.util.function.Function<String, Integer> partitioner) {
      Instant clock = Instant.EPOCH;
      try (KafkaProducer<String, byte[]> producer = producer()) {
        for (String line : lines) {
          ParsedEvent event = JSON.parse(line);
          if (event.eventTime() != null && event.eventTime().isAfter(clock)) {
            clock = event.eventTime();
          }
          Serializer<SpecificRecord> values =
              (Serializer<SpecificRecord>) catalogue.get(event.topic()).valueSerde().serializer();
          String topic = catalogue.name(event.topic());
          Integer partition = partitioner.apply(event.key());
          producer.send(
              new ProducerRecord<>(
                  topic,
                  partition,
                  clock.toEpochMilli(),
                  event.key(),
                  values.serialize(topic, event.value())));
        }
        producer.flush();
      }
    }

    void produceRaw(CampaignTopic topic, String key, byte[] value) {
      try (KafkaProducer<String, byte[]> producer = producer()) {
        producer.send(new ProducerRecord<>(catalogue.name(topic), key, value));
        producer.flush();
      }
    }

    private KafkaProducer<String, byte[]> producer() {
      Map<String, Object> props = new HashMap<>(kafka);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    List<PostDecision> awaitDecisions(int count) {
      List<PostDecision> decisions = new ArrayList<>();
      try (KafkaConsumer<String, PostDecision> consumer =
          consumer(
              catalogue.postDecisions().name(),
              catalogue.postDecisions().valueSerde().deserializer())) {
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> decisions.add(r.value()));
                  return decisions.size() >= count;
                });
      }
      return decisions;
    }

    /** Every decision committed so far, read to the end of the topic. */
    List<PostDecision> readDecisions() {
      List<PostDecision> decisions = new ArrayList<>();
      try (KafkaConsumer<String, PostDecision> consumer =
          consumer(
              catalogue.postDecisions().name(),
              catalogue.postDecisions().valueSerde().deserializer())) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> decisions.add(r.value()));
                  return ends.entrySet().stream()
                      .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                });
      }
      return decisions;
    }

    List<DeadLetter> awaitDeadLetters(int count) {
      List<DeadLetter> letters = new ArrayList<>();
      try (KafkaConsumer<String, DeadLetter> consumer =
          consumer(
              catalogue.deadLetters().name(),
              catalogue.deadLetters().valueSerde().deserializer())) {
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
                  return letters.size() >= count;
                });
      }
      return letters;
    }

    /** Waits until the first-use view topic holds this many tags. */
    void awaitHashtagView(int tags) {
      Map<String, byte[]> view = new LinkedHashMap<>();
      try (KafkaConsumer<String, byte[]> consumer =
          consumer(HashtagViewTopic.name(config), new ByteArrayDeserializer())) {
        await()
            .atMost(PATIENCE)
            .until(
                () -> {
                  for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    view.put(r.key(), r.value());
                  }
                  return view.size() >= tags;
                });
      }
    }

    /** Waits until governance has committed every record of its input topics. */
    void awaitInputsCommitted() {
      try (Admin admin = Admin.create(kafka)) {
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  Map<TopicPartition, OffsetAndMetadata> committed =
                      admin
                          .listConsumerGroupOffsets(applicationId())
                          .partitionsToOffsetAndMetadata()
                          .get();
                  Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                  for (String topic :
                      Set.of(catalogue.posts().name(), catalogue.incidents().name())) {
                    admin
                        .describeTopics(Set.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .forEach(
                            p ->
                                latest.put(
                                    new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                  }
                  Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                      admin.listOffsets(latest).all().get();
                  return ends.entrySet().stream()
                      .allMatch(
                          e ->
                              e.getValue().offset() == 0
                                  || (committed.get(e.getKey()) != null
                                      && committed.get(e.getKey()).offset()
                                          >= e.getValue().offset()));
                });
      }
    }

    private <V> KafkaConsumer<String, V> consumer(String topic, Deserializer<V> values) {
      Map<String, Object> props = new HashMap<>(kafka);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      KafkaConsumer<String, V> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), values);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return consumer;
    }
  }
}
