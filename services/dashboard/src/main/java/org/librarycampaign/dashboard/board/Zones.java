package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import org.librarycampaign.dashboard.facts.BranchSettingsFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PolicyFact;
import org.librarycampaign.platform.time.LocalTimes;
import org.librarycampaign.platform.time.LocalZones;

/**
 * The zone each row of the page reads in (README.md, "Local time"): the zone of the row's channel
 * (its policy), else of its branch (its own settings, else those of {@code *}), else the
 * dashboard's own ({@code campaign.dashboard.zone}). The choice is the platform's {@link
 * LocalZones}, fed with the policies and branch settings the dashboard folded.
 */
final class Zones {

  /** How far around now the abbreviations of a zone are listed for the page (a year each way). */
  private static final long ABBREVIATION_SPAN_SECONDS = 400L * 24 * 3600;

  private final LocalZones zones;
  private final ZoneId service;

  private Zones(LocalZones zones, ZoneId service) {
    this.zones = zones;
    this.service = service;
  }

  static Zones of(Facts facts, ZoneId service) {
    Map<String, ChannelPolicy> policies = new TreeMap<>();
    for (PolicyFact policy : facts.policies()) {
      if (policy.zone() != null) {
        policies.put(policy.channelId(), policy(policy));
      }
    }
    Map<String, BranchSettings> branches = new TreeMap<>();
    for (BranchSettingsFact settings : facts.branchSettings()) {
      branches.put(
          settings.branchId(),
          BranchSettings.newBuilder()
              .setBranchId(settings.branchId())
              .setZone(settings.zone())
              .build());
    }
    Function<String, ChannelPolicy> policyOf = policies::get;
    Function<String, BranchSettings> settingsOf = branches::get;
    return new Zones(new LocalZones(policyOf, settingsOf, service), service);
  }

  private static ChannelPolicy policy(PolicyFact policy) {
    return ChannelPolicy.newBuilder()
        .setBranchId(policy.branchId())
        .setPlatform(Platform.valueOf(policy.platform()))
        .setZone(policy.zone())
        .build();
  }

  /** The dashboard's own zone: rows without a branch, and the last default. */
  ZoneId service() {
    return service;
  }

  /** The zone of a channel's rows ({@code branchId/PLATFORM}). */
  ZoneId channel(String channelId) {
    int slash = channelId == null ? -1 : channelId.indexOf('/');
    if (slash < 0) {
      return branch(channelId);
    }
    return zones.zone(channelId.substring(0, slash), channelId.substring(slash + 1));
  }

  /** The zone of a branch's rows (an incident, a milestone); {@code *}: every branch's. */
  ZoneId branch(String branchId) {
    return zones.zone(branchId);
  }

  /**
   * The abbreviation of a zone per UTC offset (in minutes, east positive) that the zone uses around
   * {@code now}: the page finds a time's offset and shows the abbreviation Java gives it ({@code
   * CST}, {@code CDT}), so the page and the texts made here read alike.
   */
  static SortedMap<Integer, String> abbreviations(ZoneId zone, Instant now) {
    ZoneId readable = LocalTimes.readable(zone);
    ZoneRules rules = readable.getRules();
    SortedMap<Integer, String> names = new TreeMap<>();
    Instant from = now.minusSeconds(ABBREVIATION_SPAN_SECONDS);
    Instant until = now.plusSeconds(ABBREVIATION_SPAN_SECONDS);
    put(names, readable, from);
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(until);
        t = rules.nextTransition(t.getInstant())) {
      put(names, readable, t.getInstant());
    }
    return names;
  }

  private static void put(SortedMap<Integer, String> names, ZoneId zone, Instant at) {
    int minutes = zone.getRules().getOffset(at).getTotalSeconds() / 60;
    names.putIfAbsent(minutes, LocalTimes.abbreviation(at.atZone(zone)));
  }
}
