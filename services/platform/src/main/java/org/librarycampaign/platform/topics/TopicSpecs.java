package org.librarycampaign.platform.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The layout of every topic, read from {@code ops/topics.yaml} (shipped inside the jar) or from the
 * file named by {@code campaign.topics.file}. Every topic of {@link CampaignTopic} and {@link
 * ServiceTopic} must be there; a missing one or an unknown one is an error naming it.
 */
public final class TopicSpecs {

  private static final String BUNDLED = "/ops/topics.yaml";
  private final Map<String, TopicSpec> specs;

  private TopicSpecs(Map<String, TopicSpec> specs) {
    this.specs = specs;
  }

  public static TopicSpecs load(Optional<Path> file) {
    if (file.isPresent()) {
      try (InputStream in = Files.newInputStream(file.get())) {
        return parse(in, file.get().toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read topic definitions " + file.get(), e);
      }
    }
    try (InputStream in = TopicSpecs.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("topic definitions " + BUNDLED + " missing from the jar");
      }
      return parse(in, "ops/topics.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TopicSpecs parse(InputStream yaml, String source) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    JsonNode defaults = root.path("defaults");
    List<String> known = knownKeys();
    Map<String, TopicSpec> specs = new LinkedHashMap<>();
    var fields = root.path("topics").fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      String key = entry.getKey();
      if (!known.contains(key)) {
        throw new IllegalArgumentException(source + ": unknown topic " + key);
      }
      JsonNode node = entry.getValue();
      Map<String, String> configs = new TreeMap<>();
      defaults
          .path("configs")
          .fields()
          .forEachRemaining(c -> configs.put(c.getKey(), c.getValue().asText()));
      node.path("configs")
          .fields()
          .forEachRemaining(c -> configs.put(c.getKey(), c.getValue().asText()));
      String cleanup = node.path("cleanup").asText(defaults.path("cleanup").asText("delete"));
      int partitions = node.path("partitions").asInt(defaults.path("partitions").asInt(1));
      short replication =
          (short) node.path("replication").asInt(defaults.path("replication").asInt(1));
      specs.put(key, new TopicSpec(key, partitions, replication, cleanup, configs));
    }
    List<String> missing = known.stream().filter(k -> !specs.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source + ": no definition for " + missing);
    }
    return new TopicSpecs(specs);
  }

  private static List<String> knownKeys() {
    return Stream.concat(
            Arrays.stream(CampaignTopic.values()).map(CampaignTopic::baseName),
            Arrays.stream(ServiceTopic.values()).map(ServiceTopic::fileKey))
        .toList();
  }

  public TopicSpec get(CampaignTopic id) {
    return specs.get(id.baseName());
  }

  public TopicSpec get(ServiceTopic id) {
    return specs.get(id.fileKey());
  }

  /**
   * Every topic by its full name in a system: the catalogue's prefix on the event topics, the
   * application id prefix on the service topics.
   */
  public Map<String, TopicSpec> byName(TopicCatalogue catalogue) {
    Map<String, TopicSpec> named = new LinkedHashMap<>();
    for (CampaignTopic id : CampaignTopic.values()) {
      named.put(catalogue.name(id), get(id));
    }
    for (ServiceTopic id : ServiceTopic.values()) {
      named.put(catalogue.name(id), get(id));
    }
    return named;
  }

  public List<TopicSpec> all() {
    return List.copyOf(specs.values());
  }
}
