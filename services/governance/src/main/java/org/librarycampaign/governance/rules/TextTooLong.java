package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.ReasonCode;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.decision.Reason;

/** TEXT_TOO_LONG: text over the platform's hard limit, in Unicode code points. */
public final class TextTooLong implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    int length = post.draft().textLength();
    ChannelRules channel = post.channel();
    if (length <= channel.textLimit()) {
      return List.of();
    }
    String message =
        "Rejected: the text has "
            + length
            + " characters and "
            + PlatformDefaults.displayName(channel.platform())
            + " allows at most "
            + channel.textLimit()
            + " on "
            + channel.channelId()
            + "; shorten it by "
            + (length - channel.textLimit());
    return List.of(Finding.rejected(Reason.of(ReasonCode.TEXT_TOO_LONG, message)));
  }
}
