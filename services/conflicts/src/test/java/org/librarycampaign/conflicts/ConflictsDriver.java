package org.librarycampaign.conflicts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostEvent;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The production topology in a TopologyTestDriver, with an in-memory registry. */
final class ConflictsDriver implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, PostEvent> posts;
  private final TestInputTopic<String, MilestoneEvent> milestones;
  private final TestOutputTopic<String, ConflictEvent> conflicts;
  private final TopicCatalogue catalogue;

  ConflictsDriver(Path stateDir) {
    this(stateDir, Map.of());
  }

  ConflictsDriver(Path stateDir, Map<String, String> settings) {
    Map<String, String> values = new HashMap<>(settings);
    values.put(CampaignConfig.STATE_DIR, stateDir.toString());
    CampaignConfig config = CampaignConfig.of(values);
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            ConflictsTopology.buildTopology(config, catalogue),
            StreamsSettings.forService(config, ConflictsService.NAME, catalogue),
            START);
    posts =
        driver.createInputTopic(
            catalogue.posts().name(),
            new StringSerializer(),
            catalogue.posts().valueSerde().serializer());
    milestones =
        driver.createInputTopic(
            catalogue.milestones().name(),
            new StringSerializer(),
            catalogue.milestones().valueSerde().serializer());
    conflicts =
        driver.createOutputTopic(
            catalogue.conflicts().name(),
            new StringDeserializer(),
            catalogue.conflicts().valueSerde().deserializer());
  }

  /** A post event, keyed by its branch, with the given record time. */
  void post(String branchId, PostEvent event, Instant recordTime) {
    posts.pipeInput(branchId, event, recordTime);
  }

  /** A milestone, keyed by its scope, with the given record time. */
  void milestone(MilestoneEvent event, Instant recordTime) {
    milestones.pipeInput(event.getBranchId(), event, recordTime);
  }

  List<KeyValue<String, ConflictEvent>> output() {
    return conflicts.readKeyValuesToList();
  }

  boolean outputEmpty() {
    return conflicts.isEmpty();
  }

  TopologyTestDriver driver() {
    return driver;
  }

  TopicCatalogue catalogue() {
    return catalogue;
  }

  @Override
  public void close() {
    driver.close();
  }
}
