package org.librarycampaign.governance.hashtags;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One use of a hashtag by a post. The <em>user</em> of a tag is the campaign of a campaign post
 * (every branch of a campaign shares its tags), else the branch.
 *
 * @param hashtag the tag as the post wrote it, e.g. {@code #FundOurLibrary}
 * @param campaignId the campaign, for a campaign post that names one; else null
 * @param usedAt when the post was drafted (the time of its record)
 */
public record HashtagUse(
    String hashtag, String branchId, String campaignId, String postId, Instant usedAt) {

  /** Earliest first; equal times by branch then post, so that every reader picks the same one. */
  public static final Comparator<HashtagUse> FIRST_FIRST =
      Comparator.comparing(HashtagUse::usedAt)
          .thenComparing(HashtagUse::branchId)
          .thenComparing(HashtagUse::postId);

  public HashtagUse {
    Objects.requireNonNull(hashtag, "hashtag");
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(usedAt, "usedAt");
  }

  public String normalizedHashtag() {
    return Hashtags.normalize(hashtag);
  }

  /** The campaign or, for other posts, the branch: {@code firstUsedBy} of a warning. */
  public String usedBy() {
    return campaignId != null ? campaignId : branchId;
  }

  public boolean sameUserAs(HashtagUse other) {
    return campaignId != null
        ? campaignId.equals(other.campaignId)
        : other.campaignId == null && branchId.equals(other.branchId);
  }

  public boolean isBefore(HashtagUse other) {
    return FIRST_FIRST.compare(this, other) < 0;
  }
}
