package org.librarycampaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.security.ServiceAcls;
import org.librarycampaign.platform.topics.TopicCatalogue;

/** The dashboard's derived Kafka rights: what it reads, and the one topic its reviews write. */
class DashboardAclsTest {

  private final CampaignConfig config = CampaignConfig.of(Map.of());
  private final TopicCatalogue topics =
      TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());

  @Test
  void itReadsThePublicationsAndWritesOnlyThePostsAndTheDeadLetters() {
    List<AclBinding> acls = ServiceAcls.forService(new DashboardService(), config, topics);

    assertThat(literalTopics(acls, AclOperation.WRITE))
        .containsExactlyInAnyOrder(topics.posts().name(), topics.deadLetters().name());
    assertThat(literalTopics(acls, AclOperation.READ))
        .contains(topics.publications().name(), topics.posts().name());
    assertThat(acls)
        .anySatisfy(
            acl -> {
              assertThat(acl.pattern().resourceType()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
              assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
              assertThat(acl.pattern().name()).isEqualTo(config.applicationId("dashboard") + "-");
              assertThat(acl.entry().principal()).isEqualTo("User:dashboard");
            });
  }

  private static List<String> literalTopics(List<AclBinding> acls, AclOperation operation) {
    return acls.stream()
        .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
        .filter(acl -> acl.pattern().patternType() == PatternType.LITERAL)
        .filter(acl -> acl.entry().operation() == operation)
        .map(acl -> acl.pattern().name())
        .toList();
  }
}
