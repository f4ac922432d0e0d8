package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;

import java.util.List;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tips NOT_CONCISE and CONSIDER_VIDEO through the production topology: warnings on campaign
 * posts that never change the status. Exact records, then nothing else.
 */
class TipsTopologyTest {

  private static final String CONSIDER_VIDEO_ON_FACEBOOK =
      "Tip: consider a short video: Facebook plays video in the feed, and videos can move people"
          + " even more than images";

  private final GovernanceDriver driver = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
  }

  private List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    return driver.decisionLines();
  }

  /** Each campaign post on a branch of its own (its postId), so that none is held ahead of it. */
  private static Expected held(String postId, String platform) {
    return Expected.campaign(postId)
        .channel(postId, platform)
        .heldForRatio(
            "Held: this week has 0 approved campaign posts and 0 content posts on "
                + postId
                + "/"
                + platform
                + "; 3 more content posts would free it",
            3)
        .week(0, 0, 0)
        .decidedAt("2026-11-27T10:00:00Z");
  }

  @Test
  void aCampaignPostFarOverItsSweetSpotIsTippedWithItsLength() {
    String longText = "Tell the board: fund our library! " + "x".repeat(167); // 201 characters

    assertThat(send(campaign("k1").branch("k1").platform("X").text(longText)))
        .containsExactly(
            held("k1", "X")
                .warning(
                    WarningCode.NOT_CONCISE,
                    "Tip: be concise: the text has 201 characters; posts on X do best at about"
                        + " 100, so lead with the ask and cut the rest")
                .line());
    assertThat(send(campaign("k2").branch("k2").platform("X").text(longText.substring(1))))
        .containsExactly(held("k2", "X").line());
  }

  @Test
  void aCampaignPostWithAnImageAndNoVideoWhereVideoIsNativeIsTipped() {
    assertThat(send(campaign("k1").branch("k1").images(1)))
        .containsExactly(
            held("k1", "FACEBOOK")
                .warning(WarningCode.CONSIDER_VIDEO, CONSIDER_VIDEO_ON_FACEBOOK)
                .line());
    assertThat(send(campaign("k2").branch("k2").media("IMAGE", "VIDEO")))
        .containsExactly(held("k2", "FACEBOOK").line());
    assertThat(send(campaign("k3").branch("k3").platform("MASTODON").images(2)))
        .containsExactly(held("k3", "MASTODON").line());
    assertThat(send(content("c1").text("Story time this Saturday " + "x".repeat(200))))
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
  }

  @Test
  void bothTipsComeAfterTheOtherAdviceInTheOrderOfTheWarningCodes() {
    String longText = "Our library budget " + "x".repeat(150); // 169 > 2 x 80 on Facebook

    assertThat(send(campaign("k1").branch("k1").text(longText).links().images(1)))
        .containsExactly(
            held("k1", "FACEBOOK")
                .warning(
                    WarningCode.NO_CALL_TO_ACTION,
                    "No call to action: say what readers should do, e.g. \"Sign the petition\""
                        + " or \"Come to the budget hearing\"")
                .warning(
                    WarningCode.NO_LINK, "No link: add one where readers can act or learn more")
                .warning(
                    WarningCode.NOT_CONCISE,
                    "Tip: be concise: the text has 169 characters; posts on Facebook do best at"
                        + " about 80, so lead with the ask and cut the rest")
                .warning(WarningCode.CONSIDER_VIDEO, CONSIDER_VIDEO_ON_FACEBOOK)
                .line());
  }
}
