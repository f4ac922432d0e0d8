package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.rules.Posts.FACEBOOK;
import static org.librarycampaign.governance.rules.Posts.TUESDAY;
import static org.librarycampaign.governance.rules.Posts.crisis;
import static org.librarycampaign.governance.rules.Posts.decide;
import static org.librarycampaign.governance.rules.Posts.draft;
import static org.librarycampaign.governance.rules.Posts.week;

import java.util.List;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Reason;

/** One nested test per rule that decides. */
class VerdictRulesTest {

  private static final BranchCrises CALM = new BranchCrises();

  private static List<Finding> check(PostRule rule, PostContext post) {
    assertThat(rule.decides()).isTrue();
    return rule.check(post);
  }

  private static Draft campaign() {
    return draft(PostCategory.CAMPAIGN, "Sign the petition");
  }

  private static Draft content() {
    return draft(PostCategory.CONTENT, "Story time");
  }

  @Nested
  class TextTooLongRule {
    private final PostRule rule = new TextTooLong();
    private final ChannelRules x = ChannelRules.defaults("eastside", Platform.X);

    private Draft onX(String text) {
      return draft(PostCategory.CONTENT, Platform.X, text, List.of(), List.of(), List.of(), 1);
    }

    @Test
    void textOverThePlatformsLimitInCodePointsIsRejected() {
      assertThat(check(rule, decide(onX("x".repeat(281)), x, CALM, week(x))))
          .containsExactly(
              Finding.rejected(
                  Reason.of(
                      ReasonCode.TEXT_TOO_LONG,
                      "Rejected: the text has 281 characters and X allows at most 280 on"
                          + " eastside/X; shorten it by 1")));
    }

    @Test
    void textAtTheLimitPassesAndAnEmojiCountsOnce() {
      assertThat(check(rule, decide(onX("x".repeat(280)), x, CALM, week(x)))).isEmpty();
      assertThat(check(rule, decide(onX("📚".repeat(280)), x, CALM, week(x)))).isEmpty();
    }
  }

  @Nested
  class PoliticalSpeechRestrictedRule {
    private final PostRule rule = new PoliticalSpeechRestricted();
    private final ChannelRules county =
        ChannelRules.of("eastside", Platform.FACEBOOK, null, null, null, false);

    @Test
    void aCampaignPostOnAChannelWithoutPoliticalSpeechIsRejected() {
      assertThat(check(rule, decide(campaign(), county, CALM, week(county))))
          .containsExactly(
              Finding.rejected(
                  Reason.of(
                      ReasonCode.POLITICAL_SPEECH_RESTRICTED,
                      "Rejected: eastside/FACEBOOK may not carry political speech under the"
                          + " library's social-media policy; share this campaign post through"
                          + " partner and champion pages instead")));
    }

    @Test
    void contentThereOrCampaignElsewherePasses() {
      assertThat(check(rule, decide(content(), county, CALM, week(county)))).isEmpty();
      assertThat(check(rule, decide(campaign(), FACEBOOK, CALM, week(FACEBOOK)))).isEmpty();
    }
  }

  @Nested
  class DailyLimitRule {
    private final PostRule rule = new DailyLimit();

    @Test
    void aFullDayRejectsWithTheNextDayWithRoom() {
      BalanceLedger full = week(FACEBOOK);
      for (int i = 0; i < 3; i++) {
        full.approve(PostCategory.CONTENT, TUESDAY);
      }

      assertThat(check(rule, decide(content(), FACEBOOK, CALM, full)))
          .containsExactly(
              Finding.rejected(
                  new Reason(
                      ReasonCode.DAILY_LIMIT,
                      "Rejected: Facebook allows 3 posts a day on eastside/FACEBOOK and Tue 1 Dec"
                          + " already has 3; next day with room: Thu 3 Dec",
                      TUESDAY.plusDays(2),
                      null)));
    }

    @Test
    void aCapFromThePolicyIsNamedSo() {
      ChannelRules one = ChannelRules.of("eastside", Platform.FACEBOOK, null, 1, null, null);
      BalanceLedger full = week(one);
      full.approve(PostCategory.CAMPAIGN, TUESDAY);

      assertThat(((Finding.Verdict) check(rule, decide(campaign(), one, CALM, full)).get(0)))
          .extracting(v -> v.reason().message())
          .isEqualTo(
              "Rejected: the channel policy allows 1 post a day on eastside/FACEBOOK and Tue 1 Dec"
                  + " already has 1; next day with room: Thu 3 Dec");
    }

    @Test
    void aDayUnderTheCapPasses() {
      BalanceLedger twoOfThree = week(FACEBOOK);
      twoOfThree.approve(PostCategory.CONTENT, TUESDAY);
      twoOfThree.approve(PostCategory.CONTENT, TUESDAY);
      twoOfThree.approve(PostCategory.CONTENT, TUESDAY.plusDays(1));

      assertThat(check(rule, decide(content(), FACEBOOK, CALM, twoOfThree))).isEmpty();
    }
  }

  @Nested
  class CrisisPauseRule {
    private final PostRule rule = new CrisisPause();

    @Test
    void aCampaignPostOfABranchInACrisisIsHeld() {
      assertThat(check(rule, decide(campaign(), FACEBOOK, crisis("i1", "i2"), week(FACEBOOK))))
          .containsExactly(
              Finding.held(
                  Reason.of(
                      ReasonCode.CRISIS_PAUSE,
                      "Held: eastside is in a crisis (incidents i1, HIGH and i2, HIGH); campaign"
                          + " posts wait until it is resolved")));
    }

    @Test
    void contentOrACalmBranchPasses() {
      assertThat(check(rule, decide(content(), FACEBOOK, crisis("i1"), week(FACEBOOK)))).isEmpty();
      assertThat(check(rule, decide(campaign(), FACEBOOK, CALM, week(FACEBOOK)))).isEmpty();
    }
  }

  @Nested
  class RatioLimitRule {
    private final PostRule rule = new RatioLimit();

    @Test
    void aCampaignPostTheContentDoesNotMakeRoomForIsHeld() {
      BalanceLedger week = week(FACEBOOK);
      week.approve(PostCategory.CONTENT, TUESDAY);

      List<Finding> found = check(rule, decide(campaign(), FACEBOOK, CALM, week));

      assertThat(found)
          .containsExactly(
              Finding.held(
                  new Reason(
                      ReasonCode.RATIO_LIMIT,
                      "Held: this week has 0 approved campaign posts and 1 content post on"
                          + " eastside/FACEBOOK; 2 more content posts would free it",
                      null,
                      2)));
      assertThat(((Finding.Verdict) found.get(0)).status()).isEqualTo(DecisionStatus.HELD);
    }

    @Test
    void theHeldPostsAheadWhoseDayHasRoomComeFirst() {
      ChannelRules two = ChannelRules.of("eastside", Platform.FACEBOOK, 3, 2, null, null);
      BalanceLedger week = week(two);
      for (int i = 0; i < 3; i++) {
        week.approve(PostCategory.CONTENT, TUESDAY.plusDays(i));
      }
      week.approve(PostCategory.CAMPAIGN, TUESDAY);
      week.hold("roomy", TUESDAY.plusDays(3));
      week.hold("full", TUESDAY);

      assertThat(((Finding.Verdict) check(rule, decide(campaign(), two, CALM, week)).get(0)))
          .extracting(Finding.Verdict::reason)
          .isEqualTo(
              new Reason(
                  ReasonCode.RATIO_LIMIT,
                  "Held: this week has 1 approved campaign post and 3 content posts on"
                      + " eastside/FACEBOOK and 1 held campaign post is ahead of this one; 6 more"
                      + " content posts would free it",
                  null,
                  6));
    }

    @Test
    void theMessageCountsInThePlural() {
      assertThat(RatioLimit.message(FACEBOOK, 2, 6, 2, 1))
          .isEqualTo(
              "Held: this week has 2 approved campaign posts and 6 content posts on"
                  + " eastside/FACEBOOK and 2 held campaign posts are ahead of this one; 1 more"
                  + " content post would free it");
    }

    @Test
    void contentOrACampaignPostTheRatioAllowsPasses() {
      BalanceLedger week = week(FACEBOOK);
      for (int i = 0; i < 3; i++) {
        week.approve(PostCategory.CONTENT, TUESDAY.plusDays(i));
      }

      assertThat(check(rule, decide(campaign(), FACEBOOK, CALM, week))).isEmpty();
      assertThat(check(rule, decide(content(), FACEBOOK, CALM, week(FACEBOOK)))).isEmpty();
    }
  }
}
