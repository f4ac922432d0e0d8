package org.librarycampaign.crisis;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The production crisis topology in the {@link TopologyHarness}, fed JSON lines the way {@code
 * campaign plan} feeds them: the wall clock starts at {@link #START} and, before each line, moves
 * forward to the line's own time (a Tick only moves it). Output is collected after every clock move
 * and every line, notifications before statuses, as plan prints it.
 */
final class CrisisDriver implements AutoCloseable {

  static final Instant START = Instant.parse("2026-12-01T15:00:00Z");

  private final TopologyHarness harness;

  CrisisDriver(Path stateDir) {
    this(stateDir, Map.of());
  }

  CrisisDriver(Path stateDir, Map<String, String> settings) {
    harness =
        TopologyHarness.startingAt(START)
            .config(settings)
            .stateDir(stateDir)
            .service(CrisisService.NAME, CrisisTopology::buildTopology)
            .build();
  }

  /** Each line as plan mode runs it. */
  CrisisDriver lines(String... lines) {
    for (String line : lines) {
      line(line);
    }
    return this;
  }

  CrisisDriver line(String line) {
    harness.send(line);
    return this;
  }

  /** An event as a producer writing to Kafka directly sends it (no JSON reader in between). */
  CrisisDriver event(ParsedEvent event) {
    harness.send(event);
    return this;
  }

  CrisisDriver tick(String at) {
    return line("{\"type\":\"Tick\",\"at\":\"" + at + "\"}");
  }

  /** A tombstone on the compacted plan topic: the plan under {@code key} is withdrawn. */
  CrisisDriver removePlan(String key) {
    harness.pipe(CampaignTopic.RESPONSE_PLANS, key, null, harness.clock());
    return this;
  }

  /** Moves the wall clock without any line, as a running service's clock moves. */
  CrisisDriver advance(Duration step) {
    harness.advance(step);
    return this;
  }

  /** Everything written since the last call, in the order plan mode prints it. */
  List<KeyValue<String, SpecificRecord>> output() {
    return harness.output().stream()
        .map(record -> KeyValue.pair(record.key(), record.value()))
        .toList();
  }

  /** {@link #output()} in the compact form of {@link Brief}. */
  List<String> brief() {
    return output().stream().map(Brief::of).toList();
  }

  /** Everything written since the last call as JSON lines, as plan prints it. */
  List<String> jsonLines() {
    return output().stream().map(kv -> TopologyHarness.json(kv.value)).toList();
  }

  /** The harness underneath, for tests that reach past the input topics. */
  TopologyHarness harness() {
    return harness;
  }

  /** One of the crisis stores, as the topology left it. */
  <K, V> KeyValueStore<K, V> store(String name) {
    return harness.driver().getKeyValueStore(name);
  }

  boolean outputTopicsEmpty() {
    return harness.outputEmpty();
  }

  @Override
  public void close() {
    harness.close();
  }
}
