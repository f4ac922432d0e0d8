package org.librarycampaign.platform.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics {@link TopicSpecs} describes (every {@link CampaignTopic} and {@link
 * ServiceTopic}), and reports where a cluster differs. Creating is idempotent: an existing topic is
 * left as it is, whatever its layout.
 */
public final class TopicAdmin {

  private static final Logger LOGGER = LoggerFactory.getLogger(TopicAdmin.class);

  private final Admin admin;
  private final Map<String, TopicSpec> specsByName;

  public TopicAdmin(Admin admin, TopicCatalogue catalogue, TopicSpecs specs) {
    this.admin = admin;
    this.specsByName = specs.byName(catalogue);
  }

  /** Creates every missing topic; the names of those it created. */
  public List<String> createMissing() {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> toCreate = new ArrayList<>();
      for (var entry : specsByName.entrySet()) {
        String name = entry.getKey();
        TopicSpec spec = entry.getValue();
        if (!existing.contains(name)) {
          toCreate.add(
              new NewTopic(name, spec.partitions(), spec.replication())
                  .configs(spec.topicConfigs()));
        }
      }
      List<String> created = new ArrayList<>();
      for (var entry : admin.createTopics(toCreate).values().entrySet()) {
        try {
          entry.getValue().get();
          created.add(entry.getKey());
          LOGGER.atInfo().addKeyValue("topic", entry.getKey()).log("Topic created");
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      return created;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Every difference between the cluster and the definitions, as sentences; empty when none. */
  public List<String> drift() {
    try {
      List<String> problems = new ArrayList<>();
      Set<String> existing = admin.listTopics().names().get();
      List<String> present = new ArrayList<>();
      for (String name : specsByName.keySet()) {
        if (existing.contains(name)) {
          present.add(name);
        } else {
          problems.add(name + ": missing");
        }
      }
      if (present.isEmpty()) {
        return problems;
      }
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(present).allTopicNames().get();
      List<ConfigResource> resources =
          present.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
      for (var entry : specsByName.entrySet()) {
        String name = entry.getKey();
        TopicSpec spec = entry.getValue();
        TopicDescription description = descriptions.get(name);
        if (description == null) {
          continue;
        }
        int partitions = description.partitions().size();
        if (partitions != spec.partitions()) {
          problems.add(name + ": " + partitions + " partitions, expected " + spec.partitions());
        }
        int replication = description.partitions().get(0).replicas().size();
        if (replication != spec.replication()) {
          problems.add(name + ": replication " + replication + ", expected " + spec.replication());
        }
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
        spec.topicConfigs()
            .forEach(
                (key, expected) -> {
                  var actual = config.get(key);
                  String value = actual == null ? null : actual.value();
                  if (!expected.equals(value)) {
                    problems.add(name + ": " + key + "=" + value + ", expected " + expected);
                  }
                });
      }
      return problems;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    }
  }
}
