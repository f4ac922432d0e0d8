package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Platform;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The input rules step alone, in a TopologyTestDriver (source, rules, sink), with the shared
 * Streams settings: a value that breaks a rule becomes a dead letter with reason {@code INVALID}
 * and its own bytes; the records around it flow on; tombstones pass.
 */
class InputRulesTest {

  private static final String OUT = "rules-test.out";

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Topic<String, PostEvent> postTopic;
  private TestInputTopic<String, PostEvent> posts;
  private TestOutputTopic<String, PostEvent> out;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR,
                stateDir.toString(),
                CampaignConfig.TOPIC_PREFIX,
                "rules-test."));
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    postTopic = catalogue.posts();
    StreamsBuilder builder = new StreamsBuilder();
    InputRules.checked(builder.stream(postTopic.name(), postTopic.consumed()), "posts")
        .to(OUT, postTopic.produced());
    driver =
        new TopologyTestDriver(
            builder.build(), StreamsSettings.forService(config, "rules-test", catalogue));
    posts =
        driver.createInputTopic(
            postTopic.name(), new StringSerializer(), postTopic.valueSerde().serializer());
    out =
        driver.createOutputTopic(
            OUT, new StringDeserializer(), postTopic.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            catalogue.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void aValueBreakingARuleGoesToDeadLettersWithReasonInvalidAndTheOthersFlow() {
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("eastside", withdrawal("x*", "east side"));
    posts.pipeInput("eastside", null);
    posts.pipeInput("eastside", withdrawal("p2", "eastside"));

    assertThat(out.readKeyValuesToList())
        .extracting(kv -> kv.value == null ? "tombstone" : postId(kv.value))
        .containsExactly("p1", "tombstone", "p2");
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(letter.value().getErrorMessage())
        .isEqualTo(
            "INVALID: PostWithdrawn postId: must match [A-Za-z0-9._:-]{1,128}: ASCII letters,"
                + " digits, '.', '_', ':' and '-' only; branchId: must match"
                + " [A-Za-z0-9._:-]{1,128}: ASCII letters, digits, '.', '_', ':' and '-' only");
    assertThat(letter.value().getSourceTopic()).isEqualTo(postTopic.name());
    assertThat(letter.value().getOffset()).isEqualTo(1L);
    assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.INVALID);
    assertThat(postTopic.valueSerde().deserializer().deserialize(postTopic.name(), bytes(letter)))
        .as("the refused record's own bytes")
        .isEqualTo(withdrawal("x*", "east side"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private static byte[] bytes(TestRecord<byte[], DeadLetter> letter) {
    ByteBuffer value = letter.value().getValue();
    byte[] bytes = new byte[value.remaining()];
    value.duplicate().get(bytes);
    return bytes;
  }

  private static String header(TestRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String postId(PostEvent event) {
    return ((PostWithdrawn) event.getEvent()).getPostId();
  }

  private static PostEvent withdrawal(String postId, String branchId) {
    return new PostEvent(
        PostWithdrawn.newBuilder()
            .setPostId(postId)
            .setBranchId(branchId)
            .setPlatform(Platform.FACEBOOK)
            .setReason("test")
            .setWithdrawnAt(Instant.parse("2026-11-28T09:30:00Z"))
            .build());
  }
}
