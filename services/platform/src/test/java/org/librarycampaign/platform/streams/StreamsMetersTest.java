package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> events = new ArrayList<>();

  /** What the client has now: the stores of its current tasks. */
  private List<String> stores = List.of("decisions");

  private final StreamsMeters meters = new StreamsMeters("governance", registry, this::bindStores);

  private StreamsMeters.Binding bindStores(MeterRegistry target) {
    List<Gauge> bound =
        stores.stream()
            .map(
                store -> Gauge.builder("store.gauge", () -> 1).tag("store", store).register(target))
            .toList();
    events.add("bind " + stores);
    return () -> {
      bound.forEach(target::remove);
      events.add("unbind " + stores(bound));
    };
  }

  private static List<String> stores(List<Gauge> gauges) {
    return gauges.stream().map(gauge -> gauge.getId().getTag("store")).toList();
  }

  private List<String> storesInRegistry() {
    return stores(List.copyOf(registry.find("store.gauge").gauges())).stream().sorted().toList();
  }

  @Test
  void bindsOnce() {
    meters.bind();
    meters.bind();

    assertThat(events).containsExactly("bind [decisions]");
    assertThat(storesInRegistry()).containsExactly("decisions");
  }

  @Test
  void closeTakesTheMetersOutAndNothingBindsThemAgain() {
    meters.bind();

    meters.close();
    meters.bind();

    assertThat(registry.getMeters()).isEmpty();
    assertThat(events).containsExactly("bind [decisions]", "unbind [decisions]");
  }

  @Test
  void closeBeforeAnyBindingIsHarmless() {
    meters.close();
    meters.close();

    assertThat(events).isEmpty();
  }

  /**
   * The production binding on a real client that never starts (no broker needed): its client-level
   * meters are in the registry after the bind, and none is left after the close.
   */
  @Test
  void kafkaStreamsMetersAreRemovedOnClose(@TempDir Path stateDir) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "meter-refresh-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
      StreamsMeters real = StreamsMeters.of("test", streams, registry);
      real.bind();
      real.bind();
      assertThat(registry.find("kafka.stream.alive.stream.threads").gauges()).hasSize(1);

      real.close();

      assertThat(registry.getMeters()).isEmpty();
    }
  }
}
