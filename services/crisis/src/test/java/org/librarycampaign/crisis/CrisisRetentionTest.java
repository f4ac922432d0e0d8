package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.acknowledged;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.crisis.response.Incident;

/**
 * Retention (README: retention): a resolved incident, with the ids it wrote, is kept for the
 * horizon after the incident's last change, then deleted; an open incident is kept however old.
 */
class CrisisRetentionTest {

  private static final Map<String, String> TEN_DAYS =
      Map.of("campaign.retention.horizon", "P10D", "campaign.retention.check-interval", "1h");

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void aResolvedIncidentAndTheIdsItWroteAreForgottenAfterTheHorizon() {
    crisis = new CrisisDriver(stateDir, TEN_DAYS).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.line(resolved("i1", "westside", "dana", "2026-12-01T16:00:00Z"));
    crisis.line(reported("i2", "westside", "HIGH", "2026-12-01T16:30:00Z"));
    crisis.line(acknowledged("i2", "westside", "dana", "2026-12-01T16:31:00Z"));
    crisis.brief();

    crisis.tick("2026-12-11T14:59:00Z");
    assertThat(keys(CrisisTopology.INCIDENTS_STORE))
        .as("within the horizon: nothing forgotten")
        .containsExactly("i1", "i2");
    Incident i1 = (Incident) crisis.store(CrisisTopology.INCIDENTS_STORE).get("i1");
    assertThat(i1.writtenIds())
        .as("the incident holds the ids it wrote, its resolution notices too")
        .contains("i1/0/manager/EMAIL", "i1/resolved/manager/EMAIL");

    crisis.tick("2026-12-11T17:01:00Z");
    assertThat(keys(CrisisTopology.INCIDENTS_STORE))
        .as("i1 resolved more than ten days ago; i2 is still open")
        .containsExactly("i2");
    assertThat(crisis.brief()).as("forgetting writes nothing").isEmpty();
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void theDefaultHorizonIsNinetyDays() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "westside", "HIGH", "2026-12-01T15:00:00Z"));
    crisis.line(resolved("i1", "westside", "dana", "2026-12-01T16:00:00Z"));

    crisis.advance(Duration.ofDays(89));
    assertThat(keys(CrisisTopology.INCIDENTS_STORE)).containsExactly("i1");

    crisis.advance(Duration.ofDays(2));
    assertThat(keys(CrisisTopology.INCIDENTS_STORE)).isEmpty();
  }

  private List<String> keys(String storeName) {
    KeyValueStore<String, Object> store = crisis.store(storeName);
    List<String> keys = new ArrayList<>();
    try (var scan = store.all()) {
      scan.forEachRemaining(entry -> keys.add(entry.key));
    }
    return keys;
  }
}
