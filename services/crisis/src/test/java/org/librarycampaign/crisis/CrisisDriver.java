package org.librarycampaign.crisis;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponsePlan;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The production crisis topology in a TopologyTestDriver, fed JSON lines the way {@code campaign
 * plan} feeds them: the wall clock starts at {@link #START} and, before each line, moves forward to
 * the line's own time (a Tick only moves it). Output is collected after every clock move and every
 * line, notifications before statuses, as plan prints it.
 */
final class CrisisDriver implements AutoCloseable {

  static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

  private final EventJson json = new EventJson();
  private final TopicCatalogue catalogue;
  private final TopologyTestDriver driver;
  private final Map<CampaignTopic, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
  private final TestInputTopic<String, ResponsePlan> plans;
  private final TestOutputTopic<String, Notification> notifications;
  private final TestOutputTopic<String, IncidentStatus> statuses;
  private final List<KeyValue<String, SpecificRecord>> output = new ArrayList<>();
  private Instant clock = START;

  CrisisDriver(Path stateDir) {
    this(stateDir, Map.of());
  }

  CrisisDriver(Path stateDir, Map<String, String> settings) {
    Map<String, String> values = new HashMap<>(settings);
    values.put(CampaignConfig.STATE_DIR, stateDir.toString());
    values.put(CampaignConfig.DATA_DIR, stateDir.toString());
    CampaignConfig config = CampaignConfig.of(values);
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            CrisisTopology.buildTopology(config, catalogue),
            StreamsSettings.forService(config, CrisisService.NAME, catalogue),
            START);
    plans =
        driver.createInputTopic(
            catalogue.responsePlans().name(),
            catalogue.responsePlans().keySerde().serializer(),
            catalogue.responsePlans().valueSerde().serializer());
    notifications =
        driver.createOutputTopic(
            catalogue.notifications().name(),
            catalogue.notifications().keySerde().deserializer(),
            catalogue.notifications().valueSerde().deserializer());
    statuses =
        driver.createOutputTopic(
            catalogue.incidentStatus().name(),
            catalogue.incidentStatus().keySerde().deserializer(),
            catalogue.incidentStatus().valueSerde().deserializer());
  }

  /** Each line as plan mode runs it. */
  CrisisDriver lines(String... lines) {
    for (String line : lines) {
      line(line);
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  CrisisDriver line(String line) {
    ParsedEvent event = json.parse(line);
    Instant at = event.eventTime();
    if (at != null && at.isAfter(clock)) {
      driver.advanceWallClockTime(Duration.between(clock, at));
      clock = at;
      drain();
    }
    if (event.isTick()) {
      return this;
    }
    TestInputTopic<String, SpecificRecord> input =
        inputs.computeIfAbsent(
            event.topic(),
            id ->
                driver.createInputTopic(
                    catalogue.name(id),
                    catalogue.get(id).keySerde().serializer(),
                    (Serializer<SpecificRecord>) catalogue.get(id).valueSerde().serializer()));
    input.pipeInput(event.key(), event.value(), at != null ? at : clock);
    drain();
    return this;
  }

  CrisisDriver tick(String at) {
    return line("{\"type\":\"Tick\",\"at\":\"" + at + "\"}");
  }

  /** A tombstone on the compacted plan topic: the plan under {@code key} is withdrawn. */
  CrisisDriver removePlan(String key) {
    plans.pipeInput(key, null, clock);
    drain();
    return this;
  }

  /** Moves the wall clock without any line, as a running service's clock moves. */
  CrisisDriver advance(Duration step) {
    driver.advanceWallClockTime(step);
    clock = clock.plus(step);
    drain();
    return this;
  }

  /** Everything written since the last call, in the order plan mode prints it. */
  List<KeyValue<String, SpecificRecord>> output() {
    List<KeyValue<String, SpecificRecord>> taken = List.copyOf(output);
    output.clear();
    return taken;
  }

  /** {@link #output()} in the compact form of {@link Brief}. */
  List<String> brief() {
    return output().stream().map(Brief::of).toList();
  }

  /** Everything written since the last call as JSON lines, as plan prints it. */
  List<String> jsonLines() {
    return output().stream().map(kv -> json.write(kv.value)).toList();
  }

  boolean outputTopicsEmpty() {
    return notifications.isEmpty() && statuses.isEmpty() && output.isEmpty();
  }

  private void drain() {
    notifications.readKeyValuesToList().forEach(kv -> output.add(KeyValue.pair(kv.key, kv.value)));
    statuses.readKeyValuesToList().forEach(kv -> output.add(KeyValue.pair(kv.key, kv.value)));
  }

  @Override
  public void close() {
    driver.close();
  }
}
