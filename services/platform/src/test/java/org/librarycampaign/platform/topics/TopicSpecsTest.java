package org.librarycampaign.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;

class TopicSpecsTest {

  private static final Path CLUSTER_FILE = Path.of("../../ops/topics-cluster.yaml");

  @Test
  void theBundledFileLaysOutEveryTopicAServiceNeeds() {
    TopicSpecs specs = TopicSpecs.load(Optional.empty());

    assertThat(specs.all())
        .hasSize(CampaignTopic.values().length + ServiceTopic.values().length)
        .allSatisfy(spec -> assertThat(spec.replication()).isEqualTo((short) 1));
    assertThat(specs.get(ServiceTopic.GOVERNANCE_HASHTAG_FIRST_USE).topicConfigs())
        .containsEntry("cleanup.policy", "compact");
  }

  @Test
  void theClusterFileReplicatesEveryTopicThreeTimesWithTwoInSync() {
    TopicSpecs specs = TopicSpecs.load(Optional.of(CLUSTER_FILE));

    assertThat(specs.all())
        .hasSize(CampaignTopic.values().length + ServiceTopic.values().length)
        .allSatisfy(
            spec -> {
              assertThat(spec.replication()).as(spec.key()).isEqualTo((short) 3);
              assertThat(spec.topicConfigs())
                  .as(spec.key())
                  .containsEntry("min.insync.replicas", "2");
            });
    assertThat(specs.get(ServiceTopic.GOVERNANCE_HASHTAG_FIRST_USE).cleanup()).isEqualTo("compact");
  }

  @Test
  void serviceTopicsAreNamedAfterTheApplicationIdAndEventTopicsAfterTheTopicPrefix() {
    TopicCatalogue catalogue =
        TopicCatalogue.forConfig(
            CampaignConfig.of(
                Map.of(
                    CampaignConfig.TOPIC_PREFIX, "t.",
                    CampaignConfig.APPLICATION_ID_PREFIX, "app-")),
            new InMemorySchemaRegistry());

    Map<String, TopicSpec> byName = TopicSpecs.load(Optional.empty()).byName(catalogue);

    assertThat(byName)
        .containsKeys("t.campaign.posts", "app-governance-hashtag-first-use")
        .hasSize(CampaignTopic.values().length + ServiceTopic.values().length);
  }

  @Test
  void aFileWithoutAServiceTopicIsRefusedNamingIt() {
    String yaml = "topics:\n" + "  campaign.posts: { cleanup: delete }\n";

    assertThatThrownBy(
            () ->
                TopicSpecs.parse(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"))
        .hasMessageContaining("governance-hashtag-first-use");
  }
}
