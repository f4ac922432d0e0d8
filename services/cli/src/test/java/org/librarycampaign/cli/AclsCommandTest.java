package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

/** The ACLs derived from the services' topologies and clients. */
class AclsCommandTest {

  private static List<String> acls(String service) {
    return AclsCommand.bindings(CampaignConfig.of(Map.of()), service).stream()
        .map(AclsCommand::describe)
        .toList();
  }

  @Test
  void governanceReadsItsInputsAndWritesOnlyItsDecisions() {
    List<String> governance = acls("governance");

    assertThat(governance)
        .contains(
            "User:governance ALLOW READ TOPIC LITERAL:campaign.posts",
            "User:governance ALLOW READ TOPIC LITERAL:campaign.incidents",
            "User:governance ALLOW READ TOPIC LITERAL:campaign.officials",
            "User:governance ALLOW WRITE TOPIC LITERAL:campaign.post-decisions",
            "User:governance ALLOW WRITE TOPIC LITERAL:campaign.dead-letters",
            "User:governance ALLOW CREATE TOPIC PREFIXED:campaign-governance-",
            "User:governance ALLOW READ GROUP LITERAL:campaign-governance",
            "User:governance ALLOW WRITE TRANSACTIONAL_ID PREFIXED:campaign-governance-")
        .doesNotContain(
            "User:governance ALLOW WRITE TOPIC LITERAL:campaign.notifications",
            "User:governance ALLOW READ TOPIC LITERAL:campaign.notifications")
        .allMatch(line -> line.startsWith("User:governance ALLOW "));
  }

  @Test
  void ingestWritesTheInputTopicsAndReadsTheDecisions() {
    List<String> ingest = acls("ingest");

    assertThat(ingest)
        .contains(
            "User:ingest ALLOW WRITE TOPIC LITERAL:campaign.posts",
            "User:ingest ALLOW WRITE TOPIC LITERAL:campaign.incidents",
            "User:ingest ALLOW WRITE TOPIC LITERAL:campaign.officials",
            "User:ingest ALLOW READ TOPIC LITERAL:campaign.post-decisions",
            // the incident view behind acknowledge links, SMS replies and the timeline
            "User:ingest ALLOW READ TOPIC LITERAL:campaign.incident-status",
            "User:ingest ALLOW READ TOPIC LITERAL:campaign.notifications",
            "User:ingest ALLOW READ TOPIC LITERAL:campaign.notification-receipts",
            // the zone of each branch's incidents, on those pages
            "User:ingest ALLOW READ TOPIC LITERAL:campaign.branch-settings")
        .doesNotContain(
            "User:ingest ALLOW WRITE TOPIC LITERAL:campaign.post-decisions",
            "User:ingest ALLOW WRITE TOPIC LITERAL:campaign.notifications");
  }

  @Test
  void calendarFeedsReadsBackAndWritesOnlyTheMilestones() {
    List<String> feeds = acls("calendar-feeds");

    assertThat(feeds)
        .contains(
            "User:calendar-feeds ALLOW READ TOPIC LITERAL:campaign.milestones",
            "User:calendar-feeds ALLOW WRITE TOPIC LITERAL:campaign.milestones")
        .filteredOn(line -> line.contains(" TOPIC LITERAL:"))
        .containsExactlyInAnyOrder(
            "User:calendar-feeds ALLOW READ TOPIC LITERAL:campaign.milestones",
            "User:calendar-feeds ALLOW WRITE TOPIC LITERAL:campaign.milestones",
            // as every service may
            "User:calendar-feeds ALLOW WRITE TOPIC LITERAL:campaign.dead-letters");
  }

  @Test
  void everyServiceGetsItsOwnPrincipal() {
    List<AclBinding> all = AclsCommand.bindings(CampaignConfig.of(Map.of()), null);

    assertThat(all.stream().map(b -> b.entry().principal()).distinct())
        .containsExactlyInAnyOrder(
            "User:calendar-feeds",
            "User:conflicts",
            "User:crisis",
            "User:dashboard",
            "User:dispatcher",
            "User:governance",
            "User:ingest",
            "User:publisher",
            "User:report");
  }
}
