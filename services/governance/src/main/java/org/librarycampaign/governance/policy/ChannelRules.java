package org.librarycampaign.governance.policy;

import java.time.ZoneId;
import java.util.Objects;
import library.campaign.events.Platform;
import org.librarycampaign.channelrules.Pacing;

/**
 * A channel's rules where {@link org.librarycampaign.governance.decision.GovernanceState} hands
 * them over: a handle on the shared {@link org.librarycampaign.channelrules.ChannelRules}
 * (campaign-channel-rules, which the dashboard reads too, so the two cannot drift). Every value,
 * default and sum comes from there; the rules themselves work on {@link #shared()}.
 */
public record ChannelRules(org.librarycampaign.channelrules.ChannelRules shared) {

  public ChannelRules {
    Objects.requireNonNull(shared, "shared");
  }

  /** A channel without a policy. */
  public static ChannelRules defaults(String branchId, Platform platform) {
    return new ChannelRules(
        org.librarycampaign.channelrules.ChannelRules.defaults(branchId, platform));
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
    return new ChannelRules(
        org.librarycampaign.channelrules.ChannelRules.of(
            branchId, platform, contentPerCampaign, maxPostsPerDay, zone, politicalSpeechAllowed));
  }

  /** The same rules with the policy's spacing and weekly campaign ceiling. */
  public ChannelRules withPacing(Pacing pacing) {
    return new ChannelRules(shared.withPacing(pacing));
  }

  /** {@code branchId/PLATFORM}, e.g. {@code eastside/FACEBOOK}. */
  public static String channelId(String branchId, Platform platform) {
    return org.librarycampaign.channelrules.ChannelRules.channelId(branchId, platform);
  }

  public String channelId() {
    return shared.channelId();
  }

  public int maxPostsPerDay() {
    return shared.maxPostsPerDay();
  }

  public ZoneId zone() {
    return shared.zone();
  }

  public Pacing pacing() {
    return shared.pacing();
  }
}
