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

  /**
   * How many times its sweet spot a campaign post's text may reach before it is warned {@code
   * NOT_CONCISE}: a tip for posts far longer than what does best, not for every post a little over.
   */
  public static final int NOT_CONCISE_FACTOR = 2;

  /**
   * The platform's sweet spot: the text length, in Unicode code points, at which posts do best
   * (services/governance/README.md#tips, which gives the sources). A tip, not a limit.
   */
  public static int conciseLength(Platform platform) {
    return switch (platform) {
      case FACEBOOK -> 80;
      case INSTAGRAM -> 125;
      case LINKEDIN -> 140;
      case TIKTOK -> 150;
      case X, THREADS, BLUESKY, MASTODON, YOUTUBE, OTHER -> 100;
    };
  }

  /**
   * Whether video is native to the platform's feed (uploaded and played in the feed, and favoured
   * there), so that a campaign post with images and no video gets the tip {@code CONSIDER_VIDEO}.
   */
  public static boolean videoNative(Platform platform) {
    return switch (platform) {
      case FACEBOOK, INSTAGRAM, LINKEDIN, YOUTUBE, TIKTOK -> true;
      case X, THREADS, BLUESKY, MASTODON, OTHER -> false;
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
