package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.ServiceSubjects;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The subjects registered before the service starts: its topics and its Avro internals. */
class ConflictsSubjectsTest {

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
    ConflictsService service = new ConflictsService();

    var subjects =
        ServiceSubjects.prepare(
            service.buildTopology(config, catalogue),
            catalogue,
            config.applicationId(ConflictsService.NAME),
            service.avroInternalValues());

    assertThat(subjects)
        .containsExactly(
            "campaign-conflicts-conflicts-milestones-by-branch-repartition-value",
            "campaign.branch-settings-value",
            "campaign.channel-policies-value",
            "campaign.conflicts-value",
            "campaign.milestones-value",
            "campaign.posts-value");
    assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
  }
}
