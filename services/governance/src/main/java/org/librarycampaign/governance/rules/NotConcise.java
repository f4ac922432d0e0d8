package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;

/**
 * NOT_CONCISE (a tip): a campaign post whose text is more than {@link
 * PlatformDefaults#NOT_CONCISE_FACTOR} times its platform's sweet spot ({@link
 * PlatformDefaults#conciseLength}). Shorter posts are read to the end; the hard limit stays {@link
 * TextTooLong}'s.
 */
public final class NotConcise implements PostRule {

  @Override
  public List<Finding> check(PostContext post) {
    Draft draft = post.draft();
    if (!draft.isCampaign()) {
      return List.of();
    }
    int sweetSpot = PlatformDefaults.conciseLength(draft.platform());
    int length = draft.textLength();
    if (length <= sweetSpot * PlatformDefaults.NOT_CONCISE_FACTOR) {
      return List.of();
    }
    return List.of(Finding.advice(Warning.of(WarningCode.NOT_CONCISE, message(draft, sweetSpot))));
  }

  static String message(Draft draft, int sweetSpot) {
    return "Tip: be concise: the text has "
        + draft.textLength()
        + " characters; posts on "
        + PlatformDefaults.displayName(draft.platform())
        + " do best at about "
        + sweetSpot
        + ", so lead with the ask and cut the rest";
  }
}
