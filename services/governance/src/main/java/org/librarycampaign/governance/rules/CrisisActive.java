package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.decision.Warning;

/** CRISIS_ACTIVE: a content post of a branch in a crisis (campaign posts are held instead). */
public final class CrisisActive implements PostRule {

  @Override
  public List<Finding> check(PostContext post) {
    if (!post.draft().isCampaign() && post.crises().isActive()) {
      String message =
          post.draft().branchId()
              + " is in a crisis ("
              + Wording.incidents(post.crises())
              + "): check that this post reads well in the moment";
      return List.of(Finding.advice(Warning.of(WarningCode.CRISIS_ACTIVE, message)));
    }
    return List.of();
  }
}
