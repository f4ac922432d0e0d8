package org.librarycampaign.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Test;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Reason;
import org.librarycampaign.governance.decision.Warning;

/** How the list is run: advice always, verdicts until the first. */
class PostRulesTest {

  private static final Warning ADVICE_A = Warning.of(WarningCode.NO_LINK, "a");
  private static final Warning ADVICE_B = Warning.of(WarningCode.NO_VISUAL, "b");
  private static final Reason TOO_LONG = Reason.of(ReasonCode.TEXT_TOO_LONG, "too long");
  private static final Reason CRISIS = Reason.of(ReasonCode.CRISIS_PAUSE, "crisis");

  private final List<String> asked = new ArrayList<>();

  private static final PostContext POST =
      PostContext.forAdvice(
          new Draft(
              "p1",
              1,
              "eastside",
              Platform.FACEBOOK,
              PostCategory.CONTENT,
              null,
              "Story time",
              List.of(),
              List.of(),
              List.of(),
              1,
              Instant.parse("2026-12-01T15:00:00Z"),
              Instant.parse("2026-11-01T00:00:00Z")),
          List.of(),
          tag -> Optional.empty(),
          new BranchCrises(),
          ChannelRules.defaults("eastside", Platform.FACEBOOK));

  private PostRule rule(String name, boolean decides, Finding... findings) {
    return new PostRule() {
      @Override
      public List<Finding> check(PostContext post) {
        asked.add(name);
        return List.of(findings);
      }

      @Override
      public boolean decides() {
        return decides;
      }
    };
  }

  @Test
  void noVerdictApproves() {
    PostRules rules = new PostRules(List.of(rule("advice", false, Finding.advice(ADVICE_A))));

    PostRules.Findings findings = rules.check(POST);

    assertThat(findings.status()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(findings.reasons()).isEmpty();
    assertThat(findings.warnings()).containsExactly(ADVICE_A);
  }

  @Test
  void theFirstVerdictDecidesAndLaterRulesThatDecideAreNotAsked() {
    PostRules rules =
        new PostRules(
            List.of(
                rule("pass", true),
                rule("reject", true, Finding.rejected(TOO_LONG)),
                rule("hold", true, Finding.held(CRISIS)),
                rule("advice", false, Finding.advice(ADVICE_B))));

    PostRules.Findings findings = rules.check(POST);

    assertThat(findings.status()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(findings.reasons()).containsExactly(TOO_LONG);
    assertThat(findings.warnings()).containsExactly(ADVICE_B);
    assertThat(asked).containsExactly("pass", "reject", "advice");
  }

  @Test
  void adviceKeepsTheListsOrderAndAsksNoRuleThatDecides() {
    PostRules rules =
        new PostRules(
            List.of(
                rule("b", false, Finding.advice(ADVICE_B)),
                rule("reject", true, Finding.rejected(TOO_LONG)),
                rule("a", false, Finding.advice(ADVICE_A), Finding.advice(ADVICE_B))));

    assertThat(rules.advice(POST)).containsExactly(ADVICE_B, ADVICE_A, ADVICE_B);
    assertThat(asked).containsExactly("b", "a");
  }

  @Test
  void aRuleThatDoesNotDecideMayNotGiveAVerdict() {
    PostRules rules = new PostRules(List.of(rule("sneaky", false, Finding.held(CRISIS))));

    assertThatThrownBy(() -> rules.check(POST)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> rules.advice(POST)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRuleGivesAtMostOneVerdict() {
    PostRules rules =
        new PostRules(
            List.of(rule("twice", true, Finding.held(CRISIS), Finding.rejected(TOO_LONG))));

    assertThatThrownBy(() -> rules.check(POST)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRuleThatDecidesMayAlsoAdvise() {
    PostRules rules =
        new PostRules(List.of(rule("both", true, Finding.advice(ADVICE_A), Finding.held(CRISIS))));

    PostRules.Findings findings = rules.check(POST);

    assertThat(findings.status()).isEqualTo(DecisionStatus.HELD);
    assertThat(findings.reasons()).containsExactly(CRISIS);
    assertThat(findings.warnings()).containsExactly(ADVICE_A);
  }

  @Test
  void aVerdictRejectsOrHolds() {
    assertThatThrownBy(() -> new Finding.Verdict(DecisionStatus.APPROVED, TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Finding.Verdict(DecisionStatus.WITHDRAWN, TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Finding.held(CRISIS)).isEqualTo(new Finding.Verdict(DecisionStatus.HELD, CRISIS));
    assertThat(Finding.rejected(TOO_LONG))
        .isEqualTo(new Finding.Verdict(DecisionStatus.REJECTED, TOO_LONG));
  }

  @Test
  void theStandardListAdvisesFirstThenDecidesInTheReadmesOrder() {
    List<String> names =
        PostRules.standard(org.librarycampaign.governance.checks.CallToAction.defaults())
            .rules()
            .stream()
            .map(
                rule ->
                    (rule.decides() ? "decides " : "advises ") + rule.getClass().getSimpleName())
            .toList();

    assertThat(names)
        .containsExactly(
            "advises NoCallToAction",
            "advises NoLink",
            "advises NoVisual",
            "advises HashtagUsedBefore",
            "advises NoOfficialsTagged",
            "advises CrisisActive",
            "advises NotConcise",
            "advises ConsiderVideo",
            "advises HashtagOnNetwork",
            "decides TextTooLong",
            "decides PoliticalSpeechRestricted",
            "decides DailyLimit",
            "decides CrisisPause",
            "decides WeeklyCampaignLimit",
            "decides RatioLimit",
            "decides TooClose");
  }
}
