package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PolicyFact;
import org.librarycampaign.dashboard.facts.PostFact;

/**
 * One channel's current week: approved content and campaign posts against what the ratio allows,
 * and each day's approved posts against the daily cap.
 *
 * @param weekStart the Monday of the week that holds "now" in the channel's zone
 * @param allowedCampaign campaign posts the week's approved content allows
 * @param contentNeeded approved content posts still needed before one more campaign post fits
 * @param minMinutesBetweenPosts the policy's spacing between posts; 0 without
 * @param maxCampaignPostsPerWeek the policy's weekly ceiling on campaign posts; 0 without
 */
public record ChannelBalance(
    String channelId,
    String branchId,
    String platform,
    String zone,
    LocalDate weekStart,
    int content,
    int campaign,
    int allowedCampaign,
    int contentPerCampaign,
    int contentNeeded,
    int held,
    int rejected,
    int maxPostsPerDay,
    boolean politicalSpeechAllowed,
    List<DayLoad> days,
    int minMinutesBetweenPosts,
    int maxCampaignPostsPerWeek) {

  /** One local day of the week: approved posts against the cap. */
  public record DayLoad(LocalDate date, int approved, int cap, boolean full) {}

  public ChannelBalance {
    days = List.copyOf(days);
  }

  /** A channel without spacing or a weekly ceiling. */
  public ChannelBalance(
      String channelId,
      String branchId,
      String platform,
      String zone,
      LocalDate weekStart,
      int content,
      int campaign,
      int allowedCampaign,
      int contentPerCampaign,
      int contentNeeded,
      int held,
      int rejected,
      int maxPostsPerDay,
      boolean politicalSpeechAllowed,
      List<DayLoad> days) {
    this(
        channelId,
        branchId,
        platform,
        zone,
        weekStart,
        content,
        campaign,
        allowedCampaign,
        contentPerCampaign,
        contentNeeded,
        held,
        rejected,
        maxPostsPerDay,
        politicalSpeechAllowed,
        days,
        0,
        0);
  }

  /**
   * Every channel that has a policy, a decision or a live post, by branch then platform, each with
   * the week that holds {@code now} in its zone.
   */
  static List<ChannelBalance> of(Facts facts, Ledger ledger, Instant now) {
    TreeSet<String> channels = new TreeSet<>();
    facts.policies().stream().map(PolicyFact::channelId).forEach(channels::add);
    facts.decisions().forEach(d -> channels.add(d.channelId()));
    facts.posts().stream()
        .filter(p -> !p.withdrawn())
        .map(PostFact::channel)
        .forEach(channels::add);
    List<ChannelBalance> balances = new ArrayList<>();
    for (String channelId : channels) {
      ChannelRules rules = ledger.rules(channelId);
      LocalDate weekStart = ledger.weekOf(channelId, now);
      Ledger.Week week = ledger.week(channelId, weekStart);
      List<DayLoad> days = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        LocalDate day = weekStart.plusDays(i);
        int approved = week.approvedByDay().getOrDefault(day, 0);
        days.add(new DayLoad(day, approved, rules.maxPostsPerDay(), !rules.hasRoom(approved)));
      }
      int perCampaign = rules.contentPerCampaign();
      balances.add(
          new ChannelBalance(
              channelId,
              rules.branchId(),
              rules.platform().name(),
              rules.zone().getId(),
              weekStart,
              week.content(),
              week.campaign(),
              rules.allowedCampaign(week.content()),
              perCampaign,
              rules.contentPostsNeeded(week.campaign(), week.content(), 0),
              week.held(),
              week.rejected(),
              rules.maxPostsPerDay(),
              rules.politicalSpeechAllowed(),
              days,
              rules.pacing().minMinutesBetweenPosts(),
              rules.pacing().maxCampaignPostsPerWeek()));
    }
    return balances;
  }
}
