package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * Dead letters are sent back to their source topic once: a second replay sends nothing, and a dead
 * letter a filter left out is replayed by a later run without the filter.
 */
class DeadLettersReplayIT {

  @TempDir Path dir;

  @Test
  void replaySendsEachSelectedDeadLetterBackOnceAndASecondReplaySendsNothing() throws Exception {
    SharedStack stack = SharedStack.get();
    CampaignConfig config = stack.configFor("replay");
    TopicCatalogue catalogue = SharedStack.createTopics(config);
    Path properties = dir.resolve("replay.properties");
    Files.writeString(
        properties,
        CampaignConfig.APPLICATION_ID_PREFIX
            + "="
            + config.get(CampaignConfig.APPLICATION_ID_PREFIX).orElseThrow()
            + "\n");
    String[] cluster = {
      "--bootstrap", stack.bootstrapServers(),
      "--registry", stack.registryUrl(),
      "--topic-prefix", config.topicPrefix(),
      "--config", properties.toString()
    };
    String posts = catalogue.posts().name();
    byte[] p1 = catalogue.posts().valueSerde().serializer().serialize(posts, post("p1"));
    byte[] p2 = catalogue.posts().valueSerde().serializer().serialize(posts, post("p2"));
    DeadLetters letters =
        new DeadLetters(
            catalogue.deadLetters().name(),
            catalogue.deadLetters().valueSerde().serializer(),
            config.applicationId("conflicts"));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            config.kafkaProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(letters.record(failure(posts, 7, DeadLetterStage.PROCESSING, p1))).get();
      producer.send(letters.record(failure(posts, 8, DeadLetterStage.PRODUCTION, p2))).get();
    }

    Result byReason = deadLetters("replay", cluster, "--reason", "processing");
    Result rest = deadLetters("replay", cluster, "--topic", "campaign.posts");
    Result again = deadLetters("replay", cluster);
    Result listed = deadLetters("list", cluster);

    assertThat(byReason.exitCode()).as(byReason.err()).isZero();
    assertThat(byReason.out()).contains("1 replayed, 0 replayed before");
    assertThat(rest.out()).as(rest.err()).contains("1 replayed, 1 replayed before");
    assertThat(again.out()).as(again.err()).contains("0 replayed, 2 replayed before");
    assertThat(listed.out().lines()).hasSize(2).allMatch(line -> line.endsWith("(replayed)"));
    List<ConsumerRecord<byte[], byte[]>> replayed = readAll(config, posts);
    assertThat(replayed).hasSize(2);
    assertThat(replayed)
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsOnly("eastside");
    assertThat(replayed.get(0).value()).isEqualTo(p1);
    assertThat(replayed.get(1).value()).isEqualTo(p2);
    assertThat(replayed.get(0).headers().lastHeader(DeadLettersCommand.HEADER_REPLAY_OF))
        .isNotNull();
  }

  private static DeadLetters.Failure failure(
      String topic, long offset, DeadLetterStage stage, byte[] value) {
    return new DeadLetters.Failure(
        topic,
        0,
        offset,
        stage,
        new IllegalStateException("registry unreachable while " + stage),
        "eastside".getBytes(StandardCharsets.UTF_8),
        value);
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(CampaignConfig config, String topic) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static PostEvent post(String postId) {
    return new PostEvent(
        PostDrafted.newBuilder()
            .setPostId(postId)
            .setRevision(1)
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setCategory(PostCategory.CONTENT)
            .setText("Story time at 10")
            .setScheduledAt(Instant.parse("2026-12-01T15:00:00Z"))
            .setDraftedAt(Instant.parse("2026-11-27T10:00:00Z"))
            .build());
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result deadLetters(String subcommand, String[] cluster, String... more) {
    return run("dead-letters", concat(concat(new String[] {subcommand}, cluster), more));
  }

  private static Result run(String command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CampaignCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute(concat(new String[] {command}, args));
    return new Result(exit, out.toString(), err.toString());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
