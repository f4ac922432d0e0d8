package org.librarycampaign.dashboard.facts;

import java.util.List;
import java.util.function.Function;
import library.campaign.events.BranchSettings;

/**
 * The part of a branch's settings the page needs, from {@code campaign.branch-settings} (keyed by
 * branchId, or {@code *} for every branch without its own): the zone its people read times in
 * (README.md, "Local time"). Null when the settings name none.
 */
public record BranchSettingsFact(String branchId, String zone) {

  public static Fold<BranchSettings, BranchSettingsFact> fold() {
    return BranchSettingsFact::apply;
  }

  static List<Change<BranchSettingsFact>> apply(
      String recordKey, BranchSettings value, Function<String, BranchSettingsFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    return List.of(
        Change.put(
            value.getBranchId(), new BranchSettingsFact(value.getBranchId(), value.getZone())));
  }
}
