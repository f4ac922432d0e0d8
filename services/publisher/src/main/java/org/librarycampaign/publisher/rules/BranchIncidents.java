package org.librarycampaign.publisher.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.librarycampaign.platform.events.CrisisSeverity;

/**
 * The incidents of one branch (store {@code publisher-incidents}): the open ones by id with their
 * severity, and the ids already resolved, so that a replayed report does not open one again. A
 * crisis is an open incident of a crisis severity (HIGH, CRITICAL: platform's {@link
 * CrisisSeverity}), as governance's CRISIS_PAUSE counts it.
 */
public record BranchIncidents(Map<String, String> open, Set<String> resolved) {

  public static final BranchIncidents NONE = new BranchIncidents(Map.of(), Set.of());

  public BranchIncidents {
    open = open == null ? Map.of() : Map.copyOf(open);
    resolved = resolved == null ? Set.of() : Set.copyOf(resolved);
  }

  /** A report raises an open incident's severity, never lowers it; a resolved one stays closed. */
  public BranchIncidents report(String incidentId, String severity) {
    if (resolved.contains(incidentId)) {
      return this;
    }
    Map<String, String> next = new TreeMap<>(open);
    String known = next.get(incidentId);
    if (known == null || rank(severity) > rank(known)) {
      next.put(incidentId, severity);
    }
    return new BranchIncidents(next, resolved);
  }

  public BranchIncidents resolve(String incidentId) {
    Map<String, String> next = new TreeMap<>(open);
    next.remove(incidentId);
    Set<String> done = new TreeSet<>(resolved);
    done.add(incidentId);
    return new BranchIncidents(next, done);
  }

  /** The ids of the open crisis-severity incidents, sorted. */
  public List<String> crises() {
    return open.entrySet().stream()
        .filter(e -> CrisisSeverity.isCrisis(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private static int rank(String severity) {
    return switch (severity) {
      case "LOW" -> 1;
      case "MEDIUM" -> 2;
      case "HIGH" -> 3;
      case "CRITICAL" -> 4;
      default -> 0;
    };
  }
}
