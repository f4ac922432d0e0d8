package org.librarycampaign.governance;

import library.campaign.events.PostDecision;
import org.librarycampaign.governance.hashtags.HashtagUse;

/** What the decision processor forwards: a decision to publish, or a hashtag use to record. */
sealed interface GovernanceOutput {

  /** Keyed by postId, for {@code campaign.post-decisions}. */
  record DecisionOut(PostDecision decision) implements GovernanceOutput {}

  /** Keyed by the normalized tag, for the first-use view. */
  record HashtagClaim(HashtagUse use) implements GovernanceOutput {}
}
