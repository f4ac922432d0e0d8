package org.librarycampaign.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import library.campaign.events.PostDecision;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The production governance topology in a TopologyTestDriver, with the shared Streams settings
 * (dead-letter handlers included) and an in-memory registry, fed JSON lines
 * (docs/ARCHITECTURE.md#the-json-form-of-events) the way {@code campaign plan} feeds them: each
 * record stamped with the line's own time, or the time of the line before it when it has none.
 */
public final class GovernanceDriver implements AutoCloseable {

  private static final EventJson JSON = new EventJson();

  private final Path stateDir;
  private final TopicCatalogue catalogue;
  private final TopologyTestDriver driver;
  private final Map<CampaignTopic, TestInputTopic<String, SpecificRecord>> inputs =
      new EnumMap<>(CampaignTopic.class);
  private final TestOutputTopic<String, PostDecision> decisions;
  private final TestOutputTopic<String, SpecificRecord> deadLetters;
  private Instant clock;

  public GovernanceDriver() {
    this(CampaignConfig.of(Map.of()), Map.of());
  }

  /**
   * @param streamsOverrides Streams properties over the shared ones (the production settings stay
   *     otherwise untouched)
   */
  public GovernanceDriver(CampaignConfig base, Map<String, Object> streamsOverrides) {
    try {
      stateDir = Files.createTempDirectory("governance-ttd-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CampaignConfig config =
        base.with(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    clock = Instant.parse("2026-11-01T00:00:00Z");
    Properties properties = StreamsSettings.forService(config, GovernanceService.NAME, catalogue);
    properties.putAll(streamsOverrides);
    driver =
        new TopologyTestDriver(
            GovernanceTopology.buildTopology(config, catalogue), properties, clock);
    decisions =
        driver.createOutputTopic(
            catalogue.postDecisions().name(),
            new StringDeserializer(),
            catalogue.postDecisions().valueSerde().deserializer());
    @SuppressWarnings("unchecked")
    TestOutputTopic<String, SpecificRecord> letters =
        (TestOutputTopic<String, SpecificRecord>)
            (TestOutputTopic<String, ?>)
                driver.createOutputTopic(
                    catalogue.deadLetters().name(),
                    new StringDeserializer(),
                    catalogue.deadLetters().valueSerde().deserializer());
    deadLetters = letters;
  }

  /** Sends one JSON line; its time (or the last one) becomes the record's timestamp. */
  public GovernanceDriver send(String line) {
    return send(JSON.parse(line));
  }

  @SuppressWarnings("unchecked")
  public GovernanceDriver send(ParsedEvent event) {
    if (event.eventTime() != null && event.eventTime().isAfter(clock)) {
      clock = event.eventTime();
    }
    if (event.isTick()) {
      return this;
    }
    TestInputTopic<String, SpecificRecord> input =
        inputs.computeIfAbsent(
            event.topic(),
            id ->
                driver.createInputTopic(
                    catalogue.name(id),
                    new StringSerializer(),
                    (Serializer<SpecificRecord>) catalogue.get(id).valueSerde().serializer()));
    input.pipeInput(
        event.key(), event.value(), event.eventTime() != null ? event.eventTime() : clock);
    return this;
  }

  public GovernanceDriver sendAll(List<String> lines) {
    lines.forEach(this::send);
    return this;
  }

  /** Raw bytes onto an input topic, as a broken producer would send them. */
  public void sendRaw(CampaignTopic topic, String key, byte[] value) {
    driver
        .createInputTopic(catalogue.name(topic), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(key, value, clock);
  }

  /** Every decision written since the last call, in order. */
  public List<PostDecision> decisions() {
    List<PostDecision> out = new ArrayList<>();
    while (!decisions.isEmpty()) {
      var record = decisions.readRecord();
      if (!record.key().equals(record.value().getPostId())) {
        throw new AssertionError("decision keyed " + record.key() + " for " + record.value());
      }
      out.add(record.value());
    }
    return out;
  }

  /** Every decision written since the last call, as JSON lines. */
  public List<String> decisionLines() {
    return lines(decisions());
  }

  /** Decisions as JSON lines: every field, compared exactly. */
  public static List<String> lines(List<PostDecision> decisions) {
    return decisions.stream().map(JSON::write).toList();
  }

  public boolean noMoreDecisions() {
    return decisions.isEmpty();
  }

  public List<SpecificRecord> deadLetters() {
    return deadLetters.readValuesToList();
  }

  public TopicCatalogue catalogue() {
    return catalogue;
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
    try (Stream<Path> paths = Files.walk(stateDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
