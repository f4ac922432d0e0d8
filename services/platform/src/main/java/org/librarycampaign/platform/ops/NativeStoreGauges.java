package org.librarycampaign.platform.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the Kafka Streams store gauges that read RocksDB itself out of {@code /metrics}: {@code
 * kafka.stream.state.uncommitted.bytes} and the 22 RocksDB property gauges ({@code
 * kafka.stream.state.num.immutable.mem.table}, {@code ...block.cache.usage}, {@code
 * ...estimate.num.keys}, ...), as Micrometer's {@code KafkaStreamsMetrics} names the {@code
 * stream-state-metrics} of Kafka Streams 4.4.
 *
 * <p>Why: each of them calls into native code for every store on every read, and the read has no
 * open check. {@code uncommitted-bytes} read a closed store's write batch and crashed the JVM
 * (SIGSEGV in {@code WriteBatch.getDataSize}, {@code LocalStackStopIT}); the stop order ({@code
 * StreamsService.close}) keeps scrapes off stores that close when the client stops, but not off a
 * store closed by a rebalance while the client runs, whose gauge Micrometer keeps reading from its
 * last snapshot until it next looks. A gauge that is never registered is never read. The other
 * Streams meters (rates, latencies, counts: plain Java sensors) stay.
 *
 * <p>What is lost: RocksDB's memory and size figures per store. Kafka Streams still computes them;
 * read them over JMX, or add a gauge that checks the store is open, if they are needed.
 */
public final class NativeStoreGauges implements MeterFilter {

  /** The names Micrometer gives the state-store metrics this filter denies. */
  public static final Set<String> DENIED =
      Stream.of(
              "uncommitted-bytes",
              // RocksDB properties, read with getLongProperty on each store's column families
              "num-entries-active-mem-table",
              "num-deletes-active-mem-table",
              "num-entries-imm-mem-tables",
              "num-deletes-imm-mem-tables",
              "num-immutable-mem-table",
              "cur-size-active-mem-table",
              "cur-size-all-mem-tables",
              "size-all-mem-tables",
              "mem-table-flush-pending",
              "num-running-flushes",
              "compaction-pending",
              "num-running-compactions",
              "estimate-pending-compaction-bytes",
              "total-sst-files-size",
              "live-sst-files-size",
              "num-live-versions",
              "block-cache-capacity",
              "block-cache-usage",
              "block-cache-pinned-usage",
              "estimate-num-keys",
              "estimate-table-readers-mem",
              "background-errors")
          .map(metric -> "kafka.stream.state." + metric.replace('-', '.'))
          .collect(Collectors.toUnmodifiableSet());

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    return DENIED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
  }
}
