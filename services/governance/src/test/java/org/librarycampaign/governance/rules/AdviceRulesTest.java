package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.rules.Posts.advice;
import static org.librarycampaign.governance.rules.Posts.crisis;
import static org.librarycampaign.governance.rules.Posts.draft;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
