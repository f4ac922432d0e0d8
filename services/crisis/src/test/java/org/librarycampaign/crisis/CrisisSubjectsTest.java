package org.librarycampaign.crisis;

import static org.librarycampaign.testsupport.ServiceSubjectsCheck.subjectsRegisteredBeforeStart;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subjects registered before the service starts: its topics and the output gate's repartition,
 * whose {@code CrisisOutput} schema is crisis's own.
 */
class CrisisSubjectsTest {

  @TempDir Path dir;

  @Test
  void everySubjectTheServiceUsesIsRegisteredBeforeItStarts() {
    CrisisService service = new CrisisService();
    subjectsRegisteredBeforeStart(
        dir,
        CrisisService.NAME,
        service::buildTopology,
        service.avroInternalValues(),
        "campaign-crisis-crisis-output-by-id-repartition-value",
        "campaign.branch-settings-value",
        "campaign.incident-status-value",
        "campaign.incidents-value",
        "campaign.notifications-value",
        "campaign.response-plans-value",
        "campaign.rotation-overrides-value");
  }
}
