package org.librarycampaign.governance.rules;

import java.time.LocalDate;
import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.decision.Reason;

/**
 * DAILY_LIMIT: the post's local day already has the channel's cap of approved posts. The reason
 * names the nearest later day with room.
 */
public final class DailyLimit implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    ChannelRules channel = post.channel();
    int approvedThatDay = post.week().approvedOn(post.day());
    if (channel.hasRoom(approvedThatDay)) {
      return List.of();
    }
    LocalDate next = post.nextDayWithRoom().get();
    String message =
        "Rejected: "
            + channel.capSetBy()
            + " allows "
            + Wording.count(channel.maxPostsPerDay(), "post", "posts")
            + " a day on "
            + channel.channelId()
            + " and "
            + Wording.day(post.day())
            + " already has "
            + approvedThatDay
            + "; next day with room: "
            + Wording.day(next);
    return List.of(Finding.rejected(new Reason(ReasonCode.DAILY_LIMIT, message, next, null)));
  }
}
