package org.librarycampaign.governance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;

class PostChecksTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant EARLIER = Instant.parse("2026-03-03T09:00:00Z");
  private final PostChecks checks = new PostChecks(CallToAction.defaults());

  private static Draft post(
      PostCategory category,
      String campaignId,
      String text,
      List<String> hashtags,
      List<String> mentions,
      List<String> links,
      int media) {
    return new Draft(
        "p1",
        1,
        "eastside",
        Platform.FACEBOOK,
        category,
        campaignId,
        text,
        hashtags,
        mentions,
        links,
        media,
        Instant.parse("2026-12-01T15:00:00Z"),
        NOW);
  }

  private List<Warning> warnings(
      Draft draft, BranchCrises crises, Map<String, HashtagUse> firstUses) {
    return checks.warnings(
        draft,
        PostChecks.hashtagUses(draft, NOW),
        crises,
        tag -> Optional.ofNullable(firstUses.get(tag)),
        ZoneOffset.UTC);
  }

  @Test
  void aCompleteCampaignPostHasNoWarnings() {
    Draft complete =
        post(
            PostCategory.CAMPAIGN,
            "budget",
            "Sign the petition",
            List.of("#FundUs"),
            List.of("@CountyExec"),
            List.of("https://example.org"),
            1);

    assertThat(warnings(complete, new BranchCrises(), Map.of())).isEmpty();
  }

  @Test
  void aBareCampaignPostGetsEveryWarningInCodeOrder() {
    Draft bare =
        post(PostCategory.CAMPAIGN, "budget", "Our budget", List.of(), List.of(), List.of(), 0);

    assertThat(warnings(bare, new BranchCrises(), Map.of()))
        .containsExactly(
            Warning.of(
                WarningCode.NO_CALL_TO_ACTION,
                "No call to action: say what readers should do, e.g. \"Sign the petition\" or"
                    + " \"Come to the budget hearing\""),
            Warning.of(WarningCode.NO_LINK, "No link: add one where readers can act or learn more"),
            Warning.of(
                WarningCode.NO_VISUAL,
                "No visual: attach an image or a video; posts with one get noticed more"),
            Warning.of(
                WarningCode.NO_OFFICIALS_TAGGED,
                "No officials tagged: mention the officials this post addresses, e.g. @CountyExec"));
  }

  @Test
  void aLinkOrMentionWrittenInTheTextCounts() {
    Draft inText =
        post(
            PostCategory.CAMPAIGN,
            "budget",
            "Ask @CountyExec: www.example.org/budget",
            List.of(),
            List.of(),
            List.of(),
            1);

    assertThat(warnings(inText, new BranchCrises(), Map.of())).isEmpty();
  }

  @Test
  void contentPostsAreOnlyWarnedAboutVisualsTagsAndCrises() {
    Draft content =
        post(PostCategory.CONTENT, null, "New books", List.of(), List.of(), List.of(), 0);
    BranchCrises crisis = new BranchCrises(Map.of("i1", Severity.CRITICAL));

    assertThat(warnings(content, crisis, Map.of()))
        .extracting(Warning::code)
        .containsExactly(WarningCode.NO_VISUAL, WarningCode.CRISIS_ACTIVE);
  }

  @Test
  void aTagFirstUsedByAnotherCampaignOrBranchIsWarnedWithWhoAndWhen() {
    Draft draft =
        post(
            PostCategory.CAMPAIGN,
            "bond-2027",
            "Vote yes #SaveStoryTime",
            List.of("#FundOurLibrary"),
            List.of("@Mayor"),
            List.of("https://example.org"),
            1);
    Map<String, HashtagUse> firstUses =
        Map.of(
            "fundourlibrary",
                new HashtagUse("#FundOurLibrary", "westside", "budget-2026", "w1", EARLIER),
            "savestorytime", new HashtagUse("#savestorytime", "westside", null, "w2", EARLIER));

    List<Warning> warnings =
        checks.warnings(
            draft,
            PostChecks.hashtagUses(draft, NOW),
            new BranchCrises(),
            tag -> Optional.ofNullable(firstUses.get(tag)),
            ZoneId.of("America/Chicago"));

    assertThat(warnings)
        .containsExactly(
            new Warning(
                WarningCode.HASHTAG_USED_BEFORE,
                "#FundOurLibrary was first used by campaign budget-2026 (westside) on Tue 3 Mar"
                    + " 2026; make sure it says what you mean here",
                "#FundOurLibrary",
                "budget-2026",
                EARLIER),
            new Warning(
                WarningCode.HASHTAG_USED_BEFORE,
                "#SaveStoryTime was first used by branch westside on Tue 3 Mar 2026; make sure it"
                    + " says what you mean here",
                "#SaveStoryTime",
                "westside",
                EARLIER));
  }

  @Test
  void aTagFirstUsedByTheSameCampaignOrByThisPostOrLaterIsNotWarned() {
    Draft draft =
        post(
            PostCategory.CAMPAIGN,
            "budget",
            "Sign now",
            List.of("#a", "#b", "#c"),
            List.of("@Mayor"),
            List.of("https://example.org"),
            1);
    Map<String, HashtagUse> firstUses =
        Map.of(
            "a", new HashtagUse("#a", "westside", "budget", "w1", EARLIER),
            "b", new HashtagUse("#b", "westside", null, "p1", EARLIER),
            "c", new HashtagUse("#c", "westside", null, "w3", NOW.plusSeconds(1)));

    assertThat(warnings(draft, new BranchCrises(), firstUses)).isEmpty();
  }

  @Test
  void everyTagOfADraftIsAUseByItsCampaignOrBranch() {
    Draft campaign =
        post(PostCategory.CAMPAIGN, "budget", "Sign #Now", List.of("#A"), List.of(), List.of(), 0);
    Draft content =
        post(PostCategory.CONTENT, "budget", "#Books", List.of(), List.of(), List.of(), 0);

    assertThat(PostChecks.hashtagUses(campaign, NOW))
        .containsExactly(
            new HashtagUse("#A", "eastside", "budget", "p1", NOW),
            new HashtagUse("#Now", "eastside", "budget", "p1", NOW));
    assertThat(PostChecks.hashtagUses(content, NOW))
        .containsExactly(new HashtagUse("#Books", "eastside", null, "p1", NOW));
  }
}
