package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.decision.Reason;

/**
 * WEEKLY_CAMPAIGN_LIMIT: the channel's policy caps the approved campaign posts of a week, on top of
 * the ratio, and the week has reached it. The post waits in the week's queue until an approved
 * campaign post of the week is withdrawn or moved.
 */
public final class WeeklyCampaignLimit implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    ChannelRules channel = post.channel();
    int approvedCampaign = post.week().approvedCampaign();
    if (!post.draft().isCampaign() || channel.pacing().ceilingAllowsCampaign(approvedCampaign)) {
      return List.of();
    }
    String message =
        "Held: this week has "
            + Wording.count(approvedCampaign, "approved campaign post", "approved campaign posts")
            + " on "
            + channel.channelId()
            + " and the channel policy allows "
            + Wording.count(
                channel.pacing().maxCampaignPostsPerWeek(), "campaign post", "campaign posts")
            + " a week; it goes out when one of them is withdrawn or moved";
    return List.of(Finding.held(Reason.of(ReasonCode.WEEKLY_CAMPAIGN_LIMIT, message)));
  }
}
