package org.librarycampaign.dashboard.facts;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import library.campaign.events.Official;
import library.campaign.events.Officials;

/**
 * A branch's directory of officials as sent, from {@code campaign.officials} (keyed by branchId, or
 * {@code *} for every branch without its own): who governance expects campaign posts to tag
 * (services/governance/README.md#officials).
 */
public record OfficialsFact(String branchId, List<Entry> officials) {

  public OfficialsFact {
    officials = List.copyOf(officials);
  }

  /** One official: name, office and handle per platform (by platform name, in name order). */
  public record Entry(String name, String office, SortedMap<String, String> handles) {
    public Entry {
      handles = new TreeMap<>(handles);
    }
  }

  /** Whether this is the directory of every branch without one of its own. */
  public boolean everyBranch() {
    return "*".equals(branchId);
  }

  public static Fold<Officials, OfficialsFact> fold() {
    return OfficialsFact::apply;
  }

  static List<Change<OfficialsFact>> apply(
      String recordKey, Officials value, Function<String, OfficialsFact> current) {
    if (value == null) {
      return List.of(Change.delete(recordKey));
    }
    List<Entry> entries =
        value.getOfficials().stream()
            .map(o -> new Entry(o.getName(), o.getOffice(), handles(o)))
            .toList();
    return List.of(
        Change.put(value.getBranchId(), new OfficialsFact(value.getBranchId(), entries)));
  }

  private static SortedMap<String, String> handles(Official official) {
    SortedMap<String, String> handles = new TreeMap<>();
    if (official.getHandles() != null) {
      for (Map.Entry<String, String> handle : official.getHandles().entrySet()) {
        handles.put(handle.getKey(), handle.getValue());
      }
    }
    return handles;
  }
}
