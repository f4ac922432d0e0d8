package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;
import static org.librarycampaign.governance.Lines.official;
import static org.librarycampaign.governance.Lines.officials;

import java.util.List;
import java.util.Map;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * NO_OFFICIALS_TAGGED with a directory of officials (campaign.officials, the global store
 * governance-officials), through the production topology: the branch's directory, else {@code *};
 * only a mention of one of its officials on the post's platform counts. Posts on X, where no other
 * tip applies to a post with an image. Exact records, then nothing else.
 */
class OfficialsTopologyTest {

  private final GovernanceDriver driver = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    assertThat(driver.deadLetters()).isEmpty();
    driver.close();
  }

  private List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    return driver.decisionLines();
  }

  /**
   * A campaign post of eastside on X in week {@code week} after the one of Mon 30 Nov 2026: one
   * post per week, so that no held post is ahead of another.
   */
  private static Lines.Post onX(String postId, int week) {
    return campaign(postId).platform("X").at(tuesday(week) + "T15:00:00Z");
  }

  private static java.time.LocalDate tuesday(int week) {
    return java.time.LocalDate.parse("2026-12-01").plusWeeks(week);
  }

  /** The campaign post held for the ratio (no content yet) in its week, with these warnings. */
  private static Expected heldOnX(String postId, String branchId, int week) {
    java.time.LocalDate monday = tuesday(week).minusDays(1);
    return Expected.campaign(postId)
        .channel(branchId, "X")
        .at(tuesday(week) + "T15:00:00Z")
        .heldForRatio(
            "Held: this week has 0 approved campaign posts and 0 content posts on "
                + branchId
                + "/X; 3 more content posts would free it",
            3)
        .window(monday + "T00:00:00Z", monday.plusWeeks(1) + "T00:00:00Z", 0, 0, 0)
        .decidedAt("2026-11-27T10:00:00Z");
  }

  private static final String EASTSIDE =
      officials(
          "eastside",
          official("Dana Reyes", "County Executive", "X", "@CountyExec", "FACEBOOK", "@countyexec"),
          official("Lee Park", "Board Chair", "X", "@BoardChairLee"));

  @Test
  void withoutADirectoryAnyMentionCountsAsToday() {
    assertThat(send(onX("k1", 0).mentions("@friend")))
        .containsExactly(heldOnX("k1", "eastside", 0).line());
    assertThat(send(onX("k2", 1).mentions().text("Tell the board: fund our library!")))
        .containsExactly(
            heldOnX("k2", "eastside", 1)
                .warning(
                    WarningCode.NO_OFFICIALS_TAGGED,
                    "No officials tagged: mention the officials this post addresses, e.g."
                        + " @CountyExec")
                .line());
  }

  @Test
  void withADirectoryOnlyItsOfficialsCountAndTheWarningNamesWhoCouldBeTagged() {
    driver.send(EASTSIDE);

    assertThat(send(onX("k1", 0).mentions("@friend", "@CountyExec2")))
        .containsExactly(
            heldOnX("k1", "eastside", 0)
                .warning(
                    WarningCode.NO_OFFICIALS_TAGGED,
                    "No officials tagged: tag @CountyExec (County Executive) or @BoardChairLee"
                        + " (Board Chair), eastside's officials on X; the accounts this post"
                        + " mentions are not in the directory")
                .line());
    assertThat(send(onX("k2", 1).mentions().text("Tell the board: fund our library!")))
        .containsExactly(
            heldOnX("k2", "eastside", 1)
                .warning(
                    WarningCode.NO_OFFICIALS_TAGGED,
                    "No officials tagged: tag @CountyExec (County Executive) or @BoardChairLee"
                        + " (Board Chair), eastside's officials on X")
                .line());
    // case-insensitive, in the text or the field; a content post is never warned
    assertThat(send(onX("k3", 2).mentions().text("@countyexec: fund our library!")))
        .containsExactly(heldOnX("k3", "eastside", 2).line());
    assertThat(send(onX("k4", 3).mentions("boardchairlee")))
        .containsExactly(heldOnX("k4", "eastside", 3).line());
    assertThat(send(content("c1").platform("X").text("Story time with @friend")))
        .containsExactly(
            Expected.content("c1")
                .channel("eastside", "X")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
  }

  @Test
  void theEveryBranchDirectoryServesBranchesWithoutTheirOwnAndABranchsOwnWins() {
    driver.send(officials("*", official("Sam Ortiz", "Mayor", "X", "@MayorOrtiz")));
    driver.send(EASTSIDE);

    assertThat(send(onX("w1", 0).branch("westside").mentions("@friend")))
        .containsExactly(
            heldOnX("w1", "westside", 0)
                .warning(
                    WarningCode.NO_OFFICIALS_TAGGED,
                    "No officials tagged: tag @MayorOrtiz (Mayor), westside's officials on X; the"
                        + " accounts this post mentions are not in the directory")
                .line());
    assertThat(send(onX("w2", 1).branch("westside").mentions("@mayorortiz")))
        .containsExactly(heldOnX("w2", "westside", 1).line());
    // eastside's own directory replaces *: the mayor is not one of eastside's officials
    assertThat(send(onX("e1", 2).mentions("@MayorOrtiz")))
        .containsExactly(
            heldOnX("e1", "eastside", 2)
                .warning(
                    WarningCode.NO_OFFICIALS_TAGGED,
                    "No officials tagged: tag @CountyExec (County Executive) or @BoardChairLee"
                        + " (Board Chair), eastside's officials on X; the accounts this post"
                        + " mentions are not in the directory")
                .line());
  }

  @Test
  void aDirectoryWithoutOfficialsOnThePostsPlatformLeavesTodaysRule() {
    driver.send(
        officials("eastside", official("Dana Reyes", "County Executive", "FACEBOOK", "@dana")));

    assertThat(send(onX("k1", 0).mentions("@friend")))
        .containsExactly(heldOnX("k1", "eastside", 0).line());
    assertThat(send(onX("k2", 1).branch("westside").mentions("@friend")))
        .containsExactly(heldOnX("k2", "westside", 1).line());
  }

  @Test
  void theDirectoriesAreANamedGlobalStore() {
    String text =
        GovernanceTopology.buildTopology(CampaignConfig.of(Map.of()), driver.catalogue())
            .describe()
            .toString();

    assertThat(text)
        .contains("Processor: read-campaign.officials (stores: [governance-officials])");
  }
}
