package org.librarycampaign.governance.hashtags.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Post;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Trouble;
import org.librarycampaign.platform.accounts.Secret;

/** Both searches against a real HTTP server in the JVM speaking each network's wire format. */
class TagSearchTest {

  // generous: a loaded build machine must not turn a normal answer into a timeout
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant SINCE = NOW.minus(Duration.ofDays(7));

  private final FakeTagNetwork network = new FakeTagNetwork();

  @AfterEach
  void noWrongRequests() {
    network.close();
    assertThat(network.problems).isEmpty();
  }

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  @Nested
  class Mastodon {

    private MastodonTagSearch search(String token, Set<String> ownHandles) {
      return new MastodonTagSearch(
          URI.create(network.baseUrl()),
          token == null ? null : new Secret(token),
          ownHandles,
          TIMEOUT);
    }

    private MastodonTagSearch search() {
      return search(FakeTagNetwork.MASTODON_TOKEN, Set.of());
    }

    @Test
    void aTagOthersPostedWithRecentlyIsInUseWithTheCountAndTheNewestAsExample() {
      network.posts(
          "fundourlibrary",
          new Post("alice@elsewhere.example", daysAgo(1), "11"),
          new Post("bob", daysAgo(3), "12"),
          new Post("carol@far.example", daysAgo(9), "10"));

      assertThat(search().search("fundourlibrary", SINCE, 7))
          .isEqualTo(
              new TagCheck.InUse(2, false, network.baseUrl() + "/@alice@elsewhere.example/11", 7));
    }

    @Test
    void aTagNobodyUsedIsQuiet() {
      assertThat(search().search("brandnewtag", SINCE, 7)).isEqualTo(new TagCheck.Quiet());
    }

    @Test
    void postsOnlyOlderThanTheDaysAreQuiet() {
      network.posts("oldtag", new Post("alice@elsewhere.example", daysAgo(8), "1"));
      assertThat(search().search("oldtag", SINCE, 7)).isEqualTo(new TagCheck.Quiet());
    }

    @Test
    void postsOfOurOwnAccountsDoNotCount() {
      network.posts(
          "ourtag",
          // the token's account, local to the server (acct without a server)
          new Post(FakeTagNetwork.OWN_MASTODON, daysAgo(1), "1"),
          // another branch's account, named in the config
          new Post("westside@mastodon.example", daysAgo(2), "2"));

      assertThat(
              search(FakeTagNetwork.MASTODON_TOKEN, Set.of("@westside@mastodon.example"))
                  .search("ourtag", SINCE, 7))
          .isEqualTo(new TagCheck.Quiet());
      assertThat(network.calls("verify_credentials")).isEqualTo(1);
    }

    @Test
    void aReadOnlyAccountWithoutATokenAsksThePublicTimeline() {
      network.posts("opentag", new Post("alice@elsewhere.example", daysAgo(1), "5"));
      assertThat(search(null, Set.of()).search("opentag", SINCE, 7))
          .isEqualTo(
              new TagCheck.InUse(1, false, network.baseUrl() + "/@alice@elsewhere.example/5", 7));
      assertThat(network.calls("verify_credentials")).isZero();
    }

    @Test
    void aPublishersWriteOnlyTokenReadsThePublicTimelineAndItsHandleIsOurs() {
      network.posts(
          "fund",
          new Post(FakeTagNetwork.OWN_MASTODON, daysAgo(1), "1"),
          new Post("alice@elsewhere.example", daysAgo(2), "2"));
      MastodonTagSearch search =
          search(FakeTagNetwork.WRITE_ONLY_TOKEN, Set.of("@" + FakeTagNetwork.OWN_MASTODON));

      assertThat(search.search("fund", SINCE, 7))
          .isEqualTo(
              new TagCheck.InUse(1, false, network.baseUrl() + "/@alice@elsewhere.example/2", 7));
      assertThat(network.calls("timelines/tag/fund")).isEqualTo(2);
    }

    @Test
    void aFullPageOfRecentPostsSaysThereMayBeMore() {
      Post[] many = new Post[MastodonTagSearch.PAGE];
      for (int i = 0; i < many.length; i++) {
        many[i] =
            new Post("user" + i + "@elsewhere.example", NOW.minusSeconds(60L * (i + 1)), "" + i);
      }
      network.posts("busy", many);
      TagCheck check = search().search("busy", SINCE, 7);
      assertThat(check).isInstanceOf(TagCheck.InUse.class);
      assertThat(((TagCheck.InUse) check).posts()).isEqualTo(MastodonTagSearch.PAGE);
      assertThat(((TagCheck.InUse) check).atLeast()).isTrue();
    }

    @Test
    void aServerErrorIsNotChecked() {
      network.trouble("broken", Trouble.FAIL);
      assertThat(search().search("broken", SINCE, 7))
          .isEqualTo(new TagCheck.NotChecked("the server failed (HTTP 500)"));
    }

    @Test
    void aRefusedTokenIsNotCheckedAndNamesNoToken() {
      TagCheck check = search("wrong-token", Set.of()).search("anytag", SINCE, 7);
      assertThat(check)
          .isEqualTo(new TagCheck.NotChecked("the server refused the account (HTTP 401)"));
      assertThat(check.toString()).doesNotContain("wrong-token");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsNotChecked() {
      network.trouble("slow", Trouble.HANG);
      assertThat(search().search("slow", SINCE, 7))
          .isEqualTo(new TagCheck.NotChecked("no answer within 5000 ms"));
    }

    @Test
    void aServerThatIsNotThereIsNotChecked() {
      MastodonTagSearch nowhere =
          new MastodonTagSearch(URI.create("http://127.0.0.1:9"), null, Set.of(), TIMEOUT);
      assertThat(nowhere.search("anytag", SINCE, 7)).isInstanceOf(TagCheck.NotChecked.class);
    }
  }

  @Nested
  class Bluesky {

    private BlueskyTagSearch search(String password) {
      return new BlueskyTagSearch(
          URI.create(network.baseUrl()),
          FakeTagNetwork.BLUESKY_HANDLE,
          new Secret(password),
          Set.of("westside.bsky.social"),
          TIMEOUT);
    }

    private BlueskyTagSearch search() {
      return search(FakeTagNetwork.BLUESKY_PASSWORD);
    }

    @Test
    void aTagOthersPostedWithRecentlyIsInUseWithALinkToTheNewestOnTheWeb() {
      network.posts(
          "fundourlibrary",
          new Post("alice.example.com", daysAgo(2), "3kabc"),
          new Post("bob.bsky.social", daysAgo(1), "3kxyz"),
          new Post("carol.bsky.social", daysAgo(10), "3kold"));

      assertThat(search().search("fundourlibrary", SINCE, 7))
          .isEqualTo(
              new TagCheck.InUse(
                  2, false, "https://bsky.app/profile/bob.bsky.social/post/3kxyz", 7));
      assertThat(network.calls("createSession")).isEqualTo(1);
    }

    @Test
    void aTagNobodyUsedIsQuiet() {
      assertThat(search().search("brandnewtag", SINCE, 7)).isEqualTo(new TagCheck.Quiet());
    }

    @Test
    void postsOfOurOwnAccountsDoNotCount() {
      network.posts(
          "ourtag",
          new Post(FakeTagNetwork.BLUESKY_HANDLE, daysAgo(1), "1"),
          new Post("westside.bsky.social", daysAgo(1), "2"));
      assertThat(search().search("ourtag", SINCE, 7)).isEqualTo(new TagCheck.Quiet());
    }

    @Test
    void theSessionIsKeptAndMadeAgainOnceWhenTheServerRefusesIt() {
      BlueskyTagSearch search = search();
      search.search("one", SINCE, 7);
      search.search("two", SINCE, 7);
      assertThat(network.calls("createSession")).isEqualTo(1);

      network.expireSession();
      network.posts("three", new Post("alice.example.com", daysAgo(1), "3k1"));
      assertThat(search.search("three", SINCE, 7))
          .isEqualTo(
              new TagCheck.InUse(
                  1, false, "https://bsky.app/profile/alice.example.com/post/3k1", 7));
      assertThat(network.calls("createSession")).isEqualTo(2);
    }

    @Test
    void aRefusedAppPasswordIsNotChecked() {
      assertThat(search("wrong").search("anytag", SINCE, 7))
          .isEqualTo(new TagCheck.NotChecked("the server refused the account (HTTP 401)"));
    }

    @Test
    void aServerErrorIsNotChecked() {
      network.trouble("broken", Trouble.FAIL);
      assertThat(search().search("broken", SINCE, 7))
          .isEqualTo(new TagCheck.NotChecked("the server failed (HTTP 500)"));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsNotChecked() {
      network.trouble("slow", Trouble.HANG);
      assertThat(search().search("slow", SINCE, 7))
          .isEqualTo(new TagCheck.NotChecked("no answer within 5000 ms"));
    }
  }
}
