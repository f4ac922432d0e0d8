package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.topics.CampaignTopic;

/** A tombstone on an input topic is a counted skip: no output, no dead letter, one count. */
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
  void aTombstoneOnAnInputTopicIsCountedAndSkipped() {
    try (TopologyHarness harness =
        TopologyHarness.startingAt(Instant.parse("2026-12-01T15:00:00Z"))
            .stateDir(stateDir)
            .service(GovernanceService.NAME, GovernanceTopology::buildTopology)
            .build()) {
      harness.pipe(CampaignTopic.POSTS, "eastside", null, harness.clock());
      harness.pipe(CampaignTopic.INCIDENTS, "eastside", null, harness.clock());

      assertThat(harness.output()).isEmpty();
      assertThat(tombstones(harness, CampaignTopic.POSTS)).isEqualTo(1.0);
      assertThat(tombstones(harness, CampaignTopic.INCIDENTS)).isEqualTo(1.0);
    }
  }

  private double tombstones(TopologyHarness harness, CampaignTopic topic) {
    Counter counter =
        registry
            .find(InputTombstones.METRIC)
            .tag(InputTombstones.TAG_TOPIC, harness.catalogue().name(topic))
            .tag(InputTombstones.TAG_SERVICE, GovernanceService.NAME)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
