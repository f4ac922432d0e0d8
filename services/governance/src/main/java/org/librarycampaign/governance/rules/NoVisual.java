package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.decision.Warning;

/** NO_VISUAL: any post without an image or a video. */
public final class NoVisual implements PostRule {

  static final String MESSAGE =
      "No visual: attach an image or a video; posts with one get noticed more";

  @Override
  public List<Finding> check(PostContext post) {
    if (post.draft().mediaCount() == 0) {
      return List.of(Finding.advice(Warning.of(WarningCode.NO_VISUAL, MESSAGE)));
    }
    return List.of();
  }
}
