package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.decision.Warning;

/** NO_CALL_TO_ACTION: a campaign post that does not say what readers should do. */
public final class NoCallToAction implements PostRule {

  static final String MESSAGE =
      "No call to action: say what readers should do, e.g. \"Sign the petition\" or"
          + " \"Come to the budget hearing\"";

  private final CallToAction callToAction;

  public NoCallToAction(CallToAction callToAction) {
    this.callToAction = callToAction;
  }

  @Override
  public List<Finding> check(PostContext post) {
    if (post.draft().isCampaign() && !callToAction.isIn(post.draft().text())) {
      return List.of(Finding.advice(Warning.of(WarningCode.NO_CALL_TO_ACTION, MESSAGE)));
    }
    return List.of();
  }
}
