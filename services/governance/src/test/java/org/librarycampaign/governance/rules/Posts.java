package org.librarycampaign.governance.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.hashtags.HashtagUse;

/** Drafts and contexts for the rules' tests: the week of Mon 30 Nov 2026, eastside. */
final class Posts {

  static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");
  static final Instant DRAFTED = Instant.parse("2026-11-20T10:00:00Z");
  static final ChannelRules FACEBOOK = ChannelRules.defaults("eastside", Platform.FACEBOOK);

  private Posts() {}

  static Draft draft(PostCategory category, String text) {
    return draft(category, Platform.FACEBOOK, text, List.of(), List.of(), List.of(), 1);
  }

  static Draft draft(
      PostCategory category,
      Platform platform,
      String text,
      List<String> hashtags,
      List<String> mentions,
      List<String> links,
      int media) {
    return new Draft(
        "p1",
        1,
        "eastside",
        platform,
        category,
        category == PostCategory.CAMPAIGN ? "budget" : null,
        text,
        hashtags,
        mentions,
        links,
        media,
        Instant.parse("2026-12-01T15:00:00Z"),
        DRAFTED);
  }

  static BranchCrises crisis(String... incidentIds) {
    BranchCrises crises = new BranchCrises();
    for (String id : incidentIds) {
      crises.report(id, Severity.HIGH);
    }
    return crises;
  }

  static BalanceLedger week(ChannelRules channel) {
    return new BalanceLedger(WindowKey.of(channel.branchId(), channel.platform(), TUESDAY));
  }

  /** A draft alone, for advice; {@code crises} null for a branch without any. */
  static PostContext advice(Draft draft, BranchCrises crises) {
    return PostContext.forAdvice(
        draft,
        List.of(),
        tag -> Optional.empty(),
        crises == null ? new BranchCrises() : crises,
        FACEBOOK);
  }

  static PostContext advice(Draft draft, List<HashtagUse> uses, Map<String, HashtagUse> first) {
    return PostContext.forAdvice(
        draft,
        uses,
        tag -> Optional.ofNullable(first.get(tag)),
        new BranchCrises(),
        ChannelRules.of(
            "eastside",
            Platform.FACEBOOK,
            null,
            null,
            java.time.ZoneId.of("Pacific/Auckland"),
            null));
  }

  /** A draft on its Tuesday in a week, for the rules that decide. */
  static PostContext decide(
      Draft draft, ChannelRules channel, BranchCrises crises, BalanceLedger week) {
    return PostContext.forDecision(
        draft,
        List.of(),
        tag -> Optional.empty(),
        crises,
        channel,
        TUESDAY,
        week,
        () -> TUESDAY.plusDays(2));
  }
}
