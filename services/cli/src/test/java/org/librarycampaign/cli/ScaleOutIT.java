package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import picocli.CommandLine;

/**
 * Scale-out without Docker: three broker processes (replication 3, min.insync.replicas 2, as {@code
 * ops/topics-cluster.yaml} lays the topics out), two {@code campaign run governance} JVMs, a
 * multi-branch scenario sent in two halves with one instance killed ({@code kill -9}) in between.
 * The latest decision of every post then equals what the topology harness ({@code campaign plan})
 * gives for the same events, and no post has a decision the harness did not make.
 */
class ScaleOutIT {

  private static final String SERVICE = GovernanceService.NAME;
  private static final Path CLUSTER_TOPICS = Path.of("../../ops/topics-cluster.yaml");
  private static final int BRANCHES = 12;
  private static final int POSTS = 240;

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoInstancesOnThreeBrokersSurviveAKilledInstanceAndMatchThePlan() throws Exception {
    long started = System.nanoTime();
    List<String> events = scenario();
    try (LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dir.resolve("kafka"), 3);
        RegistryProcess registry =
            RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, dir.resolve("registry"))) {
      CampaignConfig config =
          CampaignConfig.of(
              Map.of(
                  CampaignConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                  CampaignConfig.REGISTRY_URL, registry.confluentApiUrl(),
                  CampaignConfig.DATA_DIR, dir.resolve("data").toString(),
                  CampaignConfig.STATE_DIR, dir.resolve("state").toString()));
      TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        new TopicAdmin(admin, catalogue, TopicSpecs.load(Optional.of(CLUSTER_TOPICS)))
            .createMissing();
      }
      int portA = freePort();
      int portB = freePort();
      Process first = startInstance(config, portA, dir.resolve("a.log"));
      Process second = startInstance(config, portB, dir.resolve("b.log"));
      await("both instances ready")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                assertThat(first.isAlive()).as(log("a.log")).isTrue();
                assertThat(second.isAlive()).as(log("b.log")).isTrue();
                assertThat(readyStatus(portA)).isEqualTo(200);
                assertThat(readyStatus(portB)).isEqualTo(200);
              });

      int half = events.size() / 2;
      emit(config, events.subList(0, half), "first");
      long killedAt = System.nanoTime();
      first.destroyForcibly();
      emit(config, events.subList(half, events.size()), "second");
      await("the survivor owns every task")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(
              () ->
                  assertThat(describeGroup(config).members())
                      .extracting(m -> m.groupInstanceId().orElse(""))
                      .containsExactly("it-host-" + SERVICE + "-" + portB + "-1"));
      long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;

      Map<String, String> expected = planned(events);
      await("every decision the plan makes")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> latestDecisions(config).equals(expected));
      long allDecidedMillis = (System.nanoTime() - killedAt) / 1_000_000;
      assertThat(latestDecisions(config)).isEqualTo(expected);
      assertThat(second.isAlive()).as(log("b.log")).isTrue();
      System.out.printf(
          "scale-out: %d events over %d branches, 3 brokers, 2 %s instances, 1 killed (kill -9);"
              + " survivor owned every task %d ms after the kill, all %d decisions equal to the"
              + " plan %d ms after it; %d s in all%n",
          events.size(),
          BRANCHES,
          SERVICE,
          takeoverMillis,
          expected.size(),
          allDecidedMillis,
          (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  /**
   * Drafts over the branches, a mix of content and campaign posts (so that the ratio holds some),
   * every fourth revised. No hashtags: the first use of a hashtag is decided across branches in
   * arrival order, which two instances need not share with the harness.
   */
  private static List<String> scenario() {
    List<String> lines = new ArrayList<>();
    Instant drafted = Instant.parse("2026-11-20T08:00:00Z");
    for (int i = 0; i < POSTS; i++) {
      lines.add(draft(i, 1, drafted.plusSeconds(60L * i)));
    }
    for (int i = 0; i < POSTS; i += 4) {
      lines.add(draft(i, 2, drafted.plusSeconds(60L * (POSTS + i))));
    }
    return lines;
  }

  private static String draft(int i, int revision, Instant draftedAt) {
    String branch = "branch" + (i % BRANCHES);
    boolean campaign = i % 3 == 0;
    Instant scheduled =
        Instant.parse("2026-12-14T15:00:00Z").plus(Duration.ofHours((i / BRANCHES) % 6 * 24L));
    return "{\"type\":\"PostDrafted\",\"postId\":\"post-"
        + i
        + "\",\"revision\":"
        + revision
        + ",\"branchId\":\""
        + branch
        + "\",\"platform\":\"FACEBOOK\",\"category\":\""
        + (campaign ? "CAMPAIGN\",\"campaignId\":\"budget-2027" : "CONTENT")
        + "\",\"text\":\"Post "
        + i
        + " revision "
        + revision
        + ": come to the library!\",\"links\":[\"https://library.example.org/events\"],"
        + "\"scheduledAt\":\""
        + scheduled
        + "\",\"draftedAt\":\""
        + draftedAt
        + "\"}";
  }

  /** The latest decision of every post as the harness (campaign plan) makes them. */
  private static Map<String, String> planned(List<String> events) throws IOException {
    Map<String, String> latest = new TreeMap<>();
    try (TopologyHarness harness =
        TopologyHarness.startingAt(Instant.parse("2026-11-20T08:00:00Z"))
            .services(List.of(new GovernanceService()))
            .build()) {
      for (String line : events) {
        for (TopologyHarness.Output out : harness.send(line).output()) {
          if (out.topic() == CampaignTopic.POST_DECISIONS && out.value() != null) {
            latest.put(out.key(), comparable(TopologyHarness.json(out.value())));
          }
        }
      }
    }
    return latest;
  }

  /** A decision without its decision time, which is the wall clock's in a running service. */
  private static String comparable(String json) {
    return json.replaceAll("\"decidedAt\":(\"[^\"]*\"|-?[0-9]+),?", "");
  }

  private static Map<String, String> latestDecisions(CampaignConfig config) throws IOException {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    String topic = catalogue.name(CampaignTopic.POST_DECISIONS);
    Map<String, String> latest = new TreeMap<>();
    try (KafkaConsumer<String, ? extends org.apache.avro.specific.SpecificRecord> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            catalogue.postDecisions().valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, ? extends org.apache.avro.specific.SpecificRecord> record :
            consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            latest.put(record.key(), comparable(TopologyHarness.json(record.value())));
          }
        }
      }
    }
    return latest;
  }

  private Process startInstance(CampaignConfig config, int httpPort, Path log) throws IOException {
    Process process =
        CampaignRunProcess.start(
            SERVICE,
            config,
            httpPort,
            log,
            Map.of(
                "CAMPAIGN_TOPICS_FILE",
                CLUSTER_TOPICS.toAbsolutePath().toString(),
                // a killed static member leaves the group when its session times out: keep it short
                "KAFKA_SESSION_TIMEOUT_MS",
                "10000"));
    processes.add(process);
    return process;
  }

  private void emit(CampaignConfig config, List<String> lines, String name) throws IOException {
    Path file = dir.resolve(name + ".jsonl");
    Files.write(file, lines);
    StringWriter err = new StringWriter();
    CommandLine campaign = CampaignCommand.commandLine();
    campaign.setOut(new PrintWriter(new StringWriter(), true));
    campaign.setErr(new PrintWriter(err, true));
    int exit =
        campaign.execute(
            "emit",
            "--bootstrap",
            config.bootstrapServers(),
            "--registry",
            config.registryUrl(),
            file.toString());
    assertThat(exit).as(err.toString()).isZero();
  }

  private static ConsumerGroupDescription describeGroup(CampaignConfig config) throws Exception {
    String group = config.applicationId(SERVICE);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    }
  }

  private static int readyStatus(int port) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
