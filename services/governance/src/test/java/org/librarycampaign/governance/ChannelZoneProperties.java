package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * Whose zone a channel's rules carry, for every mix of settings (services/governance/README.md,
 * "Local time"): the policy's, else the branch's own settings', else those of {@code *}, each field
 * on its own, a zone Java does not know passed over, else UTC; the rest of the policy is untouched
 * by where the zone came from.
 */
class ChannelZoneProperties {

  private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

  /** A setting as it may stand: absent, present without a zone, a known zone, an unknown one. */
  record Setting(boolean present, String zone) {
    Optional<ZoneId> known() {
      if (!present || zone == null) {
        return Optional.empty();
      }
      return ZONES.contains(zone) ? Optional.of(ZoneId.of(zone)) : Optional.empty();
    }

    String kind() {
      return !present ? "absent" : zone == null ? "no zone" : known().isPresent() ? "zone" : "bad";
    }
  }

  @Provide
  Arbitrary<Setting> settings() {
    return Arbitraries.oneOf(
        Arbitraries.just(new Setting(false, null)),
        Arbitraries.just(new Setting(true, null)),
        Arbitraries.of(ZONES).map(zone -> new Setting(true, zone)),
        Arbitraries.of("Mars/Olympus_Mons", "", "UTC+99", "america/chicago ")
            .map(zone -> new Setting(true, zone)));
  }

  @Property
  void theZoneIsTheFirstKnownOfPolicyBranchAndEveryBranchElseUtc(
      @ForAll("settings") Setting policy,
      @ForAll("settings") Setting own,
      @ForAll("settings") Setting every) {
    Map<String, ChannelPolicy> policies = new HashMap<>();
    if (policy.present()) {
      policies.put(
          "eastside/FACEBOOK",
          ChannelPolicy.newBuilder()
              .setBranchId("eastside")
              .setPlatform(Platform.FACEBOOK)
              .setMaxPostsPerDay(5)
              .setZone(policy.zone())
              .build());
    }
    Map<String, BranchSettings> branches = new HashMap<>();
    if (own.present()) {
      branches.put("eastside", settings("eastside", own.zone()));
    }
    if (every.present()) {
      branches.put("*", settings("*", every.zone()));
    }
    StoreState state =
        new StoreState(
            null, null, null, null, store(policies), null, null, null, null, store(branches));

    ChannelRules rules = state.rules("eastside", Platform.FACEBOOK);

    ZoneId expected =
        Stream.of(policy, own, every)
            .map(Setting::known)
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(ZoneId.of("UTC"));
    assertThat(rules.zone()).isEqualTo(expected);
    assertThat(rules.maxPostsPerDay()).isEqualTo(policy.present() ? 5 : 3);
    Statistics.label("policy").collect(policy.kind());
    Statistics.label("branch").collect(own.kind());
    Statistics.label("every branch").collect(every.kind());
  }

  private static BranchSettings settings(String branchId, String zone) {
    return BranchSettings.newBuilder().setBranchId(branchId).setZone(zone).build();
  }

  /** A global store as governance reads it: get only. */
  private static <V> ReadOnlyKeyValueStore<String, V> store(Map<String, V> values) {
    return new ReadOnlyKeyValueStore<>() {
      @Override
      public V get(String key) {
        return values.get(key);
      }

      @Override
      public KeyValueIterator<String, V> range(String from, String to) {
        throw new UnsupportedOperationException("governance only gets by key");
      }

      @Override
      public KeyValueIterator<String, V> all() {
        throw new UnsupportedOperationException("governance only gets by key");
      }

      @Override
      public long approximateNumEntries() {
        return values.size();
      }
    };
  }
}
