package org.librarycampaign.governance.hashtags.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import library.campaign.events.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Post;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Trouble;
import org.librarycampaign.platform.accounts.Secret;

/** The cache, the single flight and the bounded wait, against a real HTTP server in the JVM. */
class NetworkHashtagLookupTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

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

  @Test
  void anAnswerIsCachedPerTagUntilItsTimeToLive() {
    network.posts("fund", new Post("alice@elsewhere.example", Instant.now(), "1"));
    TagCheck first = check("fund").get("fund");
    assertThat(first).isInstanceOf(TagCheck.InUse.class);
    assertThat(check("fund")).containsEntry("fund", first);
    assertThat(network.calls("timelines/tag/fund")).isEqualTo(1);

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
  void aHangingServerDelaysTheCallerNoLongerThanTheTimeoutWhateverTheNumberOfTags() {
    network.trouble("slow1", Trouble.HANG).trouble("slow2", Trouble.HANG);
    network.posts("quick", new Post("alice@elsewhere.example", Instant.now(), "9"));
    check("warmup"); // the account's own name is asked once, before the first search

    Map<String, TagCheck> checks =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check("slow1", "quick", "slow2"));

    assertThat(checks.get("slow1")).isEqualTo(new TagCheck.NotChecked("no answer within 1000 ms"));
    assertThat(checks.get("slow2")).isEqualTo(new TagCheck.NotChecked("no answer within 1000 ms"));
    assertThat(checks.get("quick")).isInstanceOf(TagCheck.InUse.class);
  }

  @Test
  void manyPostsWithTheSameNewTagAtOnceMakeOneRequest() throws Exception {
    network.trouble("viral", Trouble.HANG);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Map<String, TagCheck>>> posts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        posts.add(() -> check("viral"));
      }
      for (Future<Map<String, TagCheck>> answer : threads.invokeAll(posts)) {
        assertThat(answer.get().get("viral")).isInstanceOf(TagCheck.NotChecked.class);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(network.calls("timelines/tag/viral")).isEqualTo(1);
  }
}
