package org.librarycampaign.platform.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;
import library.campaign.events.DeadLetter;
import library.campaign.events.Platform;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * One platform Streams piece alone in a TopologyTestDriver with the shared Streams settings (and so
 * the dead-letter handlers): the tests of the input rules, the branch route, the ownership gates
 * and the settings views build their small topology on it and read every record written.
 */
final class StreamsTestDriver implements AutoCloseable {

  /** The sink a test's topology writes what passed to. */
  static final String OUT = "out";

  final TopicCatalogue catalogue;
  final TopologyTestDriver driver;
  final TestOutputTopic<byte[], DeadLetter> deadLetters;

  private StreamsTestDriver(TopicCatalogue catalogue, TopologyTestDriver driver) {
    this.catalogue = catalogue;
    this.driver = driver;
    this.deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            catalogue.deadLetters().valueSerde().deserializer());
  }

  /**
   * @param name the service name and topic prefix of the test
   * @param topology adds the piece under test to the builder
   * @param extraProps Streams properties on top of the shared settings, given the topics
   */
  static StreamsTestDriver start(
      Path stateDir,
      String name,
      BiConsumer<StreamsBuilder, TopicCatalogue> topology,
      Function<TopicCatalogue, Map<String, Object>> extraProps) {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR,
                stateDir.toString(),
                CampaignConfig.TOPIC_PREFIX,
                name + "."));
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    StreamsBuilder builder = new StreamsBuilder();
    topology.accept(builder, catalogue);
    Properties props = StreamsSettings.forService(config, name, catalogue);
    props.putAll(extraProps.apply(catalogue));
    return new StreamsTestDriver(catalogue, new TopologyTestDriver(builder.build(), props));
  }

  /** With the shared settings alone. */
  static StreamsTestDriver start(
      Path stateDir, String name, BiConsumer<StreamsBuilder, TopicCatalogue> topology) {
    return start(stateDir, name, topology, catalogue -> Map.of());
  }

  <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(), new StringSerializer(), topic.valueSerde().serializer());
  }

  /** Bytes as they are, for values that are not the wire format. */
  TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
    return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
  }

  /** {@link #OUT}, read with the values of {@code topic}. */
  <V> TestOutputTopic<String, V> out(Topic<String, V> topic) {
    return driver.createOutputTopic(
        OUT, new StringDeserializer(), topic.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }

  /** The refused record's own bytes, as a dead letter holds them. */
  static byte[] bytes(TestRecord<byte[], DeadLetter> letter) {
    ByteBuffer value = letter.value().getValue();
    byte[] bytes = new byte[value.remaining()];
    value.duplicate().get(bytes);
    return bytes;
  }

  static String header(TestRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static String postId(PostEvent event) {
    return ((PostWithdrawn) event.getEvent()).getPostId();
  }

  static PostEvent withdrawal(String postId, String branchId) {
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
