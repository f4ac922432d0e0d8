package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.governance.decision.Reason;

/** POLITICAL_SPEECH_RESTRICTED: a campaign post on a channel that may not carry one. */
public final class PoliticalSpeechRestricted implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    if (!post.draft().isCampaign() || post.channel().politicalSpeechAllowed()) {
      return List.of();
    }
    String message =
        "Rejected: "
            + post.channel().channelId()
            + " may not carry political speech under the library's social-media policy;"
            + " share this campaign post through partner and champion pages instead";
    return List.of(Finding.rejected(Reason.of(ReasonCode.POLITICAL_SPEECH_RESTRICTED, message)));
  }
}
