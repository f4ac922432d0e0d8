package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.PostDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Post;
import org.librarycampaign.governance.hashtags.lookup.FakeTagNetwork.Trouble;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The production topology in the TopologyTestDriver, with eastside/MASTODON's read-only look-up
 * account on a real HTTP server in the JVM speaking Mastodon's API: exact decisions, then nothing
 * else. {@code campaign plan}'s topology, given the same account, asks nothing.
 */
class HashtagLookupTopologyTest {

  private final FakeTagNetwork network = new FakeTagNetwork();
  private final CampaignConfig config =
      CampaignConfig.of(
          Map.of(
              "campaign.governance.lookup.account.eastside.MASTODON.kind",
              "mastodon",
              "campaign.governance.lookup.account.eastside.MASTODON.url",
              network.baseUrl(),
              "campaign.governance.lookup.account.eastside.MASTODON.token",
              FakeTagNetwork.MASTODON_TOKEN,
              // generous: a loaded build machine must not turn a normal answer into a timeout
              "campaign.governance.lookup.timeout",
              "10s"));
  private final GovernanceDriver driver = new GovernanceDriver(config, Map.of());

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
    network.close();
    assertThat(network.problems).isEmpty();
  }

  private List<String> send(Object line) {
    driver.send(line.toString());
    return GovernanceDriver.lines(driver.decisions());
  }

  private String example(String author, String id) {
    return network.baseUrl() + "/@" + author + "/" + id;
  }

  private static Instant hoursAgo(int hours) {
    return Instant.now().minus(Duration.ofHours(hours));
  }

  @Test
  void aNewTagInUseElsewhereIsWarnedWithCountAndExampleAndAskedOnce() {
    network
        .posts(
            "fundourlibrary",
            new Post("alice@elsewhere.example", hoursAgo(2), "11"),
            new Post("bob@elsewhere.example", hoursAgo(30), "10"),
            new Post(FakeTagNetwork.OWN_MASTODON, hoursAgo(1), "12"))
        .trouble("broken", Trouble.FAIL);
    Lines.Post first =
        content("c1").platform("MASTODON").hashtags("#FundOurLibrary", "#QuietTag", "#Broken");

    assertThat(send(first))
        .containsExactly(
            Expected.content("c1")
                .channel("eastside", "MASTODON")
                .approved()
                .hashtagInUseElsewhere(
                    "#FundOurLibrary is in use on Mastodon: 2 posts by others in the last 7 days,"
                        + " for example "
                        + example("alice@elsewhere.example", "11")
                        + "; make sure it says what you mean here",
                    "#FundOurLibrary",
                    2,
                    example("alice@elsewhere.example", "11"))
                .hashtagNotChecked(
                    "#Broken could not be checked on Mastodon: the server failed (HTTP 500); look"
                        + " it up there before posting",
                    "#Broken")
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());

    // a replay decides nothing and asks nothing
    assertThat(send(first)).isEmpty();
    // the tag is now this system's own: a later post does not ask again
    assertThat(
            send(
                content("c2")
                    .platform("MASTODON")
                    .hashtags("#fundourlibrary")
                    .drafted("2026-11-27T10:01:00Z")))
        .containsExactly(
            Expected.content("c2")
                .channel("eastside", "MASTODON")
                .approved()
                .week(2, 0, 0)
                .decidedAt("2026-11-27T10:01:00Z")
                .line());
    assertThat(network.calls("timelines/tag/fundourlibrary")).isEqualTo(1);
    assertThat(network.calls("timelines/tag/quiettag")).isEqualTo(1);
    assertThat(network.calls("timelines/tag/broken")).isEqualTo(1);
  }

  @Test
  void aChannelWithoutAnAccountIsDecidedAsWithoutALookUp() {
    network.posts("brandnew", new Post("alice@elsewhere.example", hoursAgo(2), "1"));

    assertThat(send(content("c1").hashtags("#BrandNew")))
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
    assertThat(network.calls).isEmpty();
  }

  @Test
  void aHeldPostKeepsItsLookUpAndItsReleaseRepeatsIt() {
    network.posts("levy", new Post("bob@elsewhere.example", hoursAgo(5), "77"));
    String message =
        "#Levy is in use on Mastodon: 1 post by others in the last 7 days, for example "
            + example("bob@elsewhere.example", "77")
            + "; make sure it says what you mean here";

    assertThat(send(campaign("k1").platform("MASTODON").hashtags("#Levy")))
        .containsExactly(
            Expected.campaign("k1")
                .channel("eastside", "MASTODON")
                .heldForRatio(
                    "Held: this week has 0 approved campaign posts and 0 content posts on"
                        + " eastside/MASTODON; 3 more content posts would free it",
                    3)
                .hashtagInUseElsewhere(message, "#Levy", 1, example("bob@elsewhere.example", "77"))
                .week(0, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
    send(content("c1").platform("MASTODON").drafted("2026-11-27T10:01:00Z"));
    send(content("c2").platform("MASTODON").drafted("2026-11-27T10:02:00Z"));

    assertThat(send(content("c3").platform("MASTODON").drafted("2026-11-27T10:03:00Z")))
        .containsExactly(
            Expected.content("c3")
                .channel("eastside", "MASTODON")
                .approved()
                .week(3, 0, 1)
                .decidedAt("2026-11-27T10:03:00Z")
                .line(),
            Expected.campaign("k1")
                .channel("eastside", "MASTODON")
                .released()
                .hashtagInUseElsewhere(message, "#Levy", 1, example("bob@elsewhere.example", "77"))
                .week(3, 1, 1)
                .decidedAt("2026-11-27T10:03:00Z")
                .line());
    assertThat(network.calls("timelines/tag/levy")).isEqualTo(1);
  }

  @Test
  void thePlanTopologyNeverReachesTheNetwork() {
    network.posts("fundourlibrary", new Post("alice@elsewhere.example", hoursAgo(2), "11"));
    try (TopologyHarness plan =
        TopologyHarness.startingAt(Instant.parse("2026-11-01T00:00:00Z"))
            .config(config)
            .service(GovernanceService.NAME, GovernanceTopology::planTopology, Map.of())
            .build()) {
      plan.send(content("c1").platform("MASTODON").hashtags("#FundOurLibrary").line());

      List<PostDecision> decisions =
          plan.output().stream()
              .map(TopologyHarness.Output::value)
              .filter(PostDecision.class::isInstance)
              .map(PostDecision.class::cast)
              .toList();
      assertThat(GovernanceDriver.lines(decisions))
          .containsExactly(
              Expected.content("c1")
                  .channel("eastside", "MASTODON")
                  .approved()
                  .week(1, 0, 0)
                  .decidedAt("2026-11-27T10:00:00Z")
                  .line());
    }
    assertThat(network.calls).isEmpty();
  }
}
