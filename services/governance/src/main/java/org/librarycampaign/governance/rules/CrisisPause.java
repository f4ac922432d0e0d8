package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.governance.decision.Reason;

/** CRISIS_PAUSE: a campaign post of a branch in a crisis waits until the crisis is resolved. */
public final class CrisisPause implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    if (!post.draft().isCampaign() || !post.crises().isActive()) {
      return List.of();
    }
    String message =
        "Held: "
            + post.draft().branchId()
            + " is in a crisis ("
            + Wording.incidents(post.crises())
            + "); campaign posts wait until it is resolved";
    return List.of(Finding.held(Reason.of(ReasonCode.CRISIS_PAUSE, message)));
  }
}
