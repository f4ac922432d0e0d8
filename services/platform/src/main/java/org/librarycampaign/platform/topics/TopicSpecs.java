package org.librarycampaign.platform.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The layout of every topic, read from {@code ops/topics.yaml} (shipped inside the jar) or from the
 * file named by {@code campaign.topics.file}. Every topic of {@link CampaignTopic} must be there; a
 * missing one or an unknown one is an error naming it.
 */
public final class TopicSpecs {

  private static final String BUNDLED = "/ops/topics.yaml";
  private final Map<CampaignTopic, TopicSpec> specs;

  private TopicSpecs(Map<CampaignTopic, TopicSpec> specs) {
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
    Map<CampaignTopic, TopicSpec> specs = new EnumMap<>(CampaignTopic.class);
    var fields = root.path("topics").fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      CampaignTopic id;
      try {
        id = CampaignTopic.byBaseName(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": unknown topic " + entry.getKey(), e);
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
      specs.put(id, new TopicSpec(id, partitions, replication, cleanup, configs));
    }
    List<CampaignTopic> missing =
        java.util.Arrays.stream(CampaignTopic.values()).filter(t -> !specs.containsKey(t)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source + ": no definition for " + missing);
    }
    return new TopicSpecs(specs);
  }

  public TopicSpec get(CampaignTopic id) {
    return specs.get(id);
  }

  public List<TopicSpec> all() {
    return List.copyOf(specs.values());
  }
}
