package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.librarycampaign.conflicts.ConflictsSettings;
import org.librarycampaign.crisis.CrisisSettings;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dispatcher.DispatcherSettings;
import org.librarycampaign.governance.GovernanceSettings;
import org.librarycampaign.ingest.IngestSettings;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.publisher.PublisherSettings;
import org.librarycampaign.report.ReportSettings;

/**
 * Reads the deployment files ({@code docker-compose.yml}, {@code ops/docker/Dockerfile}, {@code
 * ops/prometheus/prometheus.yml}) and checks what no Docker engine is needed to check: every
 * service runs, every setting it is given is one the code reads, every image is pinned, every host
 * port is used once, every service is health-checked on {@code /ready} and scraped by Prometheus.
 *
 * <p>The known {@code campaign.*} keys are the {@code public static final String} constants of the
 * classes that read configuration ({@link CampaignConfig} and each service's settings), found by
 * reflection: renaming a key in the code makes a stale variable in the compose file fail here,
 * where a list copied from the README would go on agreeing with itself.
 */
class ComposeDeploymentTest {

  /** The services of the SPI today; {@link ServiceLoader} also finds any added later. */
  private static final Set<String> SERVICES =
      Set.of(
          "governance",
          "conflicts",
          "crisis",
          "dispatcher",
          "ingest",
          "dashboard",
          "publisher",
          "report");

  /** The classes whose public string constants are the {@code campaign.*} keys the code reads. */
  private static final List<Class<?>> KEY_HOLDERS =
      List.of(
          CampaignConfig.class,
          GovernanceSettings.class,
          ConflictsSettings.class,
          CrisisSettings.class,
          DispatcherSettings.class,
          PublisherSettings.class,
          ReportSettings.class,
          IngestSettings.class,
          DashboardSettings.class);

  private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");
  private static final Pattern VERSION_TAG = Pattern.compile(":v?\\d+(\\.\\d+)*[A-Za-z0-9._-]*$");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static Path root;
  private static JsonNode compose;
  private static List<String> dockerfile;

  @BeforeAll
  static void readFiles() throws IOException {
    root = repositoryRoot();
    compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
    dockerfile = Files.readAllLines(root.resolve("ops/docker/Dockerfile"));
  }

  @Test
  void runsEveryServiceOfTheSpiInAContainerOfItsOwn() {
    Set<String> discovered =
        ServiceLoader.load(CampaignService.class).stream()
            .map(provider -> provider.get().name())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(discovered).containsAll(SERVICES);

    Set<String> run = new TreeSet<>(serviceContainers().values());

    assertThat(run).as("services run by docker-compose.yml").containsAll(discovered);
  }

  @Test
  void givesTheServicesOnlySettingsTheCodeReads() {
    Set<String> knownKeys = knownCampaignKeys();
    Set<String> directlyRead = variablesReadByName();
    Set<String> kafkaProperties = kafkaClientProperties();
    Map<String, String> unknown = new TreeMap<>();

    Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    campaignImageContainers().forEach(name -> environments.put(name, environment(name)));
    environments.put("ops/docker/Dockerfile", dockerfileEnvironment());

    environments.forEach(
        (where, environment) ->
            environment
                .keySet()
                .forEach(
                    variable -> {
                      if (directlyRead.contains(variable)) {
                        return;
                      }
                      Set<String> keys = keysSetBy(variable);
                      if (variable.startsWith("CAMPAIGN_") && !knownKeys.containsAll(keys)) {
                        unknown.put(
                            where + " " + variable, "sets " + keys + ", not a key of the code");
                      }
                      if (variable.startsWith("KAFKA_") && !kafkaProperties.containsAll(keys)) {
                        unknown.put(
                            where + " " + variable, "sets " + keys + ", not a Kafka property");
                      }
                    }));

    assertThat(environments).isNotEmpty();
    assertThat(unknown).as("environment variables nothing reads").isEmpty();
  }

  @Test
  void pinsEveryImage() {
    Map<String, String> images = new TreeMap<>();
    services().forEach((name, service) -> images.put(name, text(service.get("image"))));
    dockerfile.stream()
        .filter(line -> line.startsWith("FROM "))
        .forEach(line -> images.put("Dockerfile " + line, line.split("\\s+")[1]));

    assertThat(images).doesNotContainValue(null);
    assertThat(images)
        .allSatisfy(
            (where, image) -> assertThat(isPinned(image)).as(where + ": " + image).isTrue());
  }

  @Test
  void publishesEveryHostPortOnce() {
    Map<Integer, List<String>> byHostPort = new TreeMap<>();
    services()
        .forEach(
            (name, service) ->
                elements(service.get("ports"))
                    .forEach(
                        port ->
                            byHostPort
                                .computeIfAbsent(hostPort(port), p -> new ArrayList<>())
                                .add(name)));

    assertThat(byHostPort).isNotEmpty();
    assertThat(byHostPort)
        .allSatisfy((port, users) -> assertThat(users).as("port " + port).hasSize(1));
    assertThat(serviceContainers().keySet())
        .allSatisfy(
            name -> assertThat(elements(services().get(name).get("ports"))).as(name).hasSize(1));
  }

  @Test
  void checksEveryServiceOnReady() {
    assertThat(serviceContainers().keySet())
        .allSatisfy(
            name -> {
              JsonNode healthcheck = services().get(name).get("healthcheck");
              assertThat(healthcheck).as(name + " healthcheck").isNotNull();
              assertThat(elements(healthcheck.get("test")).stream().map(JsonNode::asText))
                  .as(name + " healthcheck")
                  .as(name + " healthcheck: /ready on the health-only listener (HTTP port + 10)")
                  .anySatisfy(
                      word -> assertThat(word).endsWith(":" + (httpPort(name) + 10) + "/ready"));
            });
    assertThat(dockerfile).anySatisfy(line -> assertThat(line).contains("/ready"));
  }

  @Test
  void scrapesEveryService() throws IOException {
    JsonNode prometheus = YAML.readTree(root.resolve("ops/prometheus/prometheus.yml").toFile());
    Set<String> scraped = new TreeSet<>();
    for (JsonNode job : elements(prometheus.get("scrape_configs"))) {
      String path = job.path("metrics_path").asText("/metrics");
      for (JsonNode config : elements(job.get("static_configs"))) {
        elements(config.get("targets")).forEach(target -> scraped.add(target.asText() + path));
      }
    }

    assertThat(serviceContainers().keySet())
        .allSatisfy(
            name ->
                assertThat(scraped)
                    .as("Prometheus targets")
                    .contains(hostName(name) + ":" + httpPort(name) + "/metrics"));
  }

  @Test
  void buildsTheImageToRunTheCommandAsAnOrdinaryUser() {
    assertThat(dockerfile)
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/campaign.jar\"]")
        .anySatisfy(line -> assertThat(line).matches("USER (?!root|0)\\S+"));
  }

  /** Container name to the service it runs, for every {@code campaign run NAME} container. */
  private static Map<String, String> serviceContainers() {
    Map<String, String> containers = new TreeMap<>();
    services()
        .forEach(
            (name, service) -> {
              List<String> command =
                  elements(service.get("command")).stream().map(JsonNode::asText).toList();
              if (command.size() >= 2 && command.get(0).equals("run")) {
                containers.put(name, command.get(1));
              }
            });
    return containers;
  }

  /** The containers of this project's image: the services and one-shot commands. */
  private static List<String> campaignImageContainers() {
    return services().entrySet().stream()
        .filter(entry -> entry.getValue().has("build"))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, JsonNode> services() {
    Map<String, JsonNode> services = new TreeMap<>();
    compose.get("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
    return services;
  }

  private static Map<String, String> environment(String container) {
    Map<String, String> environment = new TreeMap<>();
    JsonNode node = services().get(container).get("environment");
    if (node == null) {
      return environment;
    }
    if (node.isArray()) {
      node.forEach(
          entry -> {
            String[] parts = entry.asText().split("=", 2);
            environment.put(parts[0], parts.length > 1 ? parts[1] : "");
          });
    } else {
      node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
    }
    return environment;
  }

  /** The {@code ENV} lines of the Dockerfile, continuation lines joined. */
  private static Map<String, String> dockerfileEnvironment() {
    String joined = String.join("\n", dockerfile).replace("\\\n", " ");
    Map<String, String> environment = new TreeMap<>();
    joined
        .lines()
        .filter(line -> line.startsWith("ENV "))
        .forEach(
            line -> {
              Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
              while (pair.find()) {
                environment.put(pair.group(1), pair.group(2));
              }
            });
    return environment;
  }

  private static String hostName(String container) {
    return Optional.ofNullable(services().get(container).get("hostname"))
        .map(JsonNode::asText)
        .orElse(container);
  }

  /** The HTTP port inside the container: the compose file's, else the image's default. */
  private static int httpPort(String container) {
    String port =
        Optional.ofNullable(environment(container).get("CAMPAIGN_HTTP_PORT"))
            .orElseGet(() -> dockerfileEnvironment().get("CAMPAIGN_HTTP_PORT"));
    return Integer.parseInt(port);
  }

  /**
   * What {@link CampaignConfig} makes of one variable: the keys it sets. The variable is given a
   * value no default has, so that a variable set to a default value still shows its key.
   */
  private static Set<String> keysSetBy(String variable) {
    Map<String, String> without =
        CampaignConfig.load(Optional.empty(), Map.of(), Map.of()).describe();
    Map<String, String> with =
        CampaignConfig.load(Optional.empty(), Map.of(variable, "no-default-has-this"), Map.of())
            .describe();
    Set<String> keys = new TreeSet<>();
    with.forEach(
        (key, value) -> {
          if (!value.equals(without.get(key))) {
            keys.add(key);
          }
        });
    return keys;
  }

  private static Set<String> knownCampaignKeys() {
    Set<String> keys = new TreeSet<>();
    for (Class<?> holder : KEY_HOLDERS) {
      for (Field field : holder.getFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            && Modifier.isFinal(modifiers)
            && field.getType() == String.class) {
          try {
            String value = (String) field.get(null);
            if (value.startsWith("campaign.")) {
              keys.add(value);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    assertThat(keys).as("keys found in the settings classes").contains(CampaignConfig.HTTP_PORT);
    return keys;
  }

  /**
   * Variables read by name rather than mapped to a key: the config file's, and those the logging
   * configuration of the command reads ({@code ${CAMPAIGN_LOG_LEVEL:-INFO}}).
   */
  private static Set<String> variablesReadByName() {
    Set<String> names = new TreeSet<>(Set.of(CampaignConfig.CONFIG_FILE_ENV));
    try (InputStream logback = ComposeDeploymentTest.class.getResourceAsStream("/logback.xml")) {
      assertThat(logback).as("the command's logback.xml").isNotNull();
      Matcher variable =
          Pattern.compile("\\$\\{(CAMPAIGN_\\w+)")
              .matcher(new String(logback.readAllBytes(), StandardCharsets.UTF_8));
      while (variable.find()) {
        names.add(variable.group(1));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static Set<String> kafkaClientProperties() {
    Set<String> names = new TreeSet<>();
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    names.addAll(StreamsConfig.configDef().names());
    return names;
  }

  /** A digest, or a tag with a version number; never {@code latest}. */
  static boolean isPinned(String image) {
    if (image.contains(":latest")) {
      return false;
    }
    return DIGEST.matcher(image).find() || VERSION_TAG.matcher(image).find();
  }

  private static int hostPort(JsonNode port) {
    if (port.isObject()) {
      return Integer.parseInt(port.get("published").asText());
    }
    String[] parts = port.asText().replaceAll("/\\w+$", "").split(":");
    if (parts.length < 2) {
      throw new AssertionError(
          "port " + port.asText() + " has no host port: publish it explicitly");
    }
    return Integer.parseInt(parts[parts.length - 2]);
  }

  private static List<JsonNode> elements(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    List<JsonNode> elements = new ArrayList<>();
    node.forEach(elements::add);
    return elements;
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }

  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("docker-compose.yml"))) {
      directory = directory.getParent();
    }
    assertThat(directory).as("a directory above the tests with docker-compose.yml").isNotNull();
    return directory;
  }
}
