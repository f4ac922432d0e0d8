package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.ServiceSubjects;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The subjects registered before the service starts: its topics and its decisions repartition. */
class PublisherSubjectsTest {

  @TempDir Path dir;

  @Test
  void everySubjectTheServiceUsesIsRegisteredBeforeItStarts() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, dir.resolve("state").toString(),
                CampaignConfig.DATA_DIR, dir.toString()));
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, registry);
    PublisherService service = new PublisherService();

    var subjects =
        ServiceSubjects.prepare(
            service.buildTopology(config, catalogue),
            catalogue,
            config.applicationId(PublisherService.NAME),
            service.avroInternalValues());

    assertThat(subjects)
        .containsExactly(
            "campaign-publisher-publisher-decisions-by-branch-repartition-value",
            "campaign.branch-settings-value",
            "campaign.incidents-value",
            "campaign.post-decisions-value",
            "campaign.posts-value",
            "campaign.publications-value");
    assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
  }
}
