package org.librarycampaign.channelrules;

import java.time.ZoneId;
import library.campaign.events.Platform;

/**
 * What each platform allows when a channel's policy gives no value of its own
 * (services/governance/README.md#the-rules).
 */
public final class PlatformDefaults {

  /** Content posts needed per campaign post in a week. */
  public static final int CONTENT_PER_CAMPAIGN = 3;

  /** The zone of a channel's weeks and days. */
  public static final ZoneId ZONE = ZoneId.of("UTC");

  private PlatformDefaults() {}

  /** Approved posts per local day. */
  public static int maxPostsPerDay(Platform platform) {
    return switch (platform) {
      case X, BLUESKY, MASTODON -> 8;
      case THREADS -> 5;
      case FACEBOOK, TIKTOK, OTHER -> 3;
      case INSTAGRAM, LINKEDIN -> 2;
      case YOUTUBE -> 1;
    };
  }

  /** The platform's hard text limit, in Unicode code points. */
  public static int textLimit(Platform platform) {
    return switch (platform) {
      case X -> 280;
      case BLUESKY -> 300;
      case THREADS, MASTODON -> 500;
      case INSTAGRAM, TIKTOK -> 2200;
      case LINKEDIN -> 3000;
      case FACEBOOK, YOUTUBE, OTHER -> 5000;
    };
  }

  /** The platform as a comms officer writes it. */
  public static String displayName(Platform platform) {
    return switch (platform) {
      case X -> "X";
      case FACEBOOK -> "Facebook";
      case INSTAGRAM -> "Instagram";
      case THREADS -> "Threads";
      case BLUESKY -> "Bluesky";
      case MASTODON -> "Mastodon";
      case LINKEDIN -> "LinkedIn";
      case YOUTUBE -> "YouTube";
      case TIKTOK -> "TikTok";
      case OTHER -> "this platform";
    };
  }
}
