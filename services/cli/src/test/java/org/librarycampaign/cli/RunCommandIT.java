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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * Two {@code campaign run governance} processes against the shared broker and registry: they share
 * the partitions as static members of one group, and when one is stopped with SIGTERM the other
 * takes every task over and every decision arrives.
 */
class RunCommandIT {

  private static final String SERVICE = "governance";
  private static final String[] BRANCHES =
      IntStream.range(0, 12).mapToObj(i -> "branch" + i).toArray(String[]::new);

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoInstancesShareThePartitionsAndTheSurvivorTakesOverFromOneStoppedWithTerm()
      throws Exception {
    CampaignConfig config = SharedStack.get().configFor("run-governance");
    SharedStack.createTopics(config);
    String applicationId = config.applicationId(SERVICE);
    int portA = freePort();
    int portB = freePort();
    Process first = startGovernance(config, portA, dir.resolve("a.log"));
    Process second = startGovernance(config, portB, dir.resolve("b.log"));

    await("both instances ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(first.isAlive()).as(log("a.log")).isTrue();
              assertThat(second.isAlive()).as(log("b.log")).isTrue();
              assertThat(readyStatus(portA)).isEqualTo(200);
              assertThat(readyStatus(portB)).isEqualTo(200);
            });
    await("both instances own tasks, as static members")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              ConsumerGroupDescription group = describeGroup(config, applicationId);
              assertThat(group.members()).hasSize(2);
              assertThat(group.members())
                  .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty())
                  .extracting(m -> m.groupInstanceId().orElse(""))
                  .containsExactlyInAnyOrder(
                      instanceIdPrefix(portA) + "-1", instanceIdPrefix(portB) + "-1");
            });

    emitDrafts(config, "before", 24);
    await("decisions of the posts drafted while both run")
        .atMost(Duration.ofSeconds(30))
        .until(() -> decidedPosts(config).containsAll(postIds("before", 24)));

    long termSentAt = System.nanoTime();
    first.destroy();
    emitDrafts(config, "after", 24);
    await("the survivor owns every task")
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              ConsumerGroupDescription group = describeGroup(config, applicationId);
              assertThat(group.members())
                  .extracting(m -> m.groupInstanceId().orElse(""))
                  .containsExactly(instanceIdPrefix(portB) + "-1");
              assertThat(readyStatus(portB)).isEqualTo(200);
            });
    long takeoverMillis = (System.nanoTime() - termSentAt) / 1_000_000;
    await("decisions of the posts drafted after the stop")
        .atMost(Duration.ofSeconds(30))
        .until(() -> decidedPosts(config).containsAll(postIds("after", 24)));
    long allDecidedMillis = (System.nanoTime() - termSentAt) / 1_000_000;
    System.out.printf(
        "takeover: survivor owns every task %d ms after SIGTERM; all decisions in after %d ms%n",
        takeoverMillis, allDecidedMillis);

    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
    assertThat(log("a.log")).contains("Stopped governance.");
    assertThat(second.isAlive()).isTrue();
  }

  private Process startGovernance(CampaignConfig config, int httpPort, Path log)
      throws IOException {
    Process process =
        CampaignRunProcess.start(
            SERVICE,
            config,
            httpPort,
            log,
            Map.of(
                "CAMPAIGN_TOPIC_PREFIX", config.topicPrefix(),
                "CAMPAIGN_APPLICATION_ID_PREFIX", config.applicationId("")));
    processes.add(process);
    return process;
  }

  /** The derived instance id; Streams adds the thread number for the consumer. */
  private static String instanceIdPrefix(int httpPort) {
    return "it-host-" + SERVICE + "-" + httpPort;
  }

  private void emitDrafts(CampaignConfig config, String batch, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String postId : postIds(batch, count)) {
      String branch = BRANCHES[Integer.parseInt(postId.substring(postId.indexOf('-') + 1)) % 12];
      lines.add(
          "{\"type\":\"PostDrafted\",\"postId\":\""
              + postId
              + "\",\"revision\":1,\"branchId\":\""
              + branch
              + "\",\"platform\":\"FACEBOOK\",\"category\":\"CONTENT\","
              + "\"text\":\"Story time is back on Saturdays!\","
              + "\"links\":[\"https://example.org/storytime\"],"
              + "\"media\":[{\"kind\":\"IMAGE\",\"url\":\"https://example.org/s.png\"}],"
              + "\"scheduledAt\":\"2026-12-05T15:00:00Z\",\"draftedAt\":\"2026-11-27T10:00:00Z\"}");
    }
    Path file = dir.resolve(batch + ".jsonl");
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
            "--topic-prefix",
            config.topicPrefix(),
            file.toString());
    assertThat(exit).as(err.toString()).isZero();
  }

  private static List<String> postIds(String batch, int count) {
    return IntStream.range(0, count).mapToObj(i -> batch + "-" + i).toList();
  }

  /** The keys (post ids) of every committed decision so far. */
  private static Set<String> decidedPosts(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      String topic = config.topicPrefix() + "campaign.post-decisions";
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
      }
    }
    return keys;
  }

  private static ConsumerGroupDescription describeGroup(CampaignConfig config, String groupId)
      throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
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

  private String log(String name) throws IOException {
    Path file = dir.resolve(name);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
