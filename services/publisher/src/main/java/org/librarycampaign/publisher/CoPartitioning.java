package org.librarycampaign.publisher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The decisions repartition topic takes its partition count from {@code campaign.post-decisions},
 * and the default partitioner sends a branch's decisions where the branch's posts and incidents are
 * only when the three topics have as many partitions; otherwise a decision would meet the wrong
 * posts without an error, so the service does not start.
 */
final class CoPartitioning {

  private CoPartitioning() {}

  static void require(CampaignConfig config, TopicCatalogue topics) {
    List<String> names =
        List.of(topics.posts().name(), topics.incidents().name(), topics.postDecisions().name());
    Map<String, TopicDescription> described;
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      described = admin.describeTopics(names).allTopicNames().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot describe " + names + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    }
    int posts = described.get(names.get(0)).partitions().size();
    int incidents = described.get(names.get(1)).partitions().size();
    int decisions = described.get(names.get(2)).partitions().size();
    if (posts != incidents || posts != decisions) {
      throw new IllegalStateException(
          String.format(
              "%s has %d partitions, %s %d and %s %d: the publisher needs them equal (ops/topics.yaml)",
              names.get(0), posts, names.get(1), incidents, names.get(2), decisions));
    }
  }
}
