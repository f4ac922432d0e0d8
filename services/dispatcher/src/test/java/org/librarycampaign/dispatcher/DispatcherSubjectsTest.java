package org.librarycampaign.dispatcher;

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
class DispatcherSubjectsTest {

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
    DispatcherService service = new DispatcherService();

    var subjects =
        ServiceSubjects.prepare(
            service.buildTopology(config, catalogue),
            catalogue,
            config.applicationId(DispatcherService.NAME),
            service.avroInternalValues());

    assertThat(subjects)
        .containsExactly(
            "campaign-dispatcher-dispatcher-pending-changelog-value",
            "campaign-dispatcher-dispatcher-receipts-changelog-value",
            "campaign.dead-letters-value",
            "campaign.notification-receipts-value",
            "campaign.notifications-value");
    assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(subjects);
  }
}
