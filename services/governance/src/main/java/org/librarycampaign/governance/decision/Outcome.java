package org.librarycampaign.governance.decision;

import java.util.List;
import org.librarycampaign.governance.hashtags.HashtagUse;

/**
 * What one event led to: the decisions to publish, in order, and the hashtag uses to record in the
 * first-use view.
 */
public record Outcome(List<Decision> decisions, List<HashtagUse> hashtagUses) {

  public static final Outcome NOTHING = new Outcome(List.of(), List.of());

  public Outcome {
    decisions = List.copyOf(decisions);
    hashtagUses = List.copyOf(hashtagUses);
  }
}
