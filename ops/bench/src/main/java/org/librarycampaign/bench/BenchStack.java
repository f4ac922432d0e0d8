package org.librarycampaign.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.SchemaSetup;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;

/**
 * One local broker (in this JVM, as {@code campaign up} runs it) and one schema registry (a child
 * process), with a counting proxy in front of the registry. Every measurement of a run shares them;
 * each scenario gets topics and application ids of its own, so none sees another's records.
 */
final class BenchStack implements AutoCloseable {

  private final Path dataDir;
  private final LocalKafkaCluster kafka;
  private final RegistryProcess registry;
  private final CountingProxy proxy;
  private final Map<String, String> everyScenario;

  private BenchStack(
      Path dataDir,
      LocalKafkaCluster kafka,
      RegistryProcess registry,
      CountingProxy proxy,
      Map<String, String> everyScenario) {
    this.dataDir = dataDir;
    this.kafka = kafka;
    this.registry = registry;
    this.proxy = proxy;
    this.everyScenario = Map.copyOf(everyScenario);
  }

  static BenchStack start(Path dataDir) throws IOException {
    return start(dataDir, Map.of());
  }

  /**
   * @param everyScenario config every scenario has ({@code --set}, e.g. {@code
   *     commit.interval.ms=50}), under each scenario's own overrides
   */
  static BenchStack start(Path dataDir, Map<String, String> everyScenario) throws IOException {
    RegistryProcess registry =
        RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, dataDir.resolve("registry"));
    LocalKafkaCluster kafka;
    try {
      kafka = LocalKafkaCluster.startInProcess(dataDir.resolve("kafka"), 0);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return new BenchStack(
        dataDir, kafka, registry, CountingProxy.start(registry.confluentApiUrl()), everyScenario);
  }

  /**
   * The config of one scenario: its own topic prefix, application ids and state directory, the
   * registry through the counting proxy, plus the given overrides.
   */
  CampaignConfig scenario(String name, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put(CampaignConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(CampaignConfig.REGISTRY_URL, proxy.via(registry.confluentApiUrl()));
    values.put(CampaignConfig.TOPIC_PREFIX, name + ".");
    values.put(CampaignConfig.APPLICATION_ID_PREFIX, "bench-" + name + "-");
    values.put(CampaignConfig.DATA_DIR, dataDir.resolve("scenarios").resolve(name).toString());
    values.putAll(everyScenario);
    values.putAll(overrides);
    return CampaignConfig.of(values);
  }

  /** Creates the scenario's topics (as {@code campaign up} does) and registers its schemas. */
  TopicCatalogue createTopics(CampaignConfig config) {
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      new TopicAdmin(admin, catalogue, TopicSpecs.load(Optional.empty())).createMissing();
    }
    SchemaSetup.registerAll(catalogue);
    return catalogue;
  }

  long registryRequests() {
    return proxy.requests();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  long registryPid() {
    return registry.pid();
  }

  @Override
  public void close() {
    proxy.close();
    registry.close();
    kafka.close();
  }
}
