package org.librarycampaign.conflicts;

import static org.librarycampaign.testsupport.ServiceSubjectsCheck.subjectsRegisteredBeforeStart;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subjects registered before the service starts: its topics and its Avro internals. */
class ConflictsSubjectsTest {

  @TempDir Path dir;

  @Test
  void everySubjectTheServiceUsesIsRegisteredBeforeItStarts() {
    ConflictsService service = new ConflictsService();
    subjectsRegisteredBeforeStart(
        dir,
        ConflictsService.NAME,
        service::buildTopology,
        service.avroInternalValues(),
        "campaign-conflicts-conflicts-milestones-by-branch-repartition-value",
        "campaign.branch-settings-value",
        "campaign.channel-policies-value",
        "campaign.conflicts-value",
        "campaign.milestones-value",
        "campaign.posts-value");
  }
}
