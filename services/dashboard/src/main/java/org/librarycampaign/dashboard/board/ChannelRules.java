package org.librarycampaign.dashboard.board;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.librarycampaign.dashboard.facts.PolicyFact;

/**
 * A channel's policy with the defaults of services/governance/README.md#the-rules filled in: 3
 * content posts per campaign post, weeks and days in UTC, political speech allowed, and a daily cap
 * by platform.
 */
public record ChannelRules(
    String channelId,
    String branchId,
    String platform,
    int contentPerCampaign,
    int maxPostsPerDay,
    ZoneId zone,
    boolean politicalSpeechAllowed) {

  static final int DEFAULT_CONTENT_PER_CAMPAIGN = 3;
  static final ZoneId UTC = ZoneId.of("UTC");

  /** The rules of a channel ({@code branchId/platform}); {@code policy} may be null. */
  public static ChannelRules of(String channelId, PolicyFact policy) {
    int slash = channelId.lastIndexOf('/');
    String branch = slash < 0 ? channelId : channelId.substring(0, slash);
    String platform = slash < 0 ? "OTHER" : channelId.substring(slash + 1);
    if (policy == null) {
      return new ChannelRules(
          channelId,
          branch,
          platform,
          DEFAULT_CONTENT_PER_CAMPAIGN,
          defaultMaxPostsPerDay(platform),
          UTC,
          true);
    }
    return new ChannelRules(
        channelId,
        branch,
        platform,
        policy.contentPerCampaign() != null && policy.contentPerCampaign() > 0
            ? policy.contentPerCampaign()
            : DEFAULT_CONTENT_PER_CAMPAIGN,
        policy.maxPostsPerDay() != null ? policy.maxPostsPerDay() : defaultMaxPostsPerDay(platform),
        zoneOf(policy.zone()),
        policy.politicalSpeechAllowed() == null || policy.politicalSpeechAllowed());
  }

  /**
   * As governance has it (services/governance/README.md#the-rules): approved posts per local day
   * when the policy gives none.
   */
  static int defaultMaxPostsPerDay(String platform) {
    return switch (platform) {
      case "X", "BLUESKY", "MASTODON" -> 8;
      case "THREADS" -> 5;
      case "INSTAGRAM", "LINKEDIN" -> 2;
      case "YOUTUBE" -> 1;
      default -> 3;
    };
  }

  /** A zone the policy names, or UTC when it names none (or one this JVM does not know). */
  static ZoneId zoneOf(String zone) {
    if (zone == null || zone.isBlank()) {
      return UTC;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      return UTC;
    }
  }
}
