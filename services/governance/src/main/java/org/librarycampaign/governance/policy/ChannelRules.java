package org.librarycampaign.governance.policy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import library.campaign.events.Platform;

/**
 * The rules of one channel (a branch's account on a platform): its policy where it gave a value,
 * the platform defaults everywhere else.
 *
 * @param capFromPolicy whether {@code maxPostsPerDay} came from the channel's policy (the messages
 *     then name the policy rather than the platform)
 */
public record ChannelRules(
    String branchId,
    Platform platform,
    int contentPerCampaign,
    int maxPostsPerDay,
    boolean capFromPolicy,
    ZoneId zone,
    boolean politicalSpeechAllowed) {

  public ChannelRules {
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(zone, "zone");
    if (contentPerCampaign < 1 || maxPostsPerDay < 1) {
      throw new IllegalArgumentException("contentPerCampaign and maxPostsPerDay must be >= 1");
    }
  }

  /**
   * The defaults of services/governance/README.md#the-rules: 3 content per campaign post, UTC,
   * political speech allowed.
   */
  public static ChannelRules defaults(String branchId, Platform platform) {
    return of(branchId, platform, null, null, null, null);
  }

  /**
   * A policy's values over the defaults; a value that is absent (null) or out of range (below 1)
   * takes the default.
   */
  public static ChannelRules of(
      String branchId,
      Platform platform,
      Integer contentPerCampaign,
      Integer maxPostsPerDay,
      ZoneId zone,
      Boolean politicalSpeechAllowed) {
    boolean capFromPolicy = maxPostsPerDay != null && maxPostsPerDay >= 1;
    return new ChannelRules(
        branchId,
        platform,
        contentPerCampaign != null && contentPerCampaign >= 1
            ? contentPerCampaign
            : PlatformDefaults.CONTENT_PER_CAMPAIGN,
        capFromPolicy ? maxPostsPerDay : PlatformDefaults.maxPostsPerDay(platform),
        capFromPolicy,
        zone != null ? zone : ZoneOffset.UTC,
        politicalSpeechAllowed == null || politicalSpeechAllowed);
  }

  /** {@code branchId/PLATFORM}, e.g. {@code eastside/FACEBOOK}. */
  public String channelId() {
    return channelId(branchId, platform);
  }

  public static String channelId(String branchId, Platform platform) {
    return branchId + "/" + platform.name();
  }

  public int textLimit() {
    return PlatformDefaults.textLimit(platform);
  }

  /** How many campaign posts a week with this many approved content posts may carry. */
  public int allowedCampaign(int approvedContent) {
    return Math.floorDiv(approvedContent, contentPerCampaign);
  }

  /** Who sets the daily cap, for messages: "Facebook" or "the channel policy". */
  public String capSetBy() {
    return capFromPolicy ? "the channel policy" : PlatformDefaults.displayName(platform);
  }
}
