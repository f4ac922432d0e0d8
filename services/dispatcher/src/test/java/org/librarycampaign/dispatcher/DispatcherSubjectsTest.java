package org.librarycampaign.dispatcher;

import static org.librarycampaign.testsupport.ServiceSubjectsCheck.subjectsRegisteredBeforeStart;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subjects registered before the service starts: its topics and its Avro internals. */
class DispatcherSubjectsTest {

  @TempDir Path dir;

  @Test
  void everySubjectTheServiceUsesIsRegisteredBeforeItStarts() {
    DispatcherService service = new DispatcherService();
    subjectsRegisteredBeforeStart(
        dir,
        DispatcherService.NAME,
        service::buildTopology,
        service.avroInternalValues(),
        "campaign-dispatcher-dispatcher-pending-changelog-value",
        "campaign-dispatcher-dispatcher-receipts-changelog-value",
        "campaign.dead-letters-value",
        "campaign.notification-receipts-value",
        "campaign.notifications-value");
  }
}
