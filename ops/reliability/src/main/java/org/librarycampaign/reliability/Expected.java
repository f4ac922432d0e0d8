package org.librarycampaign.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * What {@code campaign plan} makes of the same lines: the production topologies of governance,
 * conflicts and crisis in the topology harness (the dispatcher has no plan topology: it delivers).
 */
final class Expected {

  /** Every decision of each post, in order, as {@link #comparable} JSON. */
  final Map<String, List<String>> decisions = new TreeMap<>();

  /** The latest record of each key of {@code campaign.conflicts}. */
  final Map<String, String> conflicts = new TreeMap<>();

  /** The id of every notification crisis writes. */
  final Set<String> notifications = new HashSet<>();

  private Expected() {}

  static Expected plan(Instant start, List<String> lines) {
    Expected expected = new Expected();
    try (TopologyHarness harness =
        TopologyHarness.startingAt(start)
            .services(List.of(new GovernanceService(), new ConflictsService(), new CrisisService()))
            .build()) {
      for (String line : lines) {
        for (TopologyHarness.Output out : harness.send(line).output()) {
          expected.add(out.topic(), out.key(), out.value());
        }
      }
    }
    return expected;
  }

  void add(CampaignTopic topic, String key, SpecificRecord value) {
    switch (topic) {
      case POST_DECISIONS ->
          decisions
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(value == null ? "null" : comparable(value));
      case CONFLICTS -> conflicts.put(key, value == null ? "null" : comparable(value));
      case NOTIFICATIONS -> notifications.add(((Notification) value).getNotificationId());
      default -> {
        // the other outputs carry wall-clock times only
      }
    }
  }

  int decisionCount() {
    return decisions.values().stream().mapToInt(List::size).sum();
  }

  /**
   * A record as JSON, without the times a running service takes from its wall clock ({@code
   * decidedAt}, {@code createdAt}, {@code updatedAt}) or from whichever of two input records came
   * second ({@code detectedAt}, {@code clearedAt}: the time of the post or of the milestone, which
   * two topics deliver in an order the plan need not share).
   */
  static String comparable(SpecificRecord record) {
    return TopologyHarness.json(record)
        .replaceAll(
            "\"(decidedAt|createdAt|updatedAt|detectedAt|clearedAt)\":(\"[^\"]*\"|-?[0-9]+|null),?",
            "");
  }

  /** Keys whose values differ between the two maps (at most {@code limit}, for a report). */
  static <V> Map<String, String> differences(
      Map<String, V> expected, Map<String, V> actual, int limit) {
    Map<String, String> differences = new LinkedHashMap<>();
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      if (differences.size() >= limit) {
        break;
      }
      V e = expected.get(key);
      V a = actual.get(key);
      if (e == null ? a != null : !e.equals(a)) {
        differences.put(key, "plan " + e + " / run " + a);
      }
    }
    return differences;
  }
}
