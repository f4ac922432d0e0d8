package org.librarycampaign.conflicts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import library.campaign.events.ConflictEvent;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.PostCategory;
import library.campaign.events.PostEvent;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.platform.serde.EventClasses;
import org.librarycampaign.platform.state.Retention;

/**
 * Not a test: the cost of one post drafted and of one milestone change with many live milestones
 * and posts. Two ways to drive it ({@code mode=}):
 *
 * <ul>
 *   <li>{@code processor} (default): the production processors over the seven production stores
 *       (RocksDB; changelogging off), called directly through a MockProcessorContext: the
 *       processing cost alone, with no serdes, changelog sends, commits or broker.
 *   <li>{@code driver}: the whole topology in a TopologyTestDriver; adds the Avro serdes, the
 *       repartition hop, and a commit after every record (the driver flushes the seven RocksDB
 *       stores and writes a checkpoint each time, which a real deployment does every 100 ms), so
 *       the mean is dominated by those flushes: use smaller sizes.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -o -pl services/conflicts test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * cd services/conflicts
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *   org.librarycampaign.conflicts.ConflictsBenchmark \
 *   [milestones=10000 posts=100000 measured=5000 branches=20 mode=processor]
 * </pre>
 *
 * The calendar is one year; 85% of milestones are one branch's, 15% every branch's; 80% AVOID (1 to
 * 8 hours, 2 h buffer), 20% AMPLIFY; a quarter of the posts are campaign posts. One task holds
 * everything, as one partition of a real deployment would hold its share. Each figure is the wall
 * time of single calls, so on a loaded machine the tail is high.
 */
public final class ConflictsBenchmark {

  private static final Instant YEAR = Instant.parse("2027-01-01T00:00:00Z");
  private static final long YEAR_MINUTES = Duration.ofDays(365).toMinutes();

  private final Map<String, Integer> sizes;
  private final Random random = new Random(42);
  private final Target target;
  private Instant recordTime = Instant.parse("2026-11-28T00:00:00Z");
  private long outputs;

  private ConflictsBenchmark(Map<String, Integer> sizes, Target target) {
    this.sizes = sizes;
    this.target = target;
  }

  public static void main(String[] args) throws IOException {
    Map<String, Integer> sizes =
        new HashMap<>(
            Map.of("milestones", 10_000, "posts", 100_000, "measured", 5_000, "branches", 20));
    String mode = "processor";
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair[0].equals("mode")) {
        mode = pair[1];
      } else {
        sizes.put(pair[0], Integer.parseInt(pair[1]));
      }
    }
    Path stateDir = Files.createTempDirectory("conflicts-bench-");
    Target target =
        mode.equals("driver") ? new DriverTarget(stateDir) : new ProcessorTarget(stateDir);
    System.out.printf(Locale.ROOT, "mode: %s%n", mode);
    try {
      new ConflictsBenchmark(sizes, target).run();
    } finally {
      target.close();
      try (Stream<Path> paths = Files.walk(stateDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run() {
    int milestones = sizes.get("milestones");
    int posts = sizes.get("posts");
    int measured = sizes.get("measured");
    System.out.printf(
        Locale.ROOT,
        "conflicts benchmark: %d milestones, %d posts, %d branches, %d measured operations each%n",
        milestones,
        posts,
        sizes.get("branches"),
        measured);

    report(
        "load: milestone announced (no posts yet)", time(milestones, i -> milestone("m" + i, 1)));
    report("load: post drafted", time(posts, i -> post("p" + i, 1)));
    long before = outputs;

    report(
        String.format(
            Locale.ROOT, "post drafted, %d live milestones and %d live posts", milestones, posts),
        time(measured, i -> post("q" + i, 1)));
    report(
        "post moved (new revision of a live post)",
        time(measured, i -> post("p" + random.nextInt(posts), 2 + i)));
    report(
        "milestone change (new revision, moved)",
        time(measured, i -> milestone("m" + random.nextInt(milestones), 2 + i)));
    System.out.printf(
        Locale.ROOT,
        "records written while measuring: %d (conflicts and gaps)%n",
        outputs - before);
  }

  private interface Operation {
    void run(int i);
  }

  /** Timings of one kind of operation, and the store reads they made. */
  private record Measured(long[] nanos, long[] reads) {}

  /** Nanoseconds of each operation, outputs drained every 1000. */
  private Measured time(int count, Operation operation) {
    long[] readsBefore = target.storeReads();
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      operation.run(i);
      nanos[i] = System.nanoTime() - start;
      if (i % 1000 == 999) {
        drain();
      }
    }
    drain();
    long[] reads = target.storeReads();
    for (int i = 0; i < reads.length; i++) {
      reads[i] -= readsBefore[i];
    }
    return new Measured(nanos, reads);
  }

  private static void report(String what, Measured measured) {
    long[] sorted = measured.nanos().clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
    String reads =
        measured.reads().length == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "  per op: %.1f gets, %.1f scans, %.1f entries scanned",
                measured.reads()[0] / (double) n,
                measured.reads()[1] / (double) n,
                measured.reads()[2] / (double) n);
    System.out.printf(
        Locale.ROOT,
        "  %-58s n=%6d  mean %6.1f us  p50 %6.1f us  p99 %7.1f us%s%n",
        what,
        n,
        mean,
        sorted[n / 2] / 1000.0,
        sorted[(int) (n * 0.99)] / 1000.0,
        reads);
  }

  private void post(String postId, int revision) {
    String branch = branch(postId);
    boolean campaign = random.nextInt(4) == 0;
    PostEvent event =
        Events.post(
            postId,
            revision,
            branch,
            campaign ? PostCategory.CAMPAIGN : PostCategory.CONTENT,
            campaign ? "budget-2027" : null,
            YEAR.plus(Duration.ofMinutes(random.nextLong(YEAR_MINUTES))));
    target.post(branch, event, next());
  }

  private void milestone(String milestoneId, int revision) {
    int kind = Math.floorMod(milestoneId.hashCode(), 100);
    boolean everyBranch = kind % 20 < 3;
    boolean amplify = kind >= 80;
    Instant start = YEAR.plus(Duration.ofMinutes(random.nextLong(YEAR_MINUTES)));
    MilestoneEvent event =
        MilestoneEvent.newBuilder()
            .setMilestoneId(milestoneId)
            .setRevision(revision)
            .setKind(amplify ? MilestoneKind.CAMPAIGN_MILESTONE : MilestoneKind.COMMUNITY_EVENT)
            .setCampaignId(amplify ? "budget-2027" : null)
            .setBranchId(everyBranch ? "*" : branch(milestoneId))
            .setTitle("Milestone " + milestoneId)
            .setStartsAt(start)
            .setEndsAt(start.plus(Duration.ofMinutes(60 + random.nextInt(7 * 60))))
            .build();
    target.milestone(event, next());
  }

  /** The branch an id belongs to: stable across revisions, as the rules expect. */
  private String branch(String id) {
    return "branch-" + Math.floorMod(id.hashCode() * 31 + 7, sizes.get("branches"));
  }

  private Instant next() {
    recordTime = recordTime.plusMillis(1);
    return recordTime;
  }

  private void drain() {
    outputs += target.drainOutputs();
  }

  /** Where the records go. */
  private interface Target extends AutoCloseable {
    void post(String branchId, PostEvent event, Instant recordTime);

    void milestone(MilestoneEvent event, Instant recordTime);

    /** How many conflict records came out since the last call; forgets them. */
    long drainOutputs();

    /** Point reads, range scans and entries the scans visited so far; empty when not counted. */
    default long[] storeReads() {
      return new long[0];
    }

    @Override
    void close();
  }

  /** The whole topology in a TopologyTestDriver. */
  private static final class DriverTarget implements Target {
    private final ConflictsDriver driver;

    DriverTarget(Path stateDir) {
      driver = new ConflictsDriver(stateDir);
    }

    @Override
    public void post(String branchId, PostEvent event, Instant recordTime) {
      driver.post(branchId, event, recordTime);
    }

    @Override
    public void milestone(MilestoneEvent event, Instant recordTime) {
      driver.milestone(event, recordTime);
    }

    /** Reads what the driver captured (conflicts and changelogs) so that memory stays flat. */
    @Override
    public long drainOutputs() {
      long conflicts = driver.output().size();
      for (String topic : driver.driver().producedTopicNames()) {
        driver
            .driver()
            .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
            .readRecordsToList();
      }
      return conflicts;
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  /** The two processors over the production stores, called directly. */
  private static final class ProcessorTarget implements Target {
    private final MockProcessorContext<String, ConflictEvent> context;
    private final List<KeyValueStore<Bytes, byte[]>> stores = new ArrayList<>();
    private final long[] counts = new long[3];
    private final PostsProcessor posts;
    private final MilestonesProcessor milestones;

    ProcessorTarget(Path stateDir) {
      // no serde here to make Avro trust the event classes (builders need it for defaults)
      EventClasses.schemaOf(PostEvent.class);
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "conflicts-bench");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
      for (StoreBuilder<KeyValueStore<Bytes, byte[]>> builder : ConflictStores.builders()) {
        KeyValueStore<Bytes, byte[]> store = builder.withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        CountingStore counted = new CountingStore(store, counts);
        context.addStateStore(counted);
        stores.add(counted);
      }
      // the global views of zones and posting windows, empty: every channel in UTC, 08:00-21:00
      for (String global :
          List.of(ConflictsTopology.POLICIES_STORE, ConflictsTopology.BRANCH_SETTINGS_STORE)) {
        KeyValueStore<String, byte[]> store =
            Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(global), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
      }
      posts = new PostsProcessor(ZoneOffset.UTC, Retention.DEFAULT);
      posts.init(context);
      milestones = new MilestonesProcessor(ZoneOffset.UTC);
      milestones.init(context);
    }

    @Override
    public void post(String branchId, PostEvent event, Instant recordTime) {
      posts.process(new Record<>(branchId, event, recordTime.toEpochMilli()));
    }

    @Override
    public void milestone(MilestoneEvent event, Instant recordTime) {
      milestones.process(new Record<>(event.getBranchId(), event, recordTime.toEpochMilli()));
    }

    @Override
    public long drainOutputs() {
      long count = context.forwarded().size();
      context.resetForwards();
      return count;
    }

    @Override
    public long[] storeReads() {
      return counts.clone();
    }

    @Override
    public void close() {
      stores.forEach(KeyValueStore::close);
    }
  }

  /** A store that counts what is read from it: point reads, range scans, entries visited. */
  private static final class CountingStore implements KeyValueStore<Bytes, byte[]> {
    private final KeyValueStore<Bytes, byte[]> store;
    private final long[] counts;

    CountingStore(KeyValueStore<Bytes, byte[]> store, long[] counts) {
      this.store = store;
      this.counts = counts;
    }

    @Override
    public byte[] get(Bytes key) {
      counts[0]++;
      return store.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
      counts[1]++;
      KeyValueIterator<Bytes, byte[]> entries = store.range(from, to);
      return new KeyValueIterator<>() {
        @Override
        public boolean hasNext() {
          return entries.hasNext();
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
          counts[2]++;
          return entries.next();
        }

        @Override
        public void close() {
          entries.close();
        }

        @Override
        public Bytes peekNextKey() {
          return entries.peekNextKey();
        }
      };
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
      throw new UnsupportedOperationException("the calendar never reads a whole store");
    }

    @Override
    public void put(Bytes key, byte[] value) {
      store.put(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
      return store.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
      store.putAll(entries);
    }

    @Override
    public byte[] delete(Bytes key) {
      return store.delete(key);
    }

    @Override
    public long approximateNumEntries() {
      return store.approximateNumEntries();
    }

    @Override
    public String name() {
      return store.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      throw new UnsupportedOperationException("initialised through the store it wraps");
    }

    @Override
    public void close() {
      store.close();
    }

    @Override
    public boolean persistent() {
      return store.persistent();
    }

    @Override
    public boolean isOpen() {
      return store.isOpen();
    }
  }
}
