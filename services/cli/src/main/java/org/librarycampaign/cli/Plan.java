package org.librarycampaign.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.InvalidEventException;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The engine of {@code campaign plan}: every stream-processing {@link CampaignService} on the class
 * path runs its production topology in a TopologyTestDriver (no broker, an in-memory registry), fed
 * the events in file order, with a wall clock driven by the events' own times.
 */
final class Plan {

  private final List<ParsedEvent> events;

  private Plan(List<ParsedEvent> events) {
    this.events = events;
  }

  /** A line that is not a valid event. */
  static final class BadLineException extends Exception {
    private final long lineNumber;

    BadLineException(long lineNumber, String message) {
      super("line " + lineNumber + ": " + message);
      this.lineNumber = lineNumber;
    }

    long lineNumber() {
      return lineNumber;
    }
  }

  /** Reads and checks every line first, so that a bad line stops the plan before it runs. */
  static Plan read(BufferedReader reader) throws IOException, BadLineException {
    EventJson json = new EventJson();
    List<ParsedEvent> events = new ArrayList<>();
    String line;
    long lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(json.parse(line));
      } catch (InvalidEventException e) {
        throw new BadLineException(lineNumber, e.getMessage());
      }
    }
    return new Plan(events);
  }

  /** What a run read and wrote. */
  record Summary(
      int events, int ticks, Map<CampaignTopic, Integer> written, List<String> services) {
    @Override
    public String toString() {
      int total = written.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder text =
          new StringBuilder(
              String.format(
                  "plan: %d events and %d ticks through %s; %d records written",
                  events,
                  ticks,
                  services.isEmpty() ? "no services" : String.join(", ", services),
                  total));
      written.forEach(
          (topic, count) -> text.append(String.format("%n  %-32s %d", topic.baseName(), count)));
      return text.toString();
    }
  }

  Summary run(Consumer<String> output) {
    Path stateDir;
    try {
      stateDir = Files.createTempDirectory("campaign-plan-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant start =
        events.stream()
            .map(ParsedEvent::eventTime)
            .filter(t -> t != null)
            .findFirst()
            .orElse(Instant.EPOCH);
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    EventJson json = new EventJson();
    List<Runner> runners = new ArrayList<>();
    Map<CampaignTopic, Integer> written = new EnumMap<>(CampaignTopic.class);
    try {
      ServiceLoader.load(CampaignService.class).stream()
          .map(ServiceLoader.Provider::get)
          .sorted(Comparator.comparing(CampaignService::name))
          .forEach(
              service ->
                  service
                      .topology(config, catalogue)
                      .ifPresent(
                          topology ->
                              runners.add(
                                  new Runner(service.name(), topology, config, catalogue, start))));
      Instant clock = start;
      int ticks = 0;
      for (ParsedEvent event : events) {
        Instant at = event.eventTime();
        if (at != null && at.isAfter(clock)) {
          Duration step = Duration.between(clock, at);
          clock = at;
          for (Runner runner : runners) {
            runner.driver.advanceWallClockTime(step);
          }
          drain(runners, json, output, written);
        }
        if (event.isTick()) {
          ticks++;
          continue;
        }
        Instant timestamp = at != null ? at : clock;
        for (Runner runner : runners) {
          runner.pipe(event, timestamp);
        }
        drain(runners, json, output, written);
      }
      return new Summary(
          events.size() - ticks, ticks, written, runners.stream().map(r -> r.name).toList());
    } finally {
      runners.forEach(r -> r.driver.close());
      deleteQuietly(stateDir);
    }
  }

  private static void drain(
      List<Runner> runners,
      EventJson json,
      Consumer<String> output,
      Map<CampaignTopic, Integer> written) {
    for (Runner runner : runners) {
      runner.drain(
          (topic, record) -> {
            output.accept(json.write(record));
            written.merge(topic, 1, Integer::sum);
          });
    }
  }

  /** One service's topology in its own driver. */
  private static final class Runner {
    private final String name;
    private final TopologyTestDriver driver;
    private final TopicCatalogue catalogue;
    private final Set<String> sources;
    private final Map<CampaignTopic, TestInputTopic<String, SpecificRecord>> inputs =
        new EnumMap<>(CampaignTopic.class);
    private final Map<String, TestOutputTopic<String, ? extends SpecificRecord>> outputs =
        new HashMap<>();

    Runner(
        String name,
        Topology topology,
        CampaignConfig config,
        TopicCatalogue catalogue,
        Instant start) {
      this.name = name;
      this.catalogue = catalogue;
      this.sources = sourceTopics(topology.describe());
      this.driver =
          new TopologyTestDriver(
              topology, StreamsSettings.forService(config, name, catalogue), start);
    }

    @SuppressWarnings("unchecked")
    void pipe(ParsedEvent event, Instant timestamp) {
      String topicName = catalogue.name(event.topic());
      if (!sources.contains(topicName)) {
        return;
      }
      TestInputTopic<String, SpecificRecord> input =
          inputs.computeIfAbsent(
              event.topic(),
              id ->
                  driver.createInputTopic(
                      topicName,
                      new StringSerializer(),
                      (Serializer<SpecificRecord>) catalogue.get(id).valueSerde().serializer()));
      input.pipeInput(event.key(), event.value(), timestamp);
    }

    void drain(java.util.function.BiConsumer<CampaignTopic, SpecificRecord> sink) {
      Set<String> produced = new TreeSet<>(driver.producedTopicNames());
      for (CampaignTopic id : CampaignTopic.values()) {
        String topicName = catalogue.name(id);
        if (!produced.contains(topicName)) {
          continue;
        }
        TestOutputTopic<String, ? extends SpecificRecord> topic =
            outputs.computeIfAbsent(
                topicName,
                n ->
                    driver.createOutputTopic(
                        n,
                        new StringDeserializer(),
                        catalogue.get(id).valueSerde().deserializer()));
        while (!topic.isEmpty()) {
          SpecificRecord value = topic.readValue();
          if (value != null) {
            sink.accept(id, value);
          }
        }
      }
    }

    private static Set<String> sourceTopics(TopologyDescription description) {
      Set<String> topics = new TreeSet<>();
      for (TopologyDescription.Subtopology sub : description.subtopologies()) {
        for (TopologyDescription.Node node : sub.nodes()) {
          if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
            topics.addAll(source.topicSet());
          }
        }
      }
      for (TopologyDescription.GlobalStore store : description.globalStores()) {
        topics.addAll(store.source().topicSet());
      }
      return topics;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
