package org.librarycampaign.governance;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicSpec;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted topic behind the global hashtag view. Kafka Streams creates repartition and
 * changelog topics itself, but not the source of a global store, and the global store must find it
 * before the first task starts: so the service creates it, laid out like {@code campaign.posts}.
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
    TopicSpec posts = TopicSpecs.load(config.topicsFile()).get(CampaignTopic.POSTS);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      if (existing.contains(name)) {
        return name;
      }
      NewTopic topic =
          new NewTopic(name, posts.partitions(), posts.replication())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
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
