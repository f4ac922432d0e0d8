package org.librarycampaign.dashboard.board;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import library.campaign.events.Platform;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.dashboard.facts.BranchSettingsFact;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PolicyFact;

/**
 * The latest decisions counted per channel and week (the ISO week, Monday to Monday, in the
 * channel's zone), as governance counts them: only approved posts fill a week and a day.
 */
final class Ledger {

  /** What one channel's week holds. */
  record Week(
      int content, int campaign, int held, int rejected, Map<LocalDate, Integer> approvedByDay) {

    static final Week EMPTY = new Week(0, 0, 0, 0, Map.of());
  }

  private record WeekKey(String channelId, LocalDate weekStart) {}

  /** A held post in its week's queue: when it was held, and its local day. */
  private record Held(Instant heldAt, LocalDate day) {}

  private final Map<String, PolicyFact> policies = new HashMap<>();
  private final Map<String, ZoneId> branchZones = new HashMap<>();
  private final Map<WeekKey, Week> weeks = new HashMap<>();
  private final Map<WeekKey, List<Held>> heldQueues = new HashMap<>();

  private Ledger() {}

  static Ledger of(Facts facts) {
    Ledger ledger = new Ledger();
    facts.policies().forEach(p -> ledger.policies.put(p.channelId(), p));
    for (BranchSettingsFact settings : facts.branchSettings()) {
      ChannelRules.zoneNamed(settings.zone())
          .ifPresent(zone -> ledger.branchZones.put(settings.branchId(), zone));
    }
    Map<WeekKey, int[]> counts = new HashMap<>();
    Map<WeekKey, Map<LocalDate, Integer>> days = new HashMap<>();
    for (DecisionFact decision : facts.decisions()) {
      ChannelRules rules = ledger.rules(decision.channelId());
      LocalDate day = decision.scheduledAt().atZone(rules.zone()).toLocalDate();
      WeekKey key = new WeekKey(decision.channelId(), weekStart(day));
      int[] count = counts.computeIfAbsent(key, k -> new int[4]);
      switch (decision.status()) {
        case "APPROVED" -> {
          count["CONTENT".equals(decision.category()) ? 0 : 1]++;
          days.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, 1, Integer::sum);
        }
        case "HELD" -> {
          count[2]++;
          ledger
              .heldQueues
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Held(decision.decidedAt(), day));
        }
        case "REJECTED" -> count[3]++;
        default -> {
          // withdrawn (or unknown) posts take no place in the week
        }
      }
    }
    counts.forEach(
        (key, count) ->
            ledger.weeks.put(
                key,
                new Week(
                    count[0],
                    count[1],
                    count[2],
                    count[3],
                    Map.copyOf(days.getOrDefault(key, Map.of())))));
    return ledger;
  }

  /**
   * The rules of a channel ({@code branchId/PLATFORM}) as governance applies them: its policy over
   * the platform defaults (campaign-channel-rules). A platform this build does not know is OTHER.
   */
  ChannelRules rules(String channelId) {
    int slash = channelId.lastIndexOf('/');
    String branchId = slash < 0 ? channelId : channelId.substring(0, slash);
    Platform platform = platformNamed(slash < 0 ? "" : channelId.substring(slash + 1));
    PolicyFact policy = policies.get(channelId);
    ZoneId zone =
        (policy == null ? Optional.<ZoneId>empty() : ChannelRules.zoneNamed(policy.zone()))
            .orElseGet(() -> branchZone(branchId));
    if (policy == null) {
      return ChannelRules.of(branchId, platform, null, null, zone, null);
    }
    return ChannelRules.of(
            branchId,
            platform,
            policy.contentPerCampaign(),
            policy.maxPostsPerDay(),
            zone,
            policy.politicalSpeechAllowed())
        .withPacing(Pacing.of(policy.minMinutesBetweenPosts(), policy.maxCampaignPostsPerWeek()));
  }

  /**
   * The branch's zone as governance takes it when the channel's policy names none: the branch's own
   * settings, else those of every branch ({@code *}), else UTC
   * (services/governance/README.md#local-time).
   */
  private ZoneId branchZone(String branchId) {
    ZoneId own = branchZones.get(branchId);
    return own != null ? own : branchZones.getOrDefault("*", PlatformDefaults.ZONE);
  }

  private static Platform platformNamed(String name) {
    for (Platform platform : Platform.values()) {
      if (platform.name().equals(name)) {
        return platform;
      }
    }
    return Platform.OTHER;
  }

  /**
   * The held posts of a held post's week that were held before it and whose day has room: as in
   * governance's queue, the next places the ratio frees go to them first.
   */
  int heldAhead(DecisionFact held) {
    ChannelRules rules = rules(held.channelId());
    LocalDate day = held.scheduledAt().atZone(rules.zone()).toLocalDate();
    WeekKey key = new WeekKey(held.channelId(), weekStart(day));
    Week week = weeks.getOrDefault(key, Week.EMPTY);
    return (int)
        heldQueues.getOrDefault(key, List.of()).stream()
            .filter(ahead -> ahead.heldAt().isBefore(held.decidedAt()))
            .filter(ahead -> rules.hasRoom(week.approvedByDay().getOrDefault(ahead.day(), 0)))
            .count();
  }

  /** The Monday that starts the ISO week holding the instant, in the channel's zone. */
  LocalDate weekOf(String channelId, Instant at) {
    return weekStart(at.atZone(rules(channelId).zone()).toLocalDate());
  }

  Week week(String channelId, LocalDate weekStart) {
    return weeks.getOrDefault(new WeekKey(channelId, weekStart), Week.EMPTY);
  }

  static LocalDate weekStart(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static LocalDate weekStart(Instant at, ZoneId zone) {
    return weekStart(at.atZone(zone).toLocalDate());
  }
}
