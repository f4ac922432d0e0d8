package org.librarycampaign.platform.topics;

import java.util.Map;

/**
 * How a topic is laid out on the cluster, as {@code ops/topics.yaml} says.
 *
 * @param key its name in the file: a {@link CampaignTopic}'s base name or a {@link ServiceTopic}'s
 *     file key
 */
public record TopicSpec(
    String key, int partitions, short replication, String cleanup, Map<String, String> configs) {

  public TopicSpec {
    configs = Map.copyOf(configs);
  }

  /** The topic-level configs to create it with: cleanup.policy plus the extra ones. */
  public Map<String, String> topicConfigs() {
    var all = new java.util.TreeMap<>(configs);
    all.put("cleanup.policy", cleanup);
    return all;
  }
}
