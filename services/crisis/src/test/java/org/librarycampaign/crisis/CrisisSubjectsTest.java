package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.ServiceSubjects;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The subjects registered before the service starts: its topics and the output gate's repartition,
 * whose {@code CrisisOutput} schema is crisis's own.
 */
class CrisisSubjectsTest {

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
    CrisisService service = new CrisisService();

    var subjects =
        ServiceSubjects.prepare(
            service.buildTopology(config, catalogue),
            catalogue,
            config.applicationId(CrisisService.NAME),
            service.avroInternalValues());

    assertThat(subjects)
        .containsExactly(
            "campaign-crisis-crisis-output-by-id-repartition-value",
            "campaign.branch-settings-value",
            "campaign.incident-status-value",
            "campaign.incidents-value",
            "campaign.notifications-value",
            "campaign.response-plans-value",
            "campaign.rotation-overrides-value");
    assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
  }
}
