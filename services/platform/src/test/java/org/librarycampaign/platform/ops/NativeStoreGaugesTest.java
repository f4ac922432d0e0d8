package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeStoreGaugesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger reads = new AtomicInteger();

  NativeStoreGaugesTest() {
    registry.config().meterFilter(new NativeStoreGauges());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka.stream.state.uncommitted.bytes",
        "kafka.stream.state.num.immutable.mem.table",
        "kafka.stream.state.cur.size.active.mem.table",
        "kafka.stream.state.size.all.mem.tables",
        "kafka.stream.state.estimate.num.keys",
        "kafka.stream.state.block.cache.usage",
        "kafka.stream.state.block.cache.pinned.usage",
        "kafka.stream.state.total.sst.files.size",
        "kafka.stream.state.background.errors"
      })
  void nativeStoreGaugesAreNeverRegisteredNorRead(String name) {
    storeGauge(name);

    assertThat(registry.find(name).meters()).isEmpty();
    registry.getMeters().forEach(meter -> meter.measure().forEach(m -> m.getValue()));
    assertThat(reads).hasValue(0);
  }

  @Test
  void deniesUncommittedBytesAndTheTwentyTwoRocksDbProperties() {
    assertThat(NativeStoreGauges.DENIED)
        .hasSize(23)
        .allMatch(name -> name.startsWith("kafka.stream.state."))
        .contains("kafka.stream.state.uncommitted.bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka.stream.thread.process.rate",
        "kafka.stream.thread.commit.latency.avg",
        "kafka.stream.task.process.latency.max",
        "kafka.stream.alive.stream.threads",
        // Java-side store meters: counters of open iterators, the in-memory stores' key count
        "kafka.stream.state.num.open.iterators",
        "kafka.stream.state.num.keys",
        "kafka.stream.state.put.rate",
        // same words, another client
        "kafka.consumer.fetch.manager.records.lag",
        "jvm.memory.used"
      })
  void ordinaryMetersAreKept(String name) {
    storeGauge(name);

    assertThat(registry.find(name).gauge()).isNotNull();
  }

  private void storeGauge(String name) {
    Gauge.builder(name, reads, AtomicInteger::incrementAndGet)
        .tag("rocksdb.state.id", "decisions")
        .register(registry);
  }
}
