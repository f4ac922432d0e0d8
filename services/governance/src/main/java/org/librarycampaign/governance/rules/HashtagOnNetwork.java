package org.librarycampaign.governance.rules;

import java.util.ArrayList;
import java.util.List;
import library.campaign.events.WarningCode;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.hashtags.lookup.TagCheck;

/**
 * HASHTAG_IN_USE_ELSEWHERE: a tag this system had not used before that others on the network posted
 * with recently (the count and one example). HASHTAG_NOT_CHECKED: such a tag the network could not
 * be asked about in time. Only tags the look-up was asked about carry a check (governance README,
 * "Hashtags on the network"); the warnings come in code order, then the post's tag order.
 */
public final class HashtagOnNetwork implements PostRule {

  @Override
  public List<Finding> check(PostContext post) {
    if (post.tagChecks().isEmpty()) {
      return List.of();
    }
    String network = PlatformDefaults.displayName(post.draft().platform());
    List<Finding> inUse = new ArrayList<>();
    List<Finding> notChecked = new ArrayList<>();
    for (HashtagUse use : post.hashtagUses()) {
      TagCheck check = post.tagChecks().get(use.normalizedHashtag());
      if (check instanceof TagCheck.InUse found) {
        inUse.add(
            Finding.advice(
                new Warning(
                    WarningCode.HASHTAG_IN_USE_ELSEWHERE,
                    inUseMessage(use.hashtag(), network, found),
                    use.hashtag(),
                    null,
                    null,
                    found.posts(),
                    found.exampleUrl())));
      } else if (check instanceof TagCheck.NotChecked failed) {
        notChecked.add(
            Finding.advice(
                new Warning(
                    WarningCode.HASHTAG_NOT_CHECKED,
                    use.hashtag()
                        + " could not be checked on "
                        + network
                        + ": "
                        + failed.why()
                        + "; look it up there before posting",
                    use.hashtag(),
                    null,
                    null)));
      }
    }
    inUse.addAll(notChecked);
    return inUse;
  }

  static String inUseMessage(String hashtag, String network, TagCheck.InUse found) {
    return hashtag
        + " is in use on "
        + network
        + ": "
        + (found.atLeast() ? "at least " : "")
        + found.posts()
        + (found.posts() == 1 ? " post" : " posts")
        + " by others in the last "
        + found.days()
        + (found.days() == 1 ? " day" : " days")
        + ", for example "
        + found.exampleUrl()
        + "; make sure it says what you mean here";
  }
}
