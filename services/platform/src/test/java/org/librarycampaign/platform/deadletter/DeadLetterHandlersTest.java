package org.librarycampaign.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * A topology that copies posts and fails on a post with id "boom": bad bytes and the failing post
 * go to dead letters with the reason in headers, and the records after them still flow.
 */
class DeadLetterHandlersTest {

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TopicCatalogue catalogue;
  private TestInputTopic<String, byte[]> rawPosts;
  private TestInputTopic<String, PostEvent> posts;
  private TestOutputTopic<String, PostEvent> copies;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR,
                stateDir.toString(),
                CampaignConfig.TOPIC_PREFIX,
                "dlq-test."));
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    Topic<String, PostEvent> postTopic = catalogue.posts();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(postTopic.name(), postTopic.consumed())
        .mapValues(
            (PostEvent event) -> {
              if (((PostDrafted) event.getEvent()).getPostId().equals("boom")) {
                throw new IllegalStateException("post boom cannot be processed");
              }
              return event;
            },
            Named.as("fail-on-boom"))
        .to("dlq-test.copies", postTopic.produced());
    Properties props = StreamsSettings.forService(config, "dlq-test", catalogue);
    // TopologyTestDriver (4.4.0) under exactly_once_v2 drops the dead letters of deserialization
    // errors; DeadLettersIT shows them written under exactly-once on a real broker.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(builder.build(), props);
    rawPosts =
        driver.createInputTopic(
            postTopic.name(), new StringSerializer(), new ByteArraySerializer());
    posts =
        driver.createInputTopic(
            postTopic.name(), new StringSerializer(), postTopic.valueSerde().serializer());
    copies =
        driver.createOutputTopic(
            "dlq-test.copies",
            new org.apache.kafka.common.serialization.StringDeserializer(),
            postTopic.valueSerde().deserializer());
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
  void unreadableBytesGoToDeadLettersAndTheNextRecordStillFlows() {
    byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);

    rawPosts.pipeInput("eastside", garbage);
    posts.pipeInput("eastside", post("p2"));

    assertThat(copies.readKeyValuesToList())
        .extracting(kv -> ((PostDrafted) kv.value.getEvent()).getPostId())
        .containsExactly("p2");
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("eastside");
    assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
    assertThat(letter.value().getSourceTopic()).isEqualTo("dlq-test.campaign.posts");
    assertThat(letter.value().getOffset()).isZero();
    assertThat(letter.value().getApplicationId()).isEqualTo("campaign-dlq-test");
    assertThat(letter.value().getValue().array()).isEqualTo(garbage);
    assertThat(letter.value().getErrorMessage()).contains("magic byte");
    assertThat(header(letter.headers(), DeadLetters.HEADER_TOPIC))
        .isEqualTo("dlq-test.campaign.posts");
    assertThat(header(letter.headers(), DeadLetters.HEADER_OFFSET)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetters.HEADER_PARTITION)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetters.HEADER_APPLICATION_ID))
        .isEqualTo("campaign-dlq-test");
    assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("DESERIALIZATION");
    assertThat(header(letter.headers(), DeadLetters.HEADER_CLASS))
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(header(letter.headers(), DeadLetters.HEADER_MESSAGE)).contains("magic byte");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aRecordAProcessorThrowsOnGoesToDeadLettersWithItsBytesAndTheNextStillFlows() {
    posts.pipeInput("eastside", post("p1"));
    posts.pipeInput("eastside", post("boom"));
    posts.pipeInput("eastside", post("p3"));

    assertThat(copies.readKeyValuesToList())
        .extracting(kv -> ((PostDrafted) kv.value.getEvent()).getPostId())
        .containsExactly("p1", "p3");
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(letter.value().getOffset()).isEqualTo(1);
    assertThat(letter.value().getErrorClass()).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.value().getErrorMessage()).contains("post boom cannot be processed");
    PostEvent original =
        catalogue
            .posts()
            .valueSerde()
            .deserializer()
            .deserialize(catalogue.posts().name(), letter.value().getValue().array());
    assertThat(((PostDrafted) original.getEvent()).getPostId()).isEqualTo("boom");
    assertThat(header(letter.headers(), DeadLetters.HEADER_STAGE)).isEqualTo("PROCESSING");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
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
}
