package org.librarycampaign.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.SchemaSetup;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;

/**
 * Where one scenario runs: the broker and registry it talks to, a topic and application-id prefix
 * of its own (so scenarios can share a broker), and a directory for its data and logs.
 *
 * @param settings campaign configuration keys (bootstrap, registry, prefixes, ...)
 */
record Env(String name, Map<String, String> settings, Path dir) {

  /**
   * Held while subjects are first registered: the Apicurio registry (H2 storage) answers HTTP 500
   * to two first registrations of the same schema at once (a unique-key clash on its content
   * table), and a service that meets that at start-up gives up after its client's retries
   * (docs/RELIABILITY.md#limits). Scenarios that run side by side therefore register one at a time;
   * restarts register nothing new.
   */
  static final ReentrantLock REGISTRATIONS = new ReentrantLock();

  Env {
    settings = Map.copyOf(settings);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scenario's env on a broker and registry: unique prefixes, a directory under {@code root}. */
  static Env of(String name, String bootstrap, String registryUrl, Path root) {
    String unique = name + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    Path dir = root.resolve(unique);
    return new Env(
        name,
        Map.of(
            CampaignConfig.BOOTSTRAP_SERVERS,
            bootstrap,
            CampaignConfig.REGISTRY_URL,
            registryUrl,
            CampaignConfig.TOPIC_PREFIX,
            unique + ".",
            CampaignConfig.APPLICATION_ID_PREFIX,
            unique + "-",
            CampaignConfig.DATA_DIR,
            dir.resolve("data").toString(),
            CampaignConfig.STATE_DIR,
            dir.resolve("state").toString()),
        dir);
  }

  Env with(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(settings);
    merged.putAll(more);
    return new Env(name, merged, dir);
  }

  CampaignConfig config() {
    return CampaignConfig.of(settings);
  }

  TopicCatalogue catalogue() {
    return TopicCatalogue.forConfig(config());
  }

  /**
   * Every topic, laid out as the topics file says ({@code ops/topics.yaml} when empty), and every
   * topic's subject registered (as {@code campaign topics --create} does), one registration at a
   * time across the scenarios of this JVM ({@link #REGISTRATIONS}). The catalogue's registry client
   * keeps the ids, so the scenario's own writes register nothing more.
   */
  TopicCatalogue createTopics(Optional<Path> topicsFile) {
    TopicCatalogue catalogue = catalogue();
    try (Admin admin = Admin.create(config().kafkaProperties())) {
      new TopicAdmin(admin, catalogue, TopicSpecs.load(topicsFile)).createMissing();
    }
    REGISTRATIONS.lock();
    try {
      SchemaSetup.registerAll(catalogue);
    } finally {
      REGISTRATIONS.unlock();
    }
    return catalogue;
  }

  /** The settings as a properties file, for {@code CAMPAIGN_CONFIG_FILE} of a child process. */
  Path writeConfigFile(String fileName) {
    Properties properties = new Properties();
    properties.putAll(settings);
    Path file = dir.resolve(fileName);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "reliability scenario " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
