package org.librarycampaign.governance.hashtags.lookup;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import library.campaign.events.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The look-up on the network: the channel's {@link TagSearch} run on a small pool of daemon
 * threads, with a cache per platform and tag, and the caller's wait bounded by the timeout.
 *
 * <ul>
 *   <li><b>Never longer than the timeout.</b> All tags of a post are asked at once and waited for
 *       together until one deadline; a tag without an answer by then is {@link TagCheck.NotChecked}
 *       ("no answer within 2000 ms"). The search itself goes on and its answer fills the cache for
 *       the next post.
 *   <li><b>Single flight.</b> The cache holds the search's future from the moment it starts, so
 *       many posts with the same new tag (on any task or thread) wait for one request.
 *   <li><b>Bounded, with a time to live.</b> At most {@code maxEntries} tags (least recently used
 *       leave first); an answer is kept for {@code ttl}, a failure for {@code failureTtl} only (so
 *       that a dead server costs one timeout per tag and period, not one per post).
 *   <li><b>A failing channel is not asked for a while.</b> After a search of a channel fails (no
 *       answer, 5xx, refused account), new tags on that channel are NotChecked at once for {@code
 *       failureTtl}, with the failure's reason: a dead server costs one timeout per channel and
 *       period, not one per new tag.
 *   <li><b>Bounded work.</b> A full queue of searches is answered at once with NotChecked.
 * </ul>
 */
public final class NetworkHashtagLookup implements HashtagLookup {

  private static final Logger LOGGER = LoggerFactory.getLogger(NetworkHashtagLookup.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Map<String, TagSearch> searches;
  private final Duration timeout;
  private final int days;
  private final Duration ttl;
  private final Duration failureTtl;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final ThreadPoolExecutor pool;
  private final Map<String, Entry> cache;
  private final Map<TagSearch, Failed> failing = new HashMap<>();

  /** A channel's last failure, and until when no new search is made there. */
  private record Failed(String why, long untilNanos) {}

  private static final class Entry {
    final CompletableFuture<TagCheck> answer;
    volatile long expiresAtNanos = Long.MAX_VALUE;

    Entry(CompletableFuture<TagCheck> answer) {
      this.answer = answer;
    }
  }

  /**
   * @param searches by channel id ({@code branchId/PLATFORM})
   */
  public NetworkHashtagLookup(Map<String, TagSearch> searches, HashtagLookupSettings settings) {
    this(searches, settings, Clock.systemUTC(), System::nanoTime);
  }

  NetworkHashtagLookup(
      Map<String, TagSearch> searches,
      HashtagLookupSettings settings,
      Clock clock,
      LongSupplier nanoTime) {
    this.searches = Map.copyOf(searches);
    this.timeout = settings.timeout();
    this.days = settings.days();
    this.ttl = settings.cacheTtl();
    this.failureTtl = settings.failureTtl();
    this.clock = clock;
    this.nanoTime = nanoTime;
    int maxEntries = settings.cacheSize();
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
    this.pool =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(settings.queue()),
            task -> {
              Thread thread =
                  new Thread(task, "governance-tag-lookup-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public Map<String, TagCheck> check(String branchId, Platform platform, List<String> tags) {
    TagSearch search = searches.get(branchId + "/" + platform.name());
    if (search == null || tags.isEmpty()) {
      return Map.of();
    }
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    Map<String, CompletableFuture<TagCheck>> asked = new LinkedHashMap<>();
    for (String tag : tags) {
      asked.putIfAbsent(tag, answer(search, platform, tag));
    }
    Map<String, TagCheck> checks = new LinkedHashMap<>();
    asked.forEach(
        (tag, answer) -> {
          TagCheck check = await(answer, deadline);
          if (check == null) {
            LookupMetrics.timeouts(platform).increment();
            check = new TagCheck.NotChecked("no answer within " + timeout.toMillis() + " ms");
          }
          checks.put(tag, check);
          LOGGER
              .atDebug()
              .addKeyValue("branchId", branchId)
              .addKeyValue("platform", platform)
              .addKeyValue("hashtag", tag)
              .addKeyValue("check", check.getClass().getSimpleName())
              .log("Hashtag looked up on the network");
        });
    return checks;
  }

  /** The cached answer, the one in flight, or a new search. */
  private synchronized CompletableFuture<TagCheck> answer(
      TagSearch search, Platform platform, String tag) {
    String key = platform.name() + "|" + tag;
    Entry known = cache.get(key);
    if (known != null && nanoTime.getAsLong() < known.expiresAtNanos) {
      LookupMetrics.cacheHits(platform).increment();
      return known.answer;
    }
    Failed failed = failing.get(search);
    if (failed != null && nanoTime.getAsLong() < failed.untilNanos()) {
      return CompletableFuture.completedFuture(
          new TagCheck.NotChecked(failed.why() + ", a moment ago for another tag"));
    }
    CompletableFuture<TagCheck> answer = new CompletableFuture<>();
    Entry entry = new Entry(answer);
    cache.put(key, entry);
    Timer.Sample started = Timer.start();
    try {
      // the answer is recorded (cache lifetime, a failing channel) before it is handed over, so a
      // caller that has it sees the failure when it asks about the next tag
      pool.execute(
          () -> {
            TagCheck check = run(search, platform, tag);
            settle(entry, search, platform, tag, started, check);
            answer.complete(check);
          });
    } catch (RejectedExecutionException e) {
      TagCheck check = new TagCheck.NotChecked("too many look-ups are waiting");
      settle(entry, search, platform, tag, started, check);
      answer.complete(check);
    }
    return answer;
  }

  private void settle(
      Entry entry,
      TagSearch search,
      Platform platform,
      String tag,
      Timer.Sample started,
      TagCheck check) {
    started.stop(LookupMetrics.duration(platform));
    LookupMetrics.lookups(platform, check).increment();
    entry.expiresAtNanos =
        nanoTime.getAsLong() + (check instanceof TagCheck.NotChecked ? failureTtl : ttl).toNanos();
    if (check instanceof TagCheck.NotChecked notChecked) {
      failed(search, notChecked.why());
      LOGGER
          .atWarn()
          .addKeyValue("platform", platform)
          .addKeyValue("hashtag", tag)
          .addKeyValue("why", notChecked.why())
          .log("Hashtag could not be looked up on the network");
    }
  }

  private synchronized void failed(TagSearch search, String why) {
    failing.put(search, new Failed(why, nanoTime.getAsLong() + failureTtl.toNanos()));
  }

  private TagCheck run(TagSearch search, Platform platform, String tag) {
    try {
      return search.search(tag, clock.instant().minus(Duration.ofDays(days)), days);
    } catch (RuntimeException e) {
      LOGGER
          .atWarn()
          .addKeyValue("platform", platform)
          .addKeyValue("hashtag", tag)
          .addKeyValue("error", e.getClass().getSimpleName())
          .log("Hashtag look-up failed");
      return new TagCheck.NotChecked("the look-up failed");
    }
  }

  private TagCheck await(CompletableFuture<TagCheck> answer, long deadline) {
    long left = deadline - nanoTime.getAsLong();
    try {
      return left <= 0 ? answer.getNow(null) : answer.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return new TagCheck.NotChecked("the look-up failed");
    }
  }

  /** Answers cached or in flight (tests, metrics). */
  synchronized int cached() {
    return cache.size();
  }
}
