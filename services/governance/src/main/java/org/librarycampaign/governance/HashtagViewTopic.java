package org.librarycampaign.governance;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.ServiceTopic;
import org.librarycampaign.platform.topics.TopicSpec;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted topic behind the global hashtag view. Kafka Streams creates repartition and
 * changelog topics itself, but not the source of a global store, and the global store must find it
 * before the first task starts. {@code campaign topics --create} (and {@code campaign up}) lay it
 * out with every other topic ({@link ServiceTopic#GOVERNANCE_HASHTAG_FIRST_USE} in {@code
 * ops/topics.yaml}); the service creates it only when it is still missing.
 */
public final class HashtagViewTopic {

  private static final Logger LOGGER = LoggerFactory.getLogger(HashtagViewTopic.class);

  private HashtagViewTopic() {}

  public static String name(CampaignConfig config) {
    return GovernanceSettings.from(config).hashtagViewTopic();
  }

  /** Creates the topic when it is missing; its name. */
  public static String ensureExists(CampaignConfig config) {
    String name = name(config);
    TopicSpec spec =
        TopicSpecs.load(config.topicsFile()).get(ServiceTopic.GOVERNANCE_HASHTAG_FIRST_USE);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      if (existing.contains(name)) {
        return name;
      }
      NewTopic topic =
          new NewTopic(name, spec.partitions(), spec.replication()).configs(spec.topicConfigs());
      admin.createTopics(Set.of(topic)).all().get();
      LOGGER.atInfo().addKeyValue("topic", name).log("Topic created");
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create topic " + name + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    return name;
  }
}
