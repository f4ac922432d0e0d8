package org.librarycampaign.ingest.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.DeadLetter;
import library.campaign.events.DecisionStatus;
import library.campaign.events.PostDecision;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.ingest.Samples;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

class DecisionViewTopologyTest {

  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path stateDir;

  private final EventJson json = new EventJson();
  private TopicCatalogue topics;
  private TopologyTestDriver driver;
  private TestInputTopic<String, PostDecision> decisions;
  private KeyValueStore<String, PostDecision> store;

  @BeforeEach
  void startDriver() {
    CampaignConfig config =
        CampaignConfig.of(Map.of(CampaignConfig.STATE_DIR, stateDir.toString()));
    topics = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            DecisionViewTopology.buildTopology(config, topics),
            StreamsSettings.forService(config, "ingest", topics),
            START);
    decisions =
        driver.createInputTopic(
            topics.postDecisions().name(),
            new StringSerializer(),
            topics.postDecisions().valueSerde().serializer());
    store = driver.getKeyValueStore(DecisionViewTopology.STORE);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void keepsTheLatestDecisionOfEachPost() {
    PostDecision held = decision("p1", 1, DecisionStatus.HELD);
    PostDecision released = decision("p1", 1, DecisionStatus.APPROVED);
    PostDecision other = decision("p2", 3, DecisionStatus.REJECTED);

    decisions.pipeInput("p1", held, START);
    decisions.pipeInput("p2", other, START.plusSeconds(1));
    decisions.pipeInput("p1", released, START.plusSeconds(2));

    assertThat(store.get("p1")).isEqualTo(released);
    assertThat(store.get("p2")).isEqualTo(other);
    assertThat(store.get("p3")).isNull();
    try (var all = store.all()) {
      assertThat(all).toIterable().extracting(entry -> entry.key).containsExactly("p1", "p2");
    }
  }

  @Test
  void aTombstoneRemovesThePost() {
    decisions.pipeInput("p1", decision("p1", 1, DecisionStatus.HELD), START);
    decisions.pipeInput("p1", null, START.plusSeconds(1));

    assertThat(store.get("p1")).isNull();
  }

  @Test
  void writesNothing() {
    decisions.pipeInput("p1", decision("p1", 1, DecisionStatus.HELD), START);

    assertThat(driver.producedTopicNames()).isEmpty();
  }

  @Test
  void aBadSettingsValueWrittenStraightToKafkaIsDeadLetteredWithTheFieldNamed() {
    Topic<String, ChannelPolicy> policyTopic = topics.channelPolicies();
    TestInputTopic<String, ChannelPolicy> policies =
        driver.createInputTopic(
            policyTopic.name(), new StringSerializer(), policyTopic.valueSerde().serializer());
    TestOutputTopic<byte[], DeadLetter> deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(),
            new ByteArrayDeserializer(),
            topics.deadLetters().valueSerde().deserializer());
    ChannelPolicy sample = (ChannelPolicy) json.parseAny(Samples.CHANNEL_POLICY).value();

    policies.pipeInput(
        "eastside/FACEBOOK", ChannelPolicy.newBuilder(sample).setZone("Chicago").build());
    policies.pipeInput("eastside/FACEBOOK", sample);

    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getErrorMessage())
        .isEqualTo(
            "INVALID: ChannelPolicy zone: not a time zone; use a name such as America/Chicago,"
                + " Europe/London or UTC");
    assertThat(letter.value().getSourceTopic()).isEqualTo(policyTopic.name());
    assertThat(letter.value().getOffset()).isZero();
    assertThat(letter.value().getApplicationId()).isEqualTo("campaign-ingest");
    assertThat(
            new String(
                letter.headers().lastHeader(DeadLetters.HEADER_REASON).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(RejectedRecord.INVALID);
    assertThat(deadLetters.isEmpty()).as("the valid policy after it is no dead letter").isTrue();
  }

  private PostDecision decision(String postId, int revision, DecisionStatus status) {
    PostDecision sample = (PostDecision) json.parseAny(Samples.POST_DECISION).value();
    return PostDecision.newBuilder(sample)
        .setPostId(postId)
        .setRevision(revision)
        .setStatus(status)
        .build();
  }
}
