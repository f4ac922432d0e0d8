package org.librarycampaign.dashboard.facts;

import java.util.List;
import java.util.function.Function;
import library.campaign.events.ChannelPolicy;

/**
 * A channel's policy as sent, from {@code campaign.channel-policies} (keyed by channelId); absent
 * values are filled with the defaults where they are shown (campaign-channel-rules' {@link
 * org.librarycampaign.channelrules.ChannelRules}).
 */
public record PolicyFact(
    String channelId,
    String branchId,
    String platform,
    Integer contentPerCampaign,
    Integer maxPostsPerDay,
    String zone,
    Boolean politicalSpeechAllowed,
    Integer minMinutesBetweenPosts,
    Integer maxCampaignPostsPerWeek) {

  /** A policy without spacing or a weekly ceiling. */
  public PolicyFact(
      String channelId,
      String branchId,
      String platform,
      Integer contentPerCampaign,
      Integer maxPostsPerDay,
      String zone,
      Boolean politicalSpeechAllowed) {
    this(
        channelId,
        branchId,
        platform,
        contentPerCampaign,
        maxPostsPerDay,
        zone,
        politicalSpeechAllowed,
        null,
        null);
  }

  public static Fold<ChannelPolicy, PolicyFact> fold() {
    return PolicyFact::apply;
  }

  static List<Change<PolicyFact>> apply(
      String recordKey, ChannelPolicy value, Function<String, PolicyFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    String channelId = value.getBranchId() + "/" + value.getPlatform().name();
    return List.of(
        Change.put(
            channelId,
            new PolicyFact(
                channelId,
                value.getBranchId(),
                value.getPlatform().name(),
                value.getContentPerCampaign(),
                value.getMaxPostsPerDay(),
                value.getZone(),
                value.getPoliticalSpeechAllowed(),
                value.getMinMinutesBetweenPosts(),
                value.getMaxCampaignPostsPerWeek())));
  }
}
