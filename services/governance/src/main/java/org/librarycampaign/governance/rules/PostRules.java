package org.librarycampaign.governance.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import library.campaign.events.DecisionStatus;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.decision.Reason;
import org.librarycampaign.governance.decision.Warning;

/**
 * The governance rules, in one ordered list. Every rule is asked in turn; advice accumulates in the
 * list's order (the order of the warning codes), and the first verdict decides the post, after
 * which no rule that decides is asked. A post no rule rejects or holds is APPROVED.
 */
public final class PostRules {

  private final List<PostRule> rules;

  public PostRules(List<PostRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules of the governance README, in their order. Adding a rule is adding a line here. */
  public static PostRules standard(CallToAction callToAction) {
    return new PostRules(
        List.of(
            // advice, in the order of the warning codes
            new NoCallToAction(callToAction),
            new NoLink(),
            new NoVisual(),
            new HashtagUsedBefore(),
            new NoOfficialsTagged(),
            new CrisisActive(),
            new NotConcise(),
            new ConsiderVideo(),
            new HashtagOnNetwork(),
            // verdicts: the first that fails decides
            new TextTooLong(),
            new PoliticalSpeechRestricted(),
            new DailyLimit(),
            new CrisisPause(),
            new WeeklyCampaignLimit(),
            new RatioLimit(),
            new TooClose()));
  }

  public List<PostRule> rules() {
    return rules;
  }

  /** Every rule's findings on the post: its warnings and its verdict, if any. */
  public Findings check(PostContext post) {
    List<Warning> warnings = new ArrayList<>();
    Finding.Verdict verdict = null;
    for (PostRule rule : rules) {
      if (rule.decides() && verdict != null) {
        continue;
      }
      for (Finding finding : rule.check(post)) {
        if (finding instanceof Finding.Advice advice) {
          warnings.add(advice.warning());
        } else if (finding instanceof Finding.Verdict found && rule.decides() && verdict == null) {
          verdict = found;
        } else {
          throw new IllegalStateException(
              rule.getClass().getSimpleName() + " gave a verdict it may not give: " + finding);
        }
      }
    }
    return new Findings(warnings, Optional.ofNullable(verdict));
  }

  /** The warnings only: rules that decide are not asked. */
  public List<Warning> advice(PostContext post) {
    List<Warning> warnings = new ArrayList<>();
    for (PostRule rule : rules) {
      if (rule.decides()) {
        continue;
      }
      for (Finding finding : rule.check(post)) {
        if (!(finding instanceof Finding.Advice advice)) {
          throw new IllegalStateException(
              rule.getClass().getSimpleName() + " does not decide but gave " + finding);
        }
        warnings.add(advice.warning());
      }
    }
    return warnings;
  }

  /** The rules' findings on one post. */
  public record Findings(List<Warning> warnings, Optional<Finding.Verdict> verdict) {

    public Findings {
      warnings = List.copyOf(warnings);
    }

    /** APPROVED unless a rule rejected or held the post. */
    public DecisionStatus status() {
      return verdict.map(Finding.Verdict::status).orElse(DecisionStatus.APPROVED);
    }

    /** The verdict's reason, or none for an approved post. */
    public List<Reason> reasons() {
      return verdict.map(v -> List.of(v.reason())).orElse(List.of());
    }
  }
}
