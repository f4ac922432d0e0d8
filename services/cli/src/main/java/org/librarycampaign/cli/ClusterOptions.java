package org.librarycampaign.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.librarycampaign.platform.config.CampaignConfig;
import picocli.CommandLine.Option;

/** The options of every command that talks to a cluster. */
final class ClusterOptions {

  @Option(
      names = "--bootstrap",
      paramLabel = "HOST:PORT",
      description =
          "Kafka bootstrap servers (default: localhost:9092, or KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrap;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description =
          "Schema registry URL, Confluent API (default: http://localhost:8081/apis/ccompat/v7,"
              + " or CAMPAIGN_REGISTRY_URL).")
  String registry;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (campaign.* keys and Kafka client properties).")
  Path configFile;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of every topic name (default: none).")
  String topicPrefix;

  CampaignConfig config() {
    return config(Map.of());
  }

  CampaignConfig config(Map<String, String> more) {
    Map<String, String> explicit = new HashMap<>(more);
    if (bootstrap != null) {
      explicit.put(CampaignConfig.BOOTSTRAP_SERVERS, bootstrap);
    }
    if (registry != null) {
      explicit.put(CampaignConfig.REGISTRY_URL, registry);
    }
    if (topicPrefix != null) {
      explicit.put(CampaignConfig.TOPIC_PREFIX, topicPrefix);
    }
    return CampaignConfig.load(Optional.ofNullable(configFile), System.getenv(), explicit);
  }
}
