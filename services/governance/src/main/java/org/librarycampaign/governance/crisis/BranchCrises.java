package org.librarycampaign.governance.crisis;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import library.campaign.events.Severity;
import org.librarycampaign.platform.events.CrisisSeverity;

/**
 * The open incidents of one branch as governance sees them. A crisis is an unresolved incident of a
 * crisis severity ({@link CrisisSeverity}); while one is active, campaign posts of the branch are
 * held.
 *
 * <p>A second report of an open incident may raise its severity, never lower it: only a resolution
 * ends a crisis. Which incidents are over is kept apart (see {@code GovernanceState}), so that a
 * replayed report of one does not open it again.
 */
public final class BranchCrises {

  private final NavigableMap<String, Severity> open;

  public BranchCrises() {
    this(Map.of());
  }

  public BranchCrises(Map<String, Severity> open) {
    this.open = new TreeMap<>(open);
  }

  /** Whether the branch has an active crisis. */
  public boolean isActive() {
    return open.values().stream().anyMatch(CrisisSeverity::isCrisis);
  }

  /** The active crises, by incident id. */
  public NavigableMap<String, Severity> active() {
    TreeMap<String, Severity> active = new TreeMap<>();
    open.forEach(
        (id, severity) -> {
          if (CrisisSeverity.isCrisis(severity)) {
            active.put(id, severity);
          }
        });
    return Collections.unmodifiableNavigableMap(active);
  }

  /** Open incidents of any severity, by id. */
  public NavigableMap<String, Severity> open() {
    return Collections.unmodifiableNavigableMap(open);
  }

  /**
   * An incident was reported (or reported again).
   *
   * @return whether this changed anything
   */
  public boolean report(String incidentId, Severity severity) {
    Severity known = open.get(incidentId);
    if (known != null && known.compareTo(severity) >= 0) {
      return false;
    }
    open.put(incidentId, severity);
    return true;
  }

  /**
   * An incident was resolved.
   *
   * @return whether this ended the last active crisis of the branch
   */
  public boolean resolve(String incidentId) {
    boolean wasActive = isActive();
    open.remove(incidentId);
    return wasActive && !isActive();
  }

  public boolean isEmpty() {
    return open.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BranchCrises that && open.equals(that.open);
  }

  @Override
  public int hashCode() {
    return Objects.hash(open);
  }

  @Override
  public String toString() {
    return "BranchCrises{open=" + open + "}";
  }
}
