package org.librarycampaign.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** A tombstone on an input topic is a counted skip for the dashboard too: no dead letter. */
class InputTombstonesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @TempDir Path stateDir;

  @BeforeEach
  void count() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void stopCounting() {
    Metrics.removeRegistry(registry);
  }

  @Test
  void tombstonesOnPostsMilestonesAndIncidentsAreCountedAndSkipped() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    TopicCatalogue topics = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    List<DeadLetters.Failure> unreadable = new ArrayList<>();
    List<String> inputs =
        List.of(topics.posts().name(), topics.milestones().name(), topics.incidents().name());
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            DashboardTopology.buildTopology(
                config, topics, (failure, at) -> unreadable.add(failure)),
            StreamsSettings.forService(config, DashboardService.NAME, topics),
            Instant.parse("2026-11-30T15:00:00Z"))) {
      for (String topic : inputs) {
        driver
            .createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
            .pipeInput("eastside", null);
      }
    }

    assertThat(unreadable).isEmpty();
    for (String topic : inputs) {
      Counter counter =
          registry
              .find(InputTombstones.METRIC)
              .tag(InputTombstones.TAG_TOPIC, topic)
              .tag(InputTombstones.TAG_SERVICE, DashboardService.NAME)
              .counter();
      assertThat(counter).as(topic).isNotNull();
      assertThat(counter.count()).as(topic).isEqualTo(1.0);
    }
  }
}
