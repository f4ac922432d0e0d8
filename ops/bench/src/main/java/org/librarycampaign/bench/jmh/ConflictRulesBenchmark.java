package org.librarycampaign.bench.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.librarycampaign.conflicts.calendar.CalendarChange;
import org.librarycampaign.conflicts.calendar.CalendarState;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.Milestone;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.conflicts.calendar.Post;
import org.librarycampaign.conflicts.calendar.SortedStore;
import org.librarycampaign.conflicts.calendar.Stance;
import org.librarycampaign.platform.time.LocalZones;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Conflicts' rule for one drafted post ({@link ConflictCalendar#postDrafted}, what {@code
 * PostsProcessor} asks per PostDrafted) against a branch's calendar of {@code events} community
 * events (AVOID, two hours each with the default two-hour buffer, spread evenly over four weeks
 * around the post) and ten posts a week, without Kafka: the calendar's stores are sorted maps in
 * memory in RocksDB's byte order, so the keys, the encoding of values and the range scans are the
 * calendar's own.
 *
 * <p>{@code clear}: a content post between two events (no conflict, nothing to say); {@code
 * conflict}: one at the start of an event (a ConflictStarted with the suggested time, found by
 * stepping past every AVOID window and outside the posting hours, 08:00 to 21:00 UTC). The stores
 * drop writes once set up, so every call checks the same post against the same calendar (the values
 * it would write are still encoded).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConflictRulesBenchmark {

  private static final String BRANCH = "eastside";
  private static final Instant MIDDLE = Instant.parse("2027-03-01T09:00:00Z");
  private static final Duration SPAN = Duration.ofDays(28);
  private static final Duration EVENT = Duration.ofHours(2);

  /** Community events of the branch in the four weeks around the post. */
  @Param({"1", "10", "100"})
  public int events;

  private ConflictCalendar calendar;
  private Post clear;
  private Post conflict;
  private FrozenStore[] stores;

  @Setup
  public void setUp() {
    stores = new FrozenStore[7];
    Arrays.setAll(stores, i -> new FrozenStore());
    calendar =
        new ConflictCalendar(
            new CalendarState(
                new CalendarState.Stores(
                    stores[0], stores[1], stores[2], stores[3], stores[4], stores[5], stores[6])),
            LocalZones.fixed(ZoneOffset.UTC));
    Instant first = MIDDLE.minus(SPAN.dividedBy(2));
    Duration apart = SPAN.dividedBy(events);
    for (int i = 0; i < events; i++) {
      Instant start = first.plus(apart.multipliedBy(i));
      calendar.milestone(
          new Milestone(
              "fair-" + i,
              1,
              BRANCH,
              Stance.AVOID,
              null,
              "Street fair " + i,
              start,
              start.plus(EVENT),
              Milestone.DEFAULT_BUFFER,
              false));
    }
    // ten posts a week, three content posts to one campaign post, at 10:00 and 19:00
    for (int i = 0; i < 40; i++) {
      Instant at = first.plus(Duration.ofHours(17L * i)).truncatedTo(ChronoUnit.DAYS);
      calendar.postDrafted(
          Post.drafted(
              "post-" + i,
              1,
              BRANCH,
              "FACEBOOK",
              i % 4 == 3,
              i % 4 == 3 ? "budget-2027" : null,
              at.plus(Duration.ofHours(i % 2 == 0 ? 10 : 19))));
    }
    for (FrozenStore store : stores) {
      store.frozen = true;
    }
    int middle = events / 2;
    Instant eventStart = first.plus(apart.multipliedBy(middle));
    conflict = Post.drafted("jmh-conflict", 1, BRANCH, "FACEBOOK", false, null, eventStart);
    Instant afterEvent = eventStart.plus(EVENT);
    clear =
        Post.drafted(
            "jmh-clear",
            1,
            BRANCH,
            "FACEBOOK",
            false,
            null,
            afterEvent.plus(apart.minus(EVENT).dividedBy(2)));
    if (!calendar.postDrafted(clear).changes().isEmpty()) {
      throw new IllegalStateException("the clear post conflicts with " + events + " events");
    }
    if (!(calendar.postDrafted(conflict).changes().get(0)
        instanceof CalendarChange.ConflictStarted)) {
      throw new IllegalStateException("the post at an event's start does not conflict");
    }
  }

  @Benchmark
  public void clear(Blackhole blackhole) {
    blackhole.consume(check(clear));
  }

  @Benchmark
  public void conflict(Blackhole blackhole) {
    blackhole.consume(check(conflict));
  }

  private Outcome check(Post post) {
    return calendar.postDrafted(post);
  }

  /** A sorted store in memory, in RocksDB's unsigned byte order; writes dropped once frozen. */
  static final class FrozenStore implements SortedStore {

    private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    boolean frozen;

    @Override
    public byte[] get(byte[] key) {
      return entries.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) {
      if (!frozen) {
        entries.put(key.clone(), value.clone());
      }
    }

    @Override
    public void delete(byte[] key) {
      if (!frozen) {
        entries.remove(key);
      }
    }

    @Override
    public void scan(byte[] from, byte[] to, EntryVisitor visitor) {
      NavigableMap<byte[], byte[]> range =
          to == null ? entries.tailMap(from, true) : entries.subMap(from, true, to, false);
      for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
        if (!visitor.visit(entry.getKey(), entry.getValue())) {
          return;
        }
      }
    }
  }
}
