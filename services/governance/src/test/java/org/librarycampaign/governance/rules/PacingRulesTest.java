package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.rules.Posts.TUESDAY;
import static org.librarycampaign.governance.rules.Posts.draft;
import static org.librarycampaign.governance.rules.Posts.week;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.Spacing;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Reason;

/** The two pacing rules: TOO_CLOSE and WEEKLY_CAMPAIGN_LIMIT. */
class PacingRulesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static ChannelRules paced(int minutes, int ceiling) {
    return ChannelRules.of("eastside", Platform.FACEBOOK, 1, null, CHICAGO, true)
        .withPacing(new Pacing(minutes, ceiling));
  }

  private static PostContext context(
      Draft draft, ChannelRules channel, BalanceLedger week, Spacing spacing) {
    return PostContext.forDecision(
            draft,
            List.of(),
            tag -> Optional.empty(),
            new BranchCrises(),
            channel,
            TUESDAY,
            week,
            () -> TUESDAY.plusDays(1))
        .withSpacing(spacing);
  }

  @Nested
  class TooCloseRule {
    private final PostRule rule = new TooClose();
    // the draft goes out at 15:00 UTC, 09:00 in Chicago
    private final ChannelRules channel = paced(30, 0);
    private final BalanceLedger week = week(channel);

    private Spacing spacing() {
      return new Spacing(day -> week, CHICAGO, Duration.ofMinutes(30));
    }

    @Test
    void decides() {
      assertThat(rule.decides()).isTrue();
    }

    @Test
    void aPostLessThanTheMinimumFromAnApprovedOneIsHeldWithTheOtherAndTheNearestFreeTime() {
      week.space("c1", Instant.parse("2026-12-01T14:40:00Z"));
      week.space("c2", Instant.parse("2026-12-01T15:25:00Z"));

      assertThat(rule.check(context(draft(PostCategory.CONTENT, "x"), channel, week, spacing())))
          .containsExactly(
              Finding.held(
                  Reason.of(
                      ReasonCode.TOO_CLOSE,
                      "Held: post c1 is approved for Tue 1 Dec, 08:40 CST on eastside/FACEBOOK,"
                          + " 20 minutes from this one, and the channel policy wants 30 minutes"
                          + " between posts; nearest free time: Tue 1 Dec, 09:55 CST")));
    }

    @Test
    void onePostAtTheSameMinuteAndOneMinuteAreWordedAsSuch() {
      week.space("c1", Instant.parse("2026-12-01T15:00:30Z"));
      assertThat(rule.check(context(draft(PostCategory.CAMPAIGN, "x"), channel, week, spacing())))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(((Finding.Verdict) f).reason().message())
                      .contains("09:00 CST on eastside/FACEBOOK, the same minute as this one,"));
      week.unspace("c1");
      week.space("c1", Instant.parse("2026-12-01T15:01:00Z"));
      ChannelRules oneMinute = paced(1, 0);
      Spacing spacing = new Spacing(day -> week, CHICAGO, Duration.ofMinutes(1));
      assertThat(rule.check(context(draft(PostCategory.CONTENT, "x"), oneMinute, week, spacing)))
          .isEmpty();
      week.space("c1", Instant.parse("2026-12-01T14:59:30Z"));
      assertThat(
              rule.check(context(draft(PostCategory.CONTENT, "x"), paced(2, 0), week, spacing())))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(((Finding.Verdict) f).reason().message())
                      .contains(
                          "the same minute as this one, and the channel policy wants 2 minutes"));
    }

    @Test
    void aPostAtLeastTheMinimumAwayPasses() {
      week.space("c1", Instant.parse("2026-12-01T14:30:00Z"));
      week.space("c2", Instant.parse("2026-12-01T15:30:00Z"));

      assertThat(rule.check(context(draft(PostCategory.CONTENT, "x"), channel, week, spacing())))
          .isEmpty();
    }

    @Test
    void aChannelWithoutSpacingIsNeverAsked() {
      week.space("c1", Instant.parse("2026-12-01T15:00:00Z"));

      assertThat(
              rule.check(context(draft(PostCategory.CONTENT, "x"), paced(0, 0), week, spacing())))
          .isEmpty();
    }
  }

  @Nested
  class WeeklyCampaignLimitRule {
    private final PostRule rule = new WeeklyCampaignLimit();

    private BalanceLedger weekWith(ChannelRules channel, int campaign) {
      BalanceLedger week = week(channel);
      for (int i = 0; i < campaign; i++) {
        week.approve(PostCategory.CONTENT, TUESDAY);
        week.approve(PostCategory.CAMPAIGN, TUESDAY);
      }
      return week;
    }

    private List<Finding> check(PostCategory category, ChannelRules channel, int campaign) {
      return rule.check(
          context(draft(category, "x"), channel, weekWith(channel, campaign), Spacing.NONE));
    }

    @Test
    void decides() {
      assertThat(rule.decides()).isTrue();
    }

    @Test
    void aCampaignPostAtTheCeilingIsHeld() {
      assertThat(check(PostCategory.CAMPAIGN, paced(0, 2), 2))
          .containsExactly(
              Finding.held(
                  Reason.of(
                      ReasonCode.WEEKLY_CAMPAIGN_LIMIT,
                      "Held: this week has 2 approved campaign posts on eastside/FACEBOOK and the"
                          + " channel policy allows 2 campaign posts a week; it goes out when one"
                          + " of them is withdrawn or moved")));
      assertThat(check(PostCategory.CAMPAIGN, paced(0, 1), 1))
          .singleElement()
          .satisfies(
              f ->
                  assertThat(((Finding.Verdict) f).reason().message())
                      .startsWith("Held: this week has 1 approved campaign post on")
                      .contains("allows 1 campaign post a week"));
    }

    @Test
    void belowTheCeilingContentPostsAndChannelsWithoutOnePass() {
      assertThat(check(PostCategory.CAMPAIGN, paced(0, 2), 1)).isEmpty();
      assertThat(check(PostCategory.CONTENT, paced(0, 2), 2)).isEmpty();
      assertThat(check(PostCategory.CAMPAIGN, paced(0, 0), 5)).isEmpty();
    }
  }
}
