package org.librarycampaign.governance.rules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;

/**
 * HASHTAG_USED_BEFORE: one per tag of the post first used, earlier, by another user (another
 * campaign, or another branch's content) in another post.
 */
public final class HashtagUsedBefore implements PostRule {

  @Override
  public List<Finding> check(PostContext post) {
    List<Finding> found = new ArrayList<>();
    for (HashtagUse use : post.hashtagUses()) {
      post.firstUse()
          .apply(use.normalizedHashtag())
          .filter(first -> !first.postId().equals(post.draft().postId()))
          .filter(first -> !first.sameUserAs(use))
          .filter(first -> first.isBefore(use))
          .ifPresent(
              first ->
                  found.add(
                      Finding.advice(
                          new Warning(
                              WarningCode.HASHTAG_USED_BEFORE,
                              message(use.hashtag(), first, post.channel().zone()),
                              use.hashtag(),
                              first.usedBy(),
                              first.usedAt()))));
    }
    return found;
  }

  static String message(String hashtag, HashtagUse first, ZoneId zone) {
    String user =
        first.campaignId() != null
            ? "campaign " + first.campaignId() + " (" + first.branchId() + ")"
            : "branch " + first.branchId();
    return hashtag
        + " was first used by "
        + user
        + " on "
        + Wording.dayAndYear(first.usedAt(), zone)
        + "; make sure it says what you mean here";
  }
}
