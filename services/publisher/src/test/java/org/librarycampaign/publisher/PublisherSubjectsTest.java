package org.librarycampaign.publisher;

import static org.librarycampaign.testsupport.ServiceSubjectsCheck.subjectsRegisteredBeforeStart;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subjects registered before the service starts: its topics and its decisions repartition. */
class PublisherSubjectsTest {

  @TempDir Path dir;

  @Test
  void everySubjectTheServiceUsesIsRegisteredBeforeItStarts() {
    PublisherService service = new PublisherService();
    subjectsRegisteredBeforeStart(
        dir,
        PublisherService.NAME,
        service::buildTopology,
        service.avroInternalValues(),
        "campaign-publisher-publisher-decisions-by-branch-repartition-value",
        "campaign.branch-settings-value",
        "campaign.incidents-value",
        "campaign.post-decisions-value",
        "campaign.posts-value",
        "campaign.publications-value");
  }
}
