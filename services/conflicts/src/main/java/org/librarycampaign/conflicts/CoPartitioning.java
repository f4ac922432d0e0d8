package org.librarycampaign.conflicts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The milestone repartition topic takes its partition count from {@code campaign.milestones}, and
 * the partitioner sends a branch's milestones to the partition that has the branch's posts. Both
 * only hold when posts and milestones have as many partitions; otherwise milestones would meet the
 * wrong posts without an error, so the service does not start.
 */
final class CoPartitioning {

  private CoPartitioning() {}

  static void require(CampaignConfig config, TopicCatalogue topics) {
    String posts = topics.posts().name();
    String milestones = topics.milestones().name();
    Map<String, TopicDescription> described;
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      described = admin.describeTopics(List.of(posts, milestones)).allTopicNames().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot describe " + posts + " and " + milestones + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    }
    int postPartitions = described.get(posts).partitions().size();
    int milestonePartitions = described.get(milestones).partitions().size();
    if (postPartitions != milestonePartitions) {
      throw new IllegalStateException(
          String.format(
              "%s has %d partitions and %s %d: the conflicts service needs them equal (ops/topics.yaml)",
              posts, postPartitions, milestones, milestonePartitions));
    }
  }
}
