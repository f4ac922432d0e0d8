package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.rules.Posts.advice;
import static org.librarycampaign.governance.rules.Posts.crisis;
import static org.librarycampaign.governance.rules.Posts.draft;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.MediaKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.officials.OfficialHandle;

/** One nested test per rule that advises. */
class AdviceRulesTest {

  private static List<Warning> warnings(PostRule rule, PostContext post) {
    assertThat(rule.decides()).isFalse();
    return rule.check(post).stream().map(f -> ((Finding.Advice) f).warning()).toList();
  }

  private static Draft campaign(List<String> mentions, List<String> links, String text) {
    return draft(PostCategory.CAMPAIGN, Platform.FACEBOOK, text, List.of(), mentions, links, 1);
  }

  @Nested
  class NoCallToActionRule {
    private final PostRule rule = new NoCallToAction(CallToAction.defaults());

    @Test
    void aCampaignPostWithoutOneIsWarned() {
      assertThat(warnings(rule, advice(draft(PostCategory.CAMPAIGN, "Our budget"), null)))
          .containsExactly(Warning.of(WarningCode.NO_CALL_TO_ACTION, NoCallToAction.MESSAGE));
      assertThat(NoCallToAction.MESSAGE).startsWith("No call to action: say what readers");
    }

    @Test
    void aCampaignPostWithOneOrAContentPostIsNot() {
      assertThat(warnings(rule, advice(draft(PostCategory.CAMPAIGN, "Sign the petition"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Our budget"), null))).isEmpty();
    }
  }

  @Nested
  class NoLinkRule {
    private final PostRule rule = new NoLink();

    @Test
    void aCampaignPostWithoutALinkIsWarned() {
      List<Warning> expected =
          List.of(
              Warning.of(
                  WarningCode.NO_LINK, "No link: add one where readers can act or learn more"));

      assertThat(warnings(rule, advice(campaign(List.of(), List.of(" "), "Sign"), null)))
          .isEqualTo(expected);
      assertThat(warnings(rule, advice(campaign(List.of(), List.of(), "see xhttps://a.b"), null)))
          .isEqualTo(expected);
    }

    @Test
    void aLinkInTheFieldOrTheTextCounts() {
      assertThat(warnings(rule, advice(campaign(List.of(), List.of("https://a.b"), "x"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(campaign(List.of(), List.of(), "See www.a.b now"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(campaign(List.of(), List.of(), "HTTPS://a.b"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Story time"), null))).isEmpty();
    }
  }

  @Nested
  class NoVisualRule {
    private final PostRule rule = new NoVisual();

    @Test
    void anyPostWithoutMediaIsWarned() {
      Draft bare =
          draft(PostCategory.CONTENT, Platform.X, "Story", List.of(), List.of(), List.of(), 0);

      assertThat(warnings(rule, advice(bare, null)))
          .containsExactly(
              Warning.of(
                  WarningCode.NO_VISUAL,
                  "No visual: attach an image or a video; posts with one get noticed more"));
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Story"), null))).isEmpty();
    }
  }

  @Nested
  class NoOfficialsTaggedRule {
    private final PostRule rule = new NoOfficialsTagged();

    @Test
    void aCampaignPostThatMentionsNobodyIsWarned() {
      List<Warning> expected =
          List.of(
              Warning.of(
                  WarningCode.NO_OFFICIALS_TAGGED,
                  "No officials tagged: mention the officials this post addresses, e.g."
                      + " @CountyExec"));

      assertThat(warnings(rule, advice(campaign(List.of(" "), List.of(), "Sign"), null)))
          .isEqualTo(expected);
      assertThat(warnings(rule, advice(campaign(List.of(), List.of(), "mail me@x.org"), null)))
          .isEqualTo(expected);
    }

    @Test
    void aMentionInTheFieldOrTheTextCounts() {
      assertThat(warnings(rule, advice(campaign(List.of("@Exec"), List.of(), "Sign"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(campaign(List.of(), List.of(), "Hi @Exec"), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Story"), null))).isEmpty();
    }

    private final List<OfficialHandle> directory =
        List.of(
            new OfficialHandle("Dana Reyes", "County Executive", "@CountyExec"),
            new OfficialHandle("Lee Park", "Board Chair", "BoardChairLee"));

    @Test
    void withADirectoryOnlyItsOfficialsCountAndTheMessageNamesThem() {
      PostContext friend =
          advice(campaign(List.of("@friend"), List.of(), "Sign"), null).withOfficials(directory);
      PostContext nobody =
          advice(campaign(List.of(), List.of(), "Sign"), null).withOfficials(directory);

      assertThat(warnings(rule, friend))
          .containsExactly(
              Warning.of(
                  WarningCode.NO_OFFICIALS_TAGGED,
                  "No officials tagged: tag @CountyExec (County Executive) or @BoardChairLee"
                      + " (Board Chair), eastside's officials on Facebook; the accounts this post"
                      + " mentions are not in the directory"));
      assertThat(warnings(rule, nobody))
          .extracting(Warning::message)
          .containsExactly(
              "No officials tagged: tag @CountyExec (County Executive) or @BoardChairLee (Board"
                  + " Chair), eastside's officials on Facebook");
    }

    @Test
    void withADirectoryAMentionOfAnOfficialInAnyCaseCounts() {
      assertThat(
              warnings(
                  rule,
                  advice(campaign(List.of("@countyexec"), List.of(), "Sign"), null)
                      .withOfficials(directory)))
          .isEmpty();
      assertThat(
              warnings(
                  rule,
                  advice(campaign(List.of(), List.of(), "Thanks @BOARDCHAIRLEE."), null)
                      .withOfficials(directory)))
          .isEmpty();
      assertThat(
              warnings(
                  rule,
                  advice(draft(PostCategory.CONTENT, "Story"), null).withOfficials(directory)))
          .isEmpty();
    }

    @Test
    void aLongDirectoryNamesFiveAndCountsTheRest() {
      List<OfficialHandle> seven =
          java.util.stream.IntStream.rangeClosed(1, 7)
              .mapToObj(i -> new OfficialHandle("O" + i, "Seat " + i, "@o" + i))
              .toList();

      assertThat(
              warnings(
                  rule, advice(campaign(List.of(), List.of(), "Sign"), null).withOfficials(seven)))
          .extracting(Warning::message)
          .containsExactly(
              "No officials tagged: tag @o1 (Seat 1), @o2 (Seat 2), @o3 (Seat 3), @o4 (Seat 4),"
                  + " @o5 (Seat 5) or one of 2 more, eastside's officials on Facebook");
    }
  }

  @Nested
  class NotConciseRule {
    private final PostRule rule = new NotConcise();

    private Draft campaignOn(Platform platform, String text) {
      return draft(PostCategory.CAMPAIGN, platform, text, List.of(), List.of(), List.of(), 1);
    }

    @Test
    void aCampaignPostOverTwiceItsSweetSpotIsTippedWithItsLength() {
      // Facebook's sweet spot is 80: 161 characters is past twice that
      assertThat(warnings(rule, advice(campaignOn(Platform.FACEBOOK, "a".repeat(161)), null)))
          .containsExactly(
              Warning.of(
                  WarningCode.NOT_CONCISE,
                  "Tip: be concise: the text has 161 characters; posts on Facebook do best at"
                      + " about 80, so lead with the ask and cut the rest"));
      assertThat(warnings(rule, advice(campaignOn(Platform.X, "é".repeat(201)), null)))
          .extracting(Warning::message)
          .containsExactly(
              "Tip: be concise: the text has 201 characters; posts on X do best at about 100, so"
                  + " lead with the ask and cut the rest");
    }

    @Test
    void upToTwiceTheSweetSpotOrAContentPostIsNot() {
      assertThat(warnings(rule, advice(campaignOn(Platform.FACEBOOK, "a".repeat(160)), null)))
          .isEmpty();
      assertThat(warnings(rule, advice(campaignOn(Platform.INSTAGRAM, "a".repeat(250)), null)))
          .isEmpty();
      // code points, not UTF-16 units: 200 emoji are 400 chars in Java
      assertThat(warnings(rule, advice(campaignOn(Platform.X, "📚".repeat(200)), null))).isEmpty();
      Draft content =
          draft(
              PostCategory.CONTENT,
              Platform.FACEBOOK,
              "a".repeat(500),
              List.of(),
              List.of(),
              List.of(),
              1);
      assertThat(warnings(rule, advice(content, null))).isEmpty();
    }
  }

  @Nested
  class ConsiderVideoRule {
    private final PostRule rule = new ConsiderVideo();

    private Draft withMedia(PostCategory category, Platform platform, MediaKind... kinds) {
      Draft plain = draft(category, platform, "Sign", List.of(), List.of(), List.of(), 1);
      return new Draft(
          plain.postId(),
          plain.revision(),
          plain.branchId(),
          plain.platform(),
          plain.category(),
          plain.campaignId(),
          plain.text(),
          plain.hashtags(),
          plain.mentions(),
          plain.links(),
          kinds.length,
          plain.scheduledAt(),
          plain.draftedAt(),
          List.of(kinds));
    }

    @Test
    void aCampaignPostWithImagesAndNoVideoWhereVideoIsNativeIsTipped() {
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(PostCategory.CAMPAIGN, Platform.FACEBOOK, MediaKind.IMAGE), null)))
          .containsExactly(
              Warning.of(
                  WarningCode.CONSIDER_VIDEO,
                  "Tip: consider a short video: Facebook plays video in the feed, and videos can"
                      + " move people even more than images"));
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(
                          PostCategory.CAMPAIGN,
                          Platform.INSTAGRAM,
                          MediaKind.GIF,
                          MediaKind.IMAGE),
                      null)))
          .extracting(Warning::code)
          .containsExactly(WarningCode.CONSIDER_VIDEO);
    }

    @Test
    void aVideoNoImageATextFeedOrAContentPostIsNot() {
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(
                          PostCategory.CAMPAIGN,
                          Platform.FACEBOOK,
                          MediaKind.IMAGE,
                          MediaKind.VIDEO),
                      null)))
          .isEmpty();
      assertThat(warnings(rule, advice(withMedia(PostCategory.CAMPAIGN, Platform.TIKTOK), null)))
          .isEmpty();
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(PostCategory.CAMPAIGN, Platform.FACEBOOK, MediaKind.AUDIO), null)))
          .isEmpty();
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(PostCategory.CAMPAIGN, Platform.MASTODON, MediaKind.IMAGE), null)))
          .isEmpty();
      assertThat(
              warnings(
                  rule,
                  advice(
                      withMedia(PostCategory.CONTENT, Platform.FACEBOOK, MediaKind.IMAGE), null)))
          .isEmpty();
      // kinds unknown (only a count): no tip rather than a guess
      assertThat(warnings(rule, advice(draft(PostCategory.CAMPAIGN, "Sign"), null))).isEmpty();
    }
  }

  @Nested
  class CrisisActiveRule {
    private final PostRule rule = new CrisisActive();

    @Test
    void aContentPostInACrisisIsWarnedWithTheIncidents() {
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Story"), crisis("i1"))))
          .containsExactly(
              Warning.of(
                  WarningCode.CRISIS_ACTIVE,
                  "eastside is in a crisis (incident i1, HIGH): check that this post reads well"
                      + " in the moment"));
      assertThat(
              warnings(rule, advice(draft(PostCategory.CONTENT, "Story"), crisis("i1", "i2", "i3")))
                  .get(0)
                  .message())
          .startsWith("eastside is in a crisis (incidents i1, HIGH; i2, HIGH and i3, HIGH)");
    }

    @Test
    void aCampaignPostOrAPostWithoutCrisisIsNot() {
      assertThat(warnings(rule, advice(draft(PostCategory.CAMPAIGN, "Sign"), crisis("i1"))))
          .isEmpty();
      assertThat(warnings(rule, advice(draft(PostCategory.CONTENT, "Story"), new BranchCrises())))
          .isEmpty();
    }
  }

  @Nested
  class HashtagUsedBeforeRule {
    private final PostRule rule = new HashtagUsedBefore();
    private final Draft draft =
        draft(
            PostCategory.CAMPAIGN,
            Platform.FACEBOOK,
            "Sign",
            List.of("#FundUs", "#Books"),
            List.of(),
            List.of(),
            1);
    private final List<HashtagUse> uses =
        List.of(
            new HashtagUse("#FundUs", "eastside", "budget", "p1", Posts.DRAFTED),
            new HashtagUse("#Books", "eastside", "budget", "p1", Posts.DRAFTED));

    @Test
    void eachTagFirstUsedEarlierByAnotherUserIsWarnedOnce() {
      Instant earlier = Instant.parse("2026-03-03T11:30:00Z");
      HashtagUse byCampaign = new HashtagUse("#fundus", "westside", "levy", "w1", earlier);
      HashtagUse byBranch = new HashtagUse("#books", "northgate", null, "n1", earlier);

      assertThat(
              warnings(rule, advice(draft, uses, Map.of("fundus", byCampaign, "books", byBranch))))
          .containsExactly(
              new Warning(
                  WarningCode.HASHTAG_USED_BEFORE,
                  "#FundUs was first used by campaign levy (westside) on Wed 4 Mar 2026; make sure"
                      + " it says what you mean here",
                  "#FundUs",
                  "levy",
                  earlier),
              new Warning(
                  WarningCode.HASHTAG_USED_BEFORE,
                  "#Books was first used by branch northgate on Wed 4 Mar 2026; make sure it says"
                      + " what you mean here",
                  "#Books",
                  "northgate",
                  earlier));
    }

    @Test
    void theSamePostTheSameUserOrALaterUseIsNotWarned() {
      HashtagUse samePost = new HashtagUse("#fundus", "westside", "levy", "p1", Instant.EPOCH);
      HashtagUse sameUser = new HashtagUse("#books", "westside", "budget", "w1", Instant.EPOCH);
      HashtagUse later =
          new HashtagUse("#fundus", "westside", "levy", "w1", Posts.DRAFTED.plusSeconds(1));

      assertThat(warnings(rule, advice(draft, uses, Map.of("fundus", samePost)))).isEmpty();
      assertThat(warnings(rule, advice(draft, uses, Map.of("books", sameUser)))).isEmpty();
      assertThat(warnings(rule, advice(draft, uses, Map.of("fundus", later)))).isEmpty();
      assertThat(warnings(rule, advice(draft, uses, Map.of()))).isEmpty();
    }
  }
}
