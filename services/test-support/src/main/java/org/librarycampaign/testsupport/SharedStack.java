package org.librarycampaign.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker and one real schema registry for the whole test JVM, started on first use
 * and stopped when the JVM exits. With a Docker engine the broker is Testcontainers' Kafka; without
 * one (these machines, CI) it is a KRaft broker from Kafka's own classes in this JVM.
 *
 * <p>Tests share the stack, so each takes its own topic names: {@link #configFor} gives a config
 * whose topic prefix and application ids no other test uses.
 */
public final class SharedStack {

  private static final Logger LOGGER = LoggerFactory.getLogger(SharedStack.class);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static volatile SharedStack instance;

  private final String bootstrapServers;
  private final String registryUrl;
  private final Path workDir;

  private SharedStack(String bootstrapServers, String registryUrl, Path workDir) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.workDir = workDir;
  }

  public static SharedStack get() {
    SharedStack stack = instance;
    if (stack == null) {
      synchronized (SharedStack.class) {
        stack = instance;
        if (stack == null) {
          stack = start();
          instance = stack;
        }
      }
    }
    return stack;
  }

  private static SharedStack start() {
    try {
      Path workDir = Files.createTempDirectory("campaign-it-");
      long started = System.nanoTime();
      BrokerHandle broker =
          DockerKafka.isAvailable()
              ? DockerKafka.start()
              : inProcess(LocalKafkaCluster.startInProcess(workDir.resolve("kafka"), 0));
      RegistryProcess registry =
          RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, workDir.resolve("registry"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    registry.close();
                    broker.close();
                  },
                  "shared-stack-stop"));
      LOGGER
          .atInfo()
          .addKeyValue("bootstrap", broker.bootstrapServers())
          .addKeyValue("registry", registry.confluentApiUrl())
          .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
          .log("Shared test stack up");
      return new SharedStack(broker.bootstrapServers(), registry.confluentApiUrl(), workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BrokerHandle inProcess(LocalKafkaCluster cluster) {
    return new BrokerHandle() {
      @Override
      public String bootstrapServers() {
        return cluster.bootstrapServers();
      }

      @Override
      public void close() {
        cluster.close();
      }
    };
  }

  /** A running broker, whichever kind. */
  interface BrokerHandle extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String registryUrl() {
    return registryUrl;
  }

  /**
   * Creates every topic of the system under the config's topic prefix, laid out as {@code
   * ops/topics.yaml} says, and returns the catalogue (registry of the shared stack) to use them.
   */
  public static TopicCatalogue createTopics(CampaignConfig config) {
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      new TopicAdmin(admin, catalogue, TopicSpecs.load(Optional.empty())).createMissing();
    }
    return catalogue;
  }

  /** A name no other test in this JVM (or an earlier run against the same broker) uses. */
  public static String uniqueName(String base) {
    return base + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * Config pointing at the shared stack, with a topic prefix and application-id prefix of its own
   * and state under a fresh directory.
   */
  public CampaignConfig configFor(String testName) {
    String unique = uniqueName(testName);
    Path stateDir = workDir.resolve("state").resolve(unique);
    return CampaignConfig.of(
        Map.of(
            CampaignConfig.BOOTSTRAP_SERVERS,
            bootstrapServers,
            CampaignConfig.REGISTRY_URL,
            registryUrl,
            CampaignConfig.TOPIC_PREFIX,
            unique + ".",
            CampaignConfig.APPLICATION_ID_PREFIX,
            unique + "-",
            CampaignConfig.DATA_DIR,
            workDir.resolve("data").resolve(unique).toString(),
            CampaignConfig.STATE_DIR,
            stateDir.toString(),
            CampaignConfig.HTTP_PORT,
            "0"));
  }
}
