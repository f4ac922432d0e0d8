package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

class IngestSettingsTest {

  @Test
  void defaults() {
    IngestSettings settings = IngestSettings.from(CampaignConfig.of(Map.of()));

    assertThat(settings)
        .isEqualTo(
            new IngestSettings(
                Optional.empty(), true, List.of(), 1_048_576, Duration.ofSeconds(30), 20, 40, 500));
  }

  @Test
  void readsEveryKey() {
    IngestSettings settings =
        IngestSettings.from(
            CampaignConfig.load(
                Optional.empty(),
                Map.of(
                    "CAMPAIGN_INGEST_TOKENS__FILE", "/etc/campaign/tokens.properties",
                    "CAMPAIGN_INGEST_DEV__TOKENS", "false",
                    "CAMPAIGN_INGEST_DEV__BRANCHES", " eastside, westside ,,",
                    "CAMPAIGN_INGEST_MAX__BODY__BYTES", "2048",
                    "CAMPAIGN_INGEST_SEND__TIMEOUT", "5s",
                    "CAMPAIGN_INGEST_RATE__LIMIT_PER__SECOND", "2.5",
                    "CAMPAIGN_INGEST_RATE__LIMIT_BURST", "7",
                    "CAMPAIGN_INGEST_MAX__EVENTS__PER__REQUEST", "100"),
                Map.of()));

    assertThat(settings)
        .isEqualTo(
            new IngestSettings(
                Optional.of(Path.of("/etc/campaign/tokens.properties")),
                false,
                List.of("eastside", "westside"),
                2048,
                Duration.ofSeconds(5),
                2.5,
                7,
                100));
  }

  @Test
  void refusesValuesThatMakeNoSense() {
    assertThatThrownBy(
            () ->
                IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.MAX_BODY_BYTES, "0"))))
        .hasMessageContaining(IngestSettings.MAX_BODY_BYTES);
    assertThatThrownBy(
            () ->
                IngestSettings.from(
                    CampaignConfig.of(Map.of(IngestSettings.MAX_BODY_BYTES, "1MB"))))
        .hasMessageContaining(IngestSettings.MAX_BODY_BYTES);
    assertThatThrownBy(
            () ->
                IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.SEND_TIMEOUT, "10ms"))))
        .hasMessageContaining(IngestSettings.SEND_TIMEOUT);
    assertThatThrownBy(
            () -> IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.DEV_TOKENS, "yes"))))
        .hasMessageContaining(IngestSettings.DEV_TOKENS);
    assertThatThrownBy(
            () ->
                IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.RATE_PER_SECOND, "0"))))
        .hasMessageContaining(IngestSettings.RATE_PER_SECOND);
    assertThatThrownBy(
            () ->
                IngestSettings.from(
                    CampaignConfig.of(Map.of(IngestSettings.MAX_EVENTS_PER_REQUEST, "many"))))
        .hasMessageContaining(IngestSettings.MAX_EVENTS_PER_REQUEST);
  }
}
