package org.librarycampaign.governance.hashtags.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import library.campaign.events.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Post;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Trouble;
import org.librarycampaign.platform.accounts.Secret;
import org.slf4j.LoggerFactory;

/**
 * The cache against a real HTTP server in the JVM; the bounded wait and the single flight with a
 * search that holds its answer for as long as the test needs (the HTTP clients' own timeouts are in
 * {@link TagSearchTest}).
 */
class NetworkHashtagLookupTest {

  // generous: a loaded build machine must not turn a normal answer into a timeout
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final FakeTagNetwork network = new FakeTagNetwork();
  private final AtomicLong nanos = new AtomicLong();
  private final NetworkHashtagLookup lookup =
      new NetworkHashtagLookup(
          Map.of(
              "eastside/MASTODON",
              new MastodonTagSearch(
                  URI.create(network.baseUrl()),
                  new Secret(FakeTagNetwork.MASTODON_TOKEN),
                  Set.of(),
                  TIMEOUT)),
          new HashtagLookupSettings(
              TIMEOUT, 7, 2, Duration.ofHours(1), Duration.ofMinutes(1), 4, 100, Map.of()),
          Clock.systemUTC(),
          nanos::get);

  @AfterEach
  void close() {
    network.close();
    assertThat(network.problems).isEmpty();
  }

  private Map<String, TagCheck> check(String... tags) {
    return lookup.check("eastside", Platform.MASTODON, List.of(tags));
  }

  @Test
  void aChannelWithoutAnAccountAsksNothing() {
    assertThat(lookup.check("westside", Platform.MASTODON, List.of("fund"))).isEmpty();
    assertThat(lookup.check("eastside", Platform.BLUESKY, List.of("fund"))).isEmpty();
    assertThat(network.calls).isEmpty();
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void countMetrics() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void stopCountingMetrics() {
    Metrics.removeRegistry(registry);
  }

  private double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void anAnswerIsCachedPerTagUntilItsTimeToLive() {
    double lookups = count(LookupMetrics.LOOKUPS, "platform", "MASTODON", "result", "in_use");
    double hits = count(LookupMetrics.CACHE_HITS, "platform", "MASTODON");
    network.posts("fund", new Post("alice@elsewhere.example", Instant.now(), "1"));
    TagCheck first = check("fund").get("fund");
    assertThat(first).isInstanceOf(TagCheck.InUse.class);
    assertThat(check("fund")).containsEntry("fund", first);
    assertThat(network.calls("timelines/tag/fund")).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                count(LookupMetrics.LOOKUPS, "platform", "MASTODON", "result", "in_use")
                    == lookups + 1);
    assertThat(count(LookupMetrics.CACHE_HITS, "platform", "MASTODON")).isEqualTo(hits + 1);

    nanos.addAndGet(Duration.ofMinutes(61).toNanos());
    assertThat(check("fund")).containsEntry("fund", first);
    assertThat(network.calls("timelines/tag/fund")).isEqualTo(2);
  }

  @Test
  void theCacheKeepsAtMostItsSizeLeastRecentlyUsedLeavingFirst() {
    check("a");
    check("b");
    check("a");
    check("c");
    assertThat(lookup.cached()).isEqualTo(2);
    check("a");
    assertThat(network.calls("timelines/tag/a")).isEqualTo(1);
    check("b");
    assertThat(network.calls("timelines/tag/b")).isEqualTo(2);
  }

  @Test
  void aRefusedAccountIsLoggedWithWhyAndWithoutItsToken() {
    Logger logger = (Logger) LoggerFactory.getLogger(NetworkHashtagLookup.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      NetworkHashtagLookup refused =
          new NetworkHashtagLookup(
              Map.of(
                  "eastside/MASTODON",
                  new MastodonTagSearch(
                      URI.create(network.baseUrl()),
                      new Secret("not-the-token-xyz"),
                      Set.of(),
                      TIMEOUT)),
              new HashtagLookupSettings(
                  TIMEOUT, 7, 10, Duration.ofHours(1), Duration.ofMinutes(1), 4, 100, Map.of()));

      assertThat(refused.check("eastside", Platform.MASTODON, List.of("fund")))
          .containsExactly(
              Map.entry(
                  "fund", new TagCheck.NotChecked("the server refused the account (HTTP 401)")));
      await().atMost(Duration.ofSeconds(10)).until(() -> !logs.list.isEmpty());
      ILoggingEvent event = logs.list.get(0);
      assertThat(event.getFormattedMessage())
          .isEqualTo("Hashtag could not be looked up on the network");
      assertThat(event.getKeyValuePairs().toString())
          .contains("why", "the server refused the account (HTTP 401)", "fund", "MASTODON");
      for (ILoggingEvent logged : logs.list) {
        assertThat(logged.getFormattedMessage() + logged.getKeyValuePairs())
            .doesNotContain("not-the-token-xyz");
      }
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void aFailureIsKeptForTheShorterTimeOnly() {
    network.trouble("broken", Trouble.FAIL);
    assertThat(check("broken"))
        .containsExactly(
            Map.entry("broken", new TagCheck.NotChecked("the server failed (HTTP 500)")));
    check("broken");
    assertThat(network.calls("timelines/tag/broken")).isEqualTo(1);

    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    check("broken");
    assertThat(network.calls("timelines/tag/broken")).isEqualTo(2);
  }

  @Test
  void afterAFailureAChannelIsNotAskedAboutOtherTagsForTheFailuresTime() {
    network.trouble("broken", Trouble.FAIL);
    check("broken");

    assertThat(check("other", "more"))
        .containsExactly(
            Map.entry(
                "other",
                new TagCheck.NotChecked(
                    "the server failed (HTTP 500), a moment ago for another tag")),
            Map.entry(
                "more",
                new TagCheck.NotChecked(
                    "the server failed (HTTP 500), a moment ago for another tag")));
    assertThat(network.calls("timelines/tag/other")).isZero();

    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    assertThat(check("other")).containsExactly(Map.entry("other", new TagCheck.Quiet()));
    assertThat(network.calls("timelines/tag/other")).isEqualTo(1);
  }

  /** A search that answers "quick" at once and holds every other tag until the test ends. */
  private static final class HeldSearch implements TagSearch {
    final CountDownLatch release = new CountDownLatch(1);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public TagCheck search(String tag, Instant since, int days) {
      calls.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
      if (tag.equals("quick")) {
        return new TagCheck.InUse(1, false, "https://m.example/@alice/1", days);
      }
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new TagCheck.Quiet();
    }
  }

  private final HeldSearch held = new HeldSearch();
  private final NetworkHashtagLookup heldLookup =
      new NetworkHashtagLookup(
          Map.of("eastside/BLUESKY", held),
          new HashtagLookupSettings(
              Duration.ofMillis(300),
              7,
              100,
              Duration.ofHours(1),
              Duration.ofMinutes(1),
              4,
              100,
              Map.of()),
          Clock.systemUTC(),
          nanos::get);

  @AfterEach
  void releaseHeldSearches() {
    held.release.countDown();
  }

  private Map<String, TagCheck> checkHeld(String... tags) {
    return heldLookup.check("eastside", Platform.BLUESKY, List.of(tags));
  }

  @Test
  void searchesThatDoNotAnswerDelayTheCallerNoLongerThanTheTimeoutWhateverTheNumberOfTags() {
    // "quick" answered once (the search goes on after a caller stops waiting, into the cache)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> checkHeld("quick").get("quick") instanceof TagCheck.InUse);

    double timeouts = count(LookupMetrics.TIMEOUTS, "platform", "BLUESKY");
    Map<String, TagCheck> checks =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> checkHeld("slow1", "quick", "slow2"));

    assertThat(checks)
        .containsExactly(
            Map.entry("slow1", new TagCheck.NotChecked("no answer within 300 ms")),
            Map.entry("quick", new TagCheck.InUse(1, false, "https://m.example/@alice/1", 7)),
            Map.entry("slow2", new TagCheck.NotChecked("no answer within 300 ms")));
    assertThat(held.calls.get("quick")).hasValue(1);
    assertThat(count(LookupMetrics.TIMEOUTS, "platform", "BLUESKY")).isEqualTo(timeouts + 2);
  }

  @Test
  void manyPostsWithTheSameNewTagAtOnceMakeOneSearch() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Map<String, TagCheck>>> posts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        posts.add(() -> checkHeld("viral"));
      }
      for (Future<Map<String, TagCheck>> answer : threads.invokeAll(posts)) {
        assertThat(answer.get())
            .containsExactly(
                Map.entry("viral", new TagCheck.NotChecked("no answer within 300 ms")));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(held.calls.get("viral")).hasValue(1);
  }
}
