package org.librarycampaign.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.ServiceTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The least Kafka rights of a service, for principal {@code User:<service>}, derived from what it
 * uses ({@link CampaignService#kafkaAccess}) rather than kept by hand:
 *
 * <ul>
 *   <li>READ on every topic it reads, WRITE on every topic it writes, WRITE on the dead letters;
 *   <li>on the topics named {@code <application id>-...} (prefixed): what Kafka Streams does with
 *       its changelog and repartition topics (create, read, write, delete records, describe), which
 *       covers the service's own topics ({@link ServiceTopic}) too;
 *   <li>READ on its consumer group (the application id) and WRITE on the transactional ids prefixed
 *       {@code <application id>-} (exactly-once).
 * </ul>
 *
 * A topic that is neither in the catalogue, nor the service's own, nor internal is refused: the
 * derivation would otherwise grant less than the service needs, or something unknown.
 */
public final class ServiceAcls {

  private static final List<AclOperation> INTERNAL_TOPIC_OPERATIONS =
      List.of(
          AclOperation.CREATE,
          AclOperation.READ,
          AclOperation.WRITE,
          AclOperation.DELETE,
          AclOperation.DESCRIBE,
          AclOperation.DESCRIBE_CONFIGS);

  private ServiceAcls() {}

  /** The principal a service authenticates as. */
  public static String principal(String service) {
    return "User:" + service;
  }

  public static List<AclBinding> forService(
      CampaignService service, CampaignConfig config, TopicCatalogue topics) {
    return forAccess(
        service.name(), service.kafkaAccess(config, topics), config.applicationId(""), topics);
  }

  /**
   * The bindings of {@code service} for {@code access}, its application id being {@code
   * applicationIdPrefix + service}.
   */
  public static List<AclBinding> forAccess(
      String service, KafkaAccess access, String applicationIdPrefix, TopicCatalogue topics) {
    String principal = principal(service);
    String applicationId = applicationIdPrefix + service;
    String internalPrefix = applicationId + "-";
    Set<String> known = new HashSet<>();
    for (CampaignTopic topic : CampaignTopic.values()) {
      known.add(topics.name(topic));
    }
    for (ServiceTopic topic : ServiceTopic.values()) {
      known.add(topic.name(applicationIdPrefix));
    }
    List<AclBinding> bindings = new ArrayList<>();
    for (String topic : new TreeSet<>(access.reads())) {
      if (!internal(topic, internalPrefix, known)) {
        bindings.add(literalTopic(topic, principal, AclOperation.READ));
      }
    }
    Set<String> writes = new TreeSet<>(access.writes());
    writes.add(topics.deadLetters().name());
    for (String topic : writes) {
      if (!internal(topic, internalPrefix, known)) {
        bindings.add(literalTopic(topic, principal, AclOperation.WRITE));
      }
    }
    for (AclOperation operation : INTERNAL_TOPIC_OPERATIONS) {
      bindings.add(
          binding(ResourceType.TOPIC, internalPrefix, PatternType.PREFIXED, principal, operation));
    }
    bindings.add(
        binding(
            ResourceType.GROUP, applicationId, PatternType.LITERAL, principal, AclOperation.READ));
    bindings.add(
        binding(
            ResourceType.TRANSACTIONAL_ID,
            internalPrefix,
            PatternType.PREFIXED,
            principal,
            AclOperation.WRITE));
    return List.copyOf(bindings);
  }

  /**
   * Whether a topic is covered by the application id prefix: named under it (the service's own, or
   * as Streams names its internal topics at run time), or an internal topic as an unconfigured
   * topology describes it (a repartition or foreign-key join topic without the prefix).
   */
  private static boolean internal(String topic, String internalPrefix, Set<String> known) {
    if (topic.startsWith(internalPrefix)) {
      return true;
    }
    if (known.contains(topic)) {
      return false;
    }
    if (topic.endsWith("-repartition") || topic.endsWith("-topic")) {
      return true;
    }
    throw new IllegalArgumentException(
        "topic "
            + topic
            + " is neither in the catalogue nor under "
            + internalPrefix
            + "; no ACL can be derived for it");
  }

  private static AclBinding literalTopic(String topic, String principal, AclOperation operation) {
    return binding(ResourceType.TOPIC, topic, PatternType.LITERAL, principal, operation);
  }

  private static AclBinding binding(
      ResourceType type,
      String name,
      PatternType pattern,
      String principal,
      AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }
}
