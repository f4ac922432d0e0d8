package org.librarycampaign.governance.checks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.Hashtags;
import org.librarycampaign.governance.rules.PostContext;
import org.librarycampaign.governance.rules.PostRules;

/**
 * The checks every drafted post goes through: the {@link PostRules#standard standard rule list}
 * with the service's call-to-action words.
 */
public final class PostChecks {

  private final PostRules rules;

  public PostChecks(CallToAction callToAction) {
    this.rules = PostRules.standard(callToAction);
  }

  /** Every rule's findings: the post's warnings and its verdict, if any. */
  public PostRules.Findings check(PostContext post) {
    return rules.check(post);
  }

  /**
   * The warnings of a draft alone, in the order of the advising rules of {@link PostRules#standard}
   * (HASHTAG_USED_BEFORE once per tag).
   *
   * @param uses the draft's own tag uses ({@link #hashtagUses})
   * @param firstUses the first use of each normalized tag, across all branches
   * @param zone the channel's zone, for the dates in messages
   */
  public List<Warning> warnings(
      Draft draft,
      List<HashtagUse> uses,
      BranchCrises crises,
      Function<String, Optional<HashtagUse>> firstUses,
      ZoneId zone) {
    ChannelRules channel =
        ChannelRules.of(draft.branchId(), draft.platform(), null, null, zone, null);
    return rules.advice(PostContext.forAdvice(draft, uses, firstUses, crises, channel));
  }

  /**
   * The uses of its tags a draft makes: the user is its campaign (campaign posts) or branch; a tag
   * is "used before" only by an earlier use than this one (at {@code draftedAt}).
   */
  public static List<HashtagUse> hashtagUses(Draft draft, Instant draftedAt) {
    String campaignId = draft.isCampaign() ? draft.campaignId() : null;
    return Hashtags.inPost(draft.hashtags(), draft.text()).stream()
        .map(tag -> new HashtagUse(tag, draft.branchId(), campaignId, draft.postId(), draftedAt))
        .toList();
  }
}
