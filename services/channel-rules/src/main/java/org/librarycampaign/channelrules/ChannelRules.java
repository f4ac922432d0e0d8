package org.librarycampaign.channelrules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import library.campaign.events.Platform;

/**
 * The rules of one channel (a branch's account on a platform): its policy where it gave a value,
 * the {@link PlatformDefaults} everywhere else. Governance decides with them and the dashboard
 * shows them, so both read them from here.
 *
 * @param capFromPolicy whether {@code maxPostsPerDay} came from the channel's policy (messages then
 *     name the policy rather than the platform)
 * @param pacing spacing between posts and the weekly campaign ceiling ({@link Pacing#NONE} unless
 *     the policy sets them)
 */
public record ChannelRules(
    String branchId,
    Platform platform,
    int contentPerCampaign,
    int maxPostsPerDay,
    boolean capFromPolicy,
    ZoneId zone,
    boolean politicalSpeechAllowed,
    Pacing pacing) {

  public ChannelRules {
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(zone, "zone");
    if (contentPerCampaign < 1 || maxPostsPerDay < 1) {
      throw new IllegalArgumentException("contentPerCampaign and maxPostsPerDay must be >= 1");
    }
  }

  /** The rules of a channel without pacing: the components before {@code pacing}. */
  public ChannelRules(
      String branchId,
      Platform platform,
      int contentPerCampaign,
      int maxPostsPerDay,
      boolean capFromPolicy,
      ZoneId zone,
      boolean politicalSpeechAllowed) {
    this(
        branchId,
        platform,
        contentPerCampaign,
        maxPostsPerDay,
        capFromPolicy,
        zone,
        politicalSpeechAllowed,
        Pacing.NONE);
  }

  /** A channel without a policy. */
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
        zone != null ? zone : PlatformDefaults.ZONE,
        politicalSpeechAllowed == null || politicalSpeechAllowed);
  }

  /** The same rules with the policy's spacing and weekly ceiling. */
  public ChannelRules withPacing(Pacing newPacing) {
    return new ChannelRules(
        branchId,
        platform,
        contentPerCampaign,
        maxPostsPerDay,
        capFromPolicy,
        zone,
        politicalSpeechAllowed,
        newPacing);
  }

  /**
   * The zone a policy names; empty when it names none or one this JVM does not know (the channel
   * then keeps the default: one bad policy must not stop it).
   */
  public static Optional<ZoneId> zoneNamed(String zone) {
    if (zone == null || zone.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(zone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code branchId/PLATFORM}, e.g. {@code eastside/FACEBOOK}. */
  public String channelId() {
    return channelId(branchId, platform);
  }

  public static String channelId(String branchId, Platform platform) {
    return branchId + "/" + platform.name();
  }

  /** The platform's hard text limit, in Unicode code points. */
  public int textLimit() {
    return PlatformDefaults.textLimit(platform);
  }

  /** Whether a day with this many approved posts has room for one more. */
  public boolean hasRoom(int approvedThatDay) {
    return approvedThatDay < maxPostsPerDay;
  }

  /** How many campaign posts a week with this many approved content posts may carry. */
  public int allowedCampaign(int approvedContent) {
    return Ratio.allowedCampaign(approvedContent, contentPerCampaign);
  }

  /** Whether one more campaign post fits in a week with these approved posts. */
  public boolean ratioAllowsCampaign(int approvedCampaign, int approvedContent) {
    return Ratio.allowsCampaign(approvedCampaign, approvedContent, contentPerCampaign);
  }

  /**
   * Approved content posts still needed before a campaign post gets in, with {@code ahead} held
   * campaign posts let in before it.
   */
  public int contentPostsNeeded(int approvedCampaign, int approvedContent, int ahead) {
    return Ratio.contentPostsNeeded(approvedCampaign, approvedContent, contentPerCampaign, ahead);
  }

  /** Who sets the daily cap, for messages: "Facebook" or "the channel policy". */
  public String capSetBy() {
    return capFromPolicy ? "the channel policy" : PlatformDefaults.displayName(platform);
  }
}
