package org.librarycampaign.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one place where configuration is read. Three layers, each overriding the one before:
 *
 * <ol>
 *   <li>built-in defaults (a local stack: {@code localhost:9092}, the registry on 8081, HTTP on
 *       8080, data in {@code ./campaign-data});
 *   <li>an optional properties file ({@code --config FILE} or {@code CAMPAIGN_CONFIG_FILE});
 *   <li>the environment: {@code CAMPAIGN_REGISTRY_URL} becomes {@code campaign.registry.url},
 *       {@code KAFKA_BOOTSTRAP_SERVERS} becomes the Kafka property {@code bootstrap.servers} (but
 *       the launcher's {@code KAFKA_OPTS}, {@code KAFKA_HEAP_OPTS}, {@code KAFKA_DEBUG}, ... are
 *       left to the JVM);
 *   <li>and, last, what a command line says explicitly ({@code --bootstrap}, {@code --registry}).
 * </ol>
 *
 * <p>Keys starting with {@code campaign.} are ours; every other key is handed to the Kafka clients
 * as it is. The README's configuration reference lists every {@code campaign.} key.
 */
public final class CampaignConfig {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String REGISTRY_URL = "campaign.registry.url";
  public static final String REGISTRY_AUTO_REGISTER = "campaign.registry.auto-register";
  public static final String TOPIC_PREFIX = "campaign.topic.prefix";
  public static final String TOPICS_FILE = "campaign.topics.file";
  public static final String DATA_DIR = "campaign.data.dir";
  public static final String HTTP_PORT = "campaign.http.port";
  public static final String HTTP_BIND_ADDRESS = "campaign.http.bind-address";
  public static final String HTTP_OPS_PORT = "campaign.http.ops-port";
  public static final String HTTP_READ_TIMEOUT = "campaign.http.read-timeout";

  /**
   * Where people reach the HTTP API from outside: acknowledge links and calendar links start with
   * it. The one definition of the key and its default; {@code campaign up} and {@code campaign run
   * --http-port} set it to their own port when it is not configured (README: configuration).
   */
  public static final String PUBLIC_URL = "campaign.public.url";

  /**
   * {@link #PUBLIC_URL} when it is not set. Deliberately not derived from {@link #HTTP_PORT}: what
   * a service computes (and what {@code campaign plan} prints) depends on the configured public URL
   * only, never on the port a process happens to listen on.
   */
  public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

  public static final String APPLICATION_ID_PREFIX = "campaign.application.id.prefix";
  public static final String STATE_DIR = "campaign.state.dir";

  /**
   * Names one instance of a service among several sharing its partitions ({@code campaign run}):
   * its static group membership and its own state directory. {@code campaign up} sets it to {@code
   * up} unless configured, so that a restart after a crash takes the tasks back at once.
   */
  public static final String INSTANCE_ID = "campaign.instance.id";

  public static final String CONFIG_FILE_ENV = "CAMPAIGN_CONFIG_FILE";

  private static final Map<String, String> DEFAULTS =
      Map.of(
          BOOTSTRAP_SERVERS, "localhost:9092",
          REGISTRY_URL, "http://localhost:8081/apis/ccompat/v7",
          REGISTRY_AUTO_REGISTER, "true",
          TOPIC_PREFIX, "",
          DATA_DIR, "campaign-data",
          HTTP_PORT, "8080",
          APPLICATION_ID_PREFIX, "campaign-");

  /**
   * {@code KAFKA_} variables that Kafka's launch scripts and images read for the JVM, never client
   * properties: {@code KAFKA_DEBUG} turns on remote debugging, the others name an installation or a
   * cluster. Every {@code KAFKA_*_OPTS} variable ({@code KAFKA_OPTS}, {@code KAFKA_HEAP_OPTS},
   * {@code KAFKA_JMX_OPTS}, {@code KAFKA_LOG4J_OPTS}, ...) is a launcher's too: no client property
   * ends in {@code .opts}.
   */
  private static final Set<String> KAFKA_LAUNCHER_VARIABLES =
      Set.of("KAFKA_DEBUG", "KAFKA_HOME", "KAFKA_VERSION", "KAFKA_CLUSTER_ID");

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|secret|token|jaas|credentials|key\\.pem|api[.-]?key).*");

  private final Map<String, String> values;

  private CampaignConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Defaults, then the file, then the environment, then the explicit overrides. */
  public static CampaignConfig load(
      Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(DEFAULTS);
    Optional<Path> configFile =
        file.or(() -> Optional.ofNullable(environment.get(CONFIG_FILE_ENV)).map(Path::of));
    configFile.ifPresent(path -> merged.putAll(readFile(path)));
    merged.putAll(fromEnvironment(environment));
    merged.putAll(overrides);
    return new CampaignConfig(merged);
  }

  /** What the process was started with: no file unless the environment names one. */
  public static CampaignConfig fromEnvironment() {
    return load(Optional.empty(), System.getenv(), Map.of());
  }

  public static CampaignConfig of(Map<String, String> overrides) {
    return load(Optional.empty(), Map.of(), overrides);
  }

  /** A copy with some keys replaced. */
  public CampaignConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new CampaignConfig(merged);
  }

  public String bootstrapServers() {
    return values.get(BOOTSTRAP_SERVERS);
  }

  public String registryUrl() {
    return values.get(REGISTRY_URL);
  }

  public boolean autoRegisterSchemas() {
    return Boolean.parseBoolean(values.get(REGISTRY_AUTO_REGISTER));
  }

  public String topicPrefix() {
    return values.get(TOPIC_PREFIX);
  }

  public Optional<Path> topicsFile() {
    return get(TOPICS_FILE).map(Path::of);
  }

  public Path dataDir() {
    return Path.of(values.get(DATA_DIR));
  }

  public int httpPort() {
    return intValue(HTTP_PORT);
  }

  /**
   * {@link #PUBLIC_URL}, else {@link #DEFAULT_PUBLIC_URL}; as configured, trailing slash and all.
   */
  public String publicUrl() {
    return get(PUBLIC_URL, DEFAULT_PUBLIC_URL);
  }

  /** Where Kafka Streams keeps its stores: {@code campaign.state.dir}, else under the data dir. */
  public Path stateDir() {
    return get(STATE_DIR).map(Path::of).orElse(dataDir().resolve("streams-state"));
  }

  /** The Kafka Streams application id of a service, e.g. {@code campaign-governance}. */
  public String applicationId(String service) {
    return values.get(APPLICATION_ID_PREFIX) + service;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public int intValue(String key) {
    return parsed(key, values.get(key), "a whole number", text -> Integer.parseInt(text.trim()));
  }

  /*
   * Typed settings: a blank or missing key gives the fallback; a value that cannot be read is an
   * error naming the key, what it must be, and the value, so that a typo fails the start with a
   * message that says where it is.
   */

  public int intValue(String key, int fallback) {
    return get(key).isPresent() ? intValue(key) : fallback;
  }

  public double doubleValue(String key, double fallback) {
    return get(key)
        .map(text -> parsed(key, text, "a number", t -> Double.parseDouble(t.trim())))
        .orElse(fallback);
  }

  /** {@code true} or {@code false}, in any case; anything else is an error. */
  public boolean booleanValue(String key, boolean fallback) {
    return get(key)
        .map(text -> parsed(key, text, "true or false", CampaignConfig::parseBoolean))
        .orElse(fallback);
  }

  /** A duration as {@link #parseDuration} reads it. */
  public Duration duration(String key, Duration fallback) {
    return get(key)
        .map(
            text ->
                parsed(
                    key,
                    text,
                    "a duration such as 5s, 250ms, 2m or PT1H",
                    CampaignConfig::parseDuration))
        .orElse(fallback);
  }

  /** A comma-separated list, each item stripped, empty items dropped. */
  public List<String> list(String key, List<String> fallback) {
    return get(key)
        .map(
            text ->
                Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList())
        .orElse(fallback);
  }

  /** A time zone id such as {@code UTC} or {@code Europe/Paris}. */
  public ZoneId zone(String key, ZoneId fallback) {
    return get(key)
        .map(
            text ->
                parsed(
                    key, text, "a time zone such as UTC or Europe/Paris", t -> ZoneId.of(t.trim())))
        .orElse(fallback);
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private static <T> T parsed(String key, String text, String expected, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + " must be " + expected + ", got '" + text + "'", e);
    }
  }

  /** Every key that is not ours: the properties for Kafka producers, consumers and Streams. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> kafka = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (!key.startsWith("campaign.")) {
            kafka.put(key, value);
          }
        });
    return kafka;
  }

  /** Every value, secrets masked: safe to print or log. */
  public Map<String, String> describe() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((key, value) -> shown.put(key, isSecret(key) ? "******" : value));
    return shown;
  }

  static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  @Override
  public String toString() {
    return "CampaignConfig" + describe();
  }

  /** {@code 5s}, {@code 250ms}, {@code 2m}, {@code 1h} or an ISO-8601 duration. */
  public static Duration parseDuration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new IllegalArgumentException(text);
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 5s, 250ms, 2m or PT1H", e);
    }
  }

  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> mapped = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.equals(CONFIG_FILE_ENV)) {
            return;
          }
          if (name.startsWith("CAMPAIGN_")) {
            mapped.put("campaign." + propertyName(name.substring("CAMPAIGN_".length())), value);
          } else if (name.startsWith("KAFKA_") && !isKafkaLauncherVariable(name)) {
            mapped.put(propertyName(name.substring("KAFKA_".length())), value);
          }
        });
    return mapped;
  }

  static boolean isKafkaLauncherVariable(String name) {
    return name.endsWith("_OPTS") || KAFKA_LAUNCHER_VARIABLES.contains(name);
  }

  /**
   * {@code REGISTRY_AUTO__REGISTER} -> {@code registry.auto-register}: a single underscore is a
   * dot, a double underscore a dash.
   */
  private static String propertyName(String envSuffix) {
    return envSuffix.toLowerCase(Locale.ROOT).replace("__", "-").replace('_', '.');
  }

  private static Map<String, String> readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + path, e);
    }
    Map<String, String> read = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> read.put(k, properties.getProperty(k).trim()));
    return read;
  }
}
