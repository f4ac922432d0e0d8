package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.decision.Reason;

/**
 * RATIO_LIMIT: a campaign post the week's approved content does not make room for waits in the
 * week's queue. The reason counts the content posts that would free it, after the held posts ahead
 * of it that the next places would go to.
 */
public final class RatioLimit implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    ChannelRules channel = post.channel();
    BalanceLedger week = post.week();
    if (!post.draft().isCampaign()
        || channel.ratioAllowsCampaign(week.approvedCampaign(), week.approvedContent())) {
      return List.of();
    }
    int ahead = heldWithRoomAhead(week, channel);
    int needed = channel.contentPostsNeeded(week.approvedCampaign(), week.approvedContent(), ahead);
    return List.of(
        Finding.held(
            new Reason(
                ReasonCode.RATIO_LIMIT,
                message(channel, week.approvedCampaign(), week.approvedContent(), ahead, needed),
                null,
                needed)));
  }

  /** Held posts ahead in the queue that the next free places would go to (their day has room). */
  static int heldWithRoomAhead(BalanceLedger week, ChannelRules channel) {
    return (int)
        week.held().stream().filter(held -> channel.hasRoom(week.approvedOn(held.day()))).count();
  }

  static String message(
      ChannelRules channel, int approvedCampaign, int approvedContent, int ahead, int needed) {
    String queue =
        ahead == 0
            ? ""
            : " and "
                + Wording.count(ahead, "held campaign post is", "held campaign posts are")
                + " ahead of this one";
    return "Held: this week has "
        + Wording.count(approvedCampaign, "approved campaign post", "approved campaign posts")
        + " and "
        + Wording.count(approvedContent, "content post", "content posts")
        + " on "
        + channel.channelId()
        + queue
        + "; "
        + Wording.count(needed, "more content post", "more content posts")
        + " would free it";
  }
}
