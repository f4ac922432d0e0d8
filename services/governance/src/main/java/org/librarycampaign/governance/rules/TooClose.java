package org.librarycampaign.governance.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.ReasonCode;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.decision.Reason;

/**
 * TOO_CLOSE: the channel's policy wants a least time between two approved posts, and another
 * approved post is scheduled closer than that to this one (exactly the minimum away is fine). The
 * reason names the nearest such post and the nearest later time that keeps the minimum to every
 * approved post, in the channel's zone. The post waits in its week's queue until the other is
 * withdrawn or moved.
 */
public final class TooClose implements PostRule {

  @Override
  public boolean decides() {
    return true;
  }

  @Override
  public List<Finding> check(PostContext post) {
    ChannelRules channel = post.channel();
    if (!channel.pacing().spaced()) {
      return List.of();
    }
    Instant at = post.draft().scheduledAt();
    String postId = post.draft().postId();
    Optional<BalanceLedger.Spaced> other = post.spacing().tooClose(at, postId);
    if (other.isEmpty()) {
      return List.of();
    }
    long apart = Duration.between(other.get().at(), at).abs().toMinutes();
    String message =
        "Held: post "
            + other.get().postId()
            + " is approved for "
            + Wording.time(other.get().at(), channel.zone())
            + " on "
            + channel.channelId()
            + ", "
            + (apart == 0
                ? "the same minute as this one"
                : Wording.count((int) apart, "minute", "minutes") + " from this one")
            + ", and the channel policy wants "
            + Wording.count(channel.pacing().minMinutesBetweenPosts(), "minute", "minutes")
            + " between posts; nearest free time: "
            + Wording.time(post.spacing().nextFree(at, postId), channel.zone());
    return List.of(Finding.held(Reason.of(ReasonCode.TOO_CLOSE, message)));
  }
}
