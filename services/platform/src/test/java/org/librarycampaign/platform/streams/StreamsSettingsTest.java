package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.TopicCatalogue;

class StreamsSettingsTest {

  private static final String GROUP_INSTANCE_ID = "main.consumer.group.instance.id";

  private static Properties settings(Map<String, String> config) {
    CampaignConfig campaign =
        CampaignConfig.of(config).with(Map.of(CampaignConfig.STATE_DIR, "/state"));
    return StreamsSettings.forService(
        campaign, "governance", TopicCatalogue.forConfig(campaign, new InMemorySchemaRegistry()));
  }

  @Test
  void anInstanceIsAStaticMemberWithAStateDirectoryOfItsOwn() {
    Properties props = settings(Map.of(CampaignConfig.INSTANCE_ID, "node-1-governance-8080"));

    assertThat(props.get(GROUP_INSTANCE_ID)).isEqualTo("node-1-governance-8080");
    assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG))
        .isEqualTo(Path.of("/state", "governance", "node-1-governance-8080").toString());
  }

  @Test
  void theApplicationIdIsTheSameForEveryInstanceAndDataDirectory() {
    Properties one =
        settings(Map.of(CampaignConfig.INSTANCE_ID, "a", CampaignConfig.DATA_DIR, "/data/a"));
    Properties other =
        settings(Map.of(CampaignConfig.INSTANCE_ID, "b", CampaignConfig.DATA_DIR, "/data/b"));

    assertThat(one.get(StreamsConfig.APPLICATION_ID_CONFIG))
        .isEqualTo(other.get(StreamsConfig.APPLICATION_ID_CONFIG))
        .isEqualTo("campaign-governance");
  }

  @Test
  void withoutAnInstanceIdMembershipIsDynamicAndStateAsBefore() {
    Properties props = settings(Map.of());

    assertThat(props).doesNotContainKey(GROUP_INSTANCE_ID);
    assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG))
        .isEqualTo(Path.of("/state", "governance").toString());
  }

  @Test
  void storesAreTransactionalSoThatACrashNeedsNoFullRestore() {
    Properties props = settings(Map.of());

    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo(true);
  }

  @Test
  void globalStoresRestoreWithoutWaitingOutIdleFetches() {
    Properties props = settings(Map.of());

    assertThat(props.get("global.consumer.fetch.max.wait.ms")).isEqualTo(50);
    assertThat(new StreamsConfig(props).getGlobalConsumerConfigs("c"))
        .containsEntry("fetch.max.wait.ms", 50);
  }

  @Test
  void transactionsCommitEvery50MillisecondsSoThatAGatedOutputWaitsTwoShortIntervals() {
    Properties props = settings(Map.of());

    assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50);
    assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(50L);
  }

  @Test
  void theConfigOverridesTheCommitInterval() {
    Properties props = settings(Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"));

    assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(100L);
  }
}
