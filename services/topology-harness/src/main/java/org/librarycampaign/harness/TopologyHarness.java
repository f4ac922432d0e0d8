package org.librarycampaign.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Production topologies, each in its own TopologyTestDriver with the shared Streams settings (dead
 * letter handlers included) and an in-memory registry, fed events the way {@code campaign plan}
 * feeds them.
 *
 * <p>The wall clock starts at the given instant. Before each event it moves forward to the event's
 * own time (a Tick only moves it; an event without a time of its own keeps the clock), and what the
 * topologies wrote is collected; the event then goes, stamped with its own time or the clock, to
 * every topology that reads its topic, and what they wrote is collected again. Records are
 * collected topology by topology in the order they were added, and within one topology in the order
 * of {@link CampaignTopic}; within one topic in the order written. A record one topology wrote also
 * goes to the later topologies that read its topic (stamped with the clock), so that plan shows the
 * whole chain (a decision, then the publication it leads to).
 */
public final class TopologyHarness implements AutoCloseable {

  /**
   * One record a topology wrote.
   *
   * @param value {@code null} for a tombstone
   */
  public record Output(String service, CampaignTopic topic, String key, SpecificRecord value) {}

  private static final EventJson JSON = new EventJson();

  private final CampaignConfig config;
  private final TopicCatalogue catalogue;
  private final List<Runner> runners = new ArrayList<>();
  private final List<Output> collected = new ArrayList<>();
  private final Path ownStateDir;
  private Instant clock;

  private TopologyHarness(Builder builder) {
    Path stateDir = builder.stateDir;
    if (stateDir == null) {
      try {
        stateDir = Files.createTempDirectory("campaign-topologies-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ownStateDir = stateDir;
    } else {
      ownStateDir = null;
    }
    config =
        builder.config.with(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    clock = builder.start;
    try {
      for (ServiceTopology service : builder.services) {
        Topology topology = service.topology().apply(config, catalogue);
        if (topology != null) {
          Properties properties = StreamsSettings.forService(config, service.name(), catalogue);
          properties.putAll(service.streamsOverrides());
          runners.add(new Runner(service.name(), topology, properties, catalogue, clock));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** A harness whose wall clock starts at {@code start}. */
  public static Builder startingAt(Instant start) {
    return new Builder(start);
  }

  /** Sends one JSON line (any type EventJson parses, Tick included). */
  public TopologyHarness send(String line) {
    return send(JSON.parse(line));
  }

  /** Sends each line in order. */
  public TopologyHarness sendAll(List<String> lines) {
    lines.forEach(this::send);
    return this;
  }

  /** Sends one event as plan does: the clock moves to its time first; a Tick only moves it. */
  public TopologyHarness send(ParsedEvent event) {
    Instant at = event.eventTime();
    if (at != null && at.isAfter(clock)) {
      advance(Duration.between(clock, at));
    }
    if (event.isTick()) {
      return this;
    }
    Instant timestamp = at != null ? at : clock;
    for (Runner runner : runners) {
      runner.pipe(event.topic(), event.key(), event.value(), timestamp);
    }
    collect();
    return this;
  }

  /**
   * One record onto a topic, stamped {@code timestamp}, without moving the clock: for typed test
   * input and tombstones ({@code value} {@code null}).
   */
  public TopologyHarness pipe(
      CampaignTopic topic, String key, SpecificRecord value, Instant timestamp) {
    for (Runner runner : runners) {
      runner.pipe(topic, key, value, timestamp);
    }
    collect();
    return this;
  }

  /** Raw bytes onto a topic at the clock, as a broken producer would send them. */
  public void pipeRaw(CampaignTopic topic, String key, byte[] value) {
    for (Runner runner : runners) {
      runner.pipeRaw(topic, key, value, clock);
    }
    collect();
  }

  /** Moves the wall clock without any event, as a running service's clock moves. */
  public TopologyHarness advance(Duration step) {
    clock = clock.plus(step);
    for (Runner runner : runners) {
      runner.driver.advanceWallClockTime(step);
    }
    collect();
    return this;
  }

  /** Everything written since the last call, in the order described in the class comment. */
  public List<Output> output() {
    collect();
    List<Output> taken = List.copyOf(collected);
    collected.clear();
    return taken;
  }

  /** Whether nothing was written since the last {@link #output()}. */
  public boolean outputEmpty() {
    collect();
    return collected.isEmpty();
  }

  /** A record as a JSON line, as plan prints it. */
  public static String json(SpecificRecord record) {
    return JSON.write(record);
  }

  public Instant clock() {
    return clock;
  }

  public CampaignConfig config() {
    return config;
  }

  public TopicCatalogue catalogue() {
    return catalogue;
  }

  /** The names of the services whose topology runs, in order. */
  public List<String> services() {
    return runners.stream().map(r -> r.name).toList();
  }

  /** The driver of the one topology, for its stores. */
  public TopologyTestDriver driver() {
    if (runners.size() != 1) {
      throw new IllegalStateException(runners.size() + " topologies run; name one");
    }
    return runners.get(0).driver;
  }

  /**
   * Drains the runners in order; what one wrote also goes on, at the clock, to every later runner
   * that reads its topic (governance's decisions reach the publisher), as it would on a broker.
   */
  private void collect() {
    for (int i = 0; i < runners.size(); i++) {
      List<Output> fresh = new ArrayList<>();
      runners.get(i).drain(fresh);
      collected.addAll(fresh);
      for (Output record : fresh) {
        for (Runner later : runners.subList(i + 1, runners.size())) {
          later.pipe(record.topic(), record.key(), record.value(), clock);
        }
      }
    }
  }

  @Override
  public void close() {
    runners.forEach(r -> r.driver.close());
    if (ownStateDir != null) {
      try (Stream<Path> paths = Files.walk(ownStateDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  private record ServiceTopology(
      String name,
      BiFunction<CampaignConfig, TopicCatalogue, Topology> topology,
      Map<String, Object> streamsOverrides) {}

  /** What runs, and where. */
  public static final class Builder {
    private final Instant start;
    private final List<ServiceTopology> services = new ArrayList<>();
    private CampaignConfig config = CampaignConfig.of(Map.of());
    private Path stateDir;

    private Builder(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
    }

    /** Settings under the state and data directories, which the harness chooses. */
    public Builder config(CampaignConfig base) {
      this.config = Objects.requireNonNull(base, "base");
      return this;
    }

    /** As {@link #config(CampaignConfig)}, from defaults and these keys. */
    public Builder config(Map<String, String> settings) {
      return config(CampaignConfig.of(settings));
    }

    /** State and data directory; without one, a temporary directory removed on {@link #close()}. */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** One service's topology, made once the config and catalogue are known. */
    public Builder service(
        String name, BiFunction<CampaignConfig, TopicCatalogue, Topology> topology) {
      return service(name, topology, Map.of());
    }

    /**
     * @param streamsOverrides Streams properties over the shared ones
     */
    public Builder service(
        String name,
        BiFunction<CampaignConfig, TopicCatalogue, Topology> topology,
        Map<String, Object> streamsOverrides) {
      services.add(new ServiceTopology(name, topology, Map.copyOf(streamsOverrides)));
      return this;
    }

    /** Every one of these services that has a topology, in the order given. */
    public Builder services(List<? extends CampaignService> campaignServices) {
      for (CampaignService service : campaignServices) {
        service(service.name(), (config, topics) -> service.topology(config, topics).orElse(null));
      }
      return this;
    }

    public TopologyHarness build() {
      return new TopologyHarness(this);
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
    private final Map<CampaignTopic, TestOutputTopic<String, ? extends SpecificRecord>> outputs =
        new EnumMap<>(CampaignTopic.class);

    Runner(
        String name,
        Topology topology,
        Properties properties,
        TopicCatalogue catalogue,
        Instant start) {
      this.name = name;
      this.catalogue = catalogue;
      this.sources = sourceTopics(topology.describe());
      this.driver = new TopologyTestDriver(topology, properties, start);
    }

    @SuppressWarnings("unchecked")
    void pipe(CampaignTopic topic, String key, SpecificRecord value, Instant timestamp) {
      String topicName = catalogue.name(topic);
      if (!sources.contains(topicName)) {
        return;
      }
      inputs
          .computeIfAbsent(
              topic,
              id ->
                  driver.createInputTopic(
                      topicName,
                      catalogue.get(id).keySerde().serializer(),
                      (Serializer<SpecificRecord>) catalogue.get(id).valueSerde().serializer()))
          .pipeInput(key, value, timestamp);
    }

    void pipeRaw(CampaignTopic topic, String key, byte[] value, Instant timestamp) {
      String topicName = catalogue.name(topic);
      if (!sources.contains(topicName)) {
        return;
      }
      driver
          .createInputTopic(
              topicName, catalogue.get(topic).keySerde().serializer(), new ByteArraySerializer())
          .pipeInput(key, value, timestamp);
    }

    void drain(List<Output> sink) {
      Set<String> produced = new TreeSet<>(driver.producedTopicNames());
      for (CampaignTopic id : CampaignTopic.values()) {
        String topicName = catalogue.name(id);
        if (!produced.contains(topicName)) {
          continue;
        }
        TestOutputTopic<String, ? extends SpecificRecord> topic =
            outputs.computeIfAbsent(
                id,
                t ->
                    driver.createOutputTopic(
                        topicName,
                        catalogue.get(t).keySerde().deserializer(),
                        catalogue.get(t).valueSerde().deserializer()));
        while (!topic.isEmpty()) {
          var record = topic.readRecord();
          sink.add(new Output(name, id, record.key(), record.value()));
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
}
