package org.librarycampaign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * What the pipeline wrote, reduced to what must not depend on where and when it ran: the final
 * decision of every post revision, the conflicts in force and ever detected, the amplify gaps open
 * and ever opened, every notification and every incident's final status. Times taken from the wall
 * clock ({@code decidedAt}, {@code detectedAt}, {@code clearedAt}, {@code at}, {@code createdAt},
 * {@code updatedAt}, {@code acknowledgedAt}, {@code resolvedAt}: the record's processing time in a
 * running service, the plan clock in the harness) are left out, and so is the signed token of an
 * acknowledge link, whose expiry counts from the alert's {@code createdAt}; every other field is
 * compared.
 */
final class PipelineOutputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code postId#revision} to the last decision of that revision. */
  final Map<String, String> decisions = new TreeMap<>();

  /** {@code postId/milestoneId} to the ConflictDetected in force. */
  final Map<String, String> conflicts = new TreeMap<>();

  final Set<String> conflictsEverDetected = new TreeSet<>();
  final Set<String> conflictsCleared = new TreeSet<>();

  /** {@code milestoneId/branchId} to the open AmplifyGap. */
  final Map<String, String> openGaps = new TreeMap<>();

  final Set<String> gapsEverOpened = new TreeSet<>();

  /** notificationId to the notification. */
  final Map<String, String> notifications = new TreeMap<>();

  /** Notification records written, repeats included. */
  int notificationRecords;

  /** incidentId to its last status. */
  final Map<String, String> incidents = new TreeMap<>();

  /** notificationId to the status of its last receipt. */
  final Map<String, String> receipts = new TreeMap<>();

  /**
   * What the topology harness writes for {@code lines} in order with these settings, as {@code
   * campaign plan} runs it (the dispatcher's topology is empty there: nothing is delivered in a dry
   * run).
   */
  static PipelineOutputs planned(List<String> lines, Map<String, String> settings) {
    PipelineOutputs outputs = new PipelineOutputs();
    try (TopologyHarness harness =
        TopologyHarness.startingAt(Instant.parse("2026-11-20T08:00:00Z"))
            .config(settings)
            .services(List.of(new GovernanceService(), new ConflictsService(), new CrisisService()))
            .build()) {
      for (String line : lines) {
        for (TopologyHarness.Output out : harness.send(line).output()) {
          if (out.value() != null) {
            outputs.add(out.topic(), TopologyHarness.json(out.value()));
          }
        }
      }
    }
    return outputs;
  }

  /** Takes one record written to {@code topic}, in the order written per key. */
  void add(CampaignTopic topic, String json) {
    ObjectNode node = parse(json);
    switch (topic) {
      case POST_DECISIONS -> {
        node.remove("decidedAt");
        decisions.put(
            node.get("postId").asText() + "#" + node.get("revision").asInt(), node.toString());
      }
      case CONFLICTS -> addConflict(node);
      case NOTIFICATIONS -> {
        node.remove("createdAt");
        withoutAckToken(node, "ackUrl");
        withoutAckToken(node, "body");
        notificationRecords++;
        notifications.put(node.get("notificationId").asText(), node.toString());
      }
      case INCIDENT_STATUS -> {
        node.remove("updatedAt");
        node.remove("acknowledgedAt");
        node.remove("resolvedAt");
        incidents.put(node.get("incidentId").asText(), node.toString());
      }
      case NOTIFICATION_RECEIPTS ->
          receipts.put(node.get("notificationId").asText(), node.get("status").asText());
      default -> {}
    }
  }

  private void addConflict(ObjectNode node) {
    String type = node.get("type").asText();
    switch (type) {
      case "ConflictDetected" -> {
        String pair = pair(node);
        node.remove("detectedAt");
        conflicts.put(pair, node.toString());
        conflictsEverDetected.add(pair);
      }
      case "ConflictCleared" -> {
        String pair = pair(node);
        conflicts.remove(pair);
        conflictsCleared.add(pair);
      }
      case "AmplifyGap" -> {
        String gap = node.get("milestoneId").asText() + "/" + node.get("branchId").asText();
        node.remove("at");
        if (node.get("open").asBoolean()) {
          openGaps.put(gap, node.toString());
          gapsEverOpened.add(gap);
        } else {
          openGaps.remove(gap);
        }
      }
      default -> throw new IllegalArgumentException("unexpected conflict record " + type);
    }
  }

  private static String pair(JsonNode node) {
    return node.get("postId").asText() + "/" + node.get("milestoneId").asText();
  }

  /** Posts with a decision (their latest revision's). */
  long decidedPosts() {
    return decisions.keySet().stream().map(k -> k.substring(0, k.indexOf('#'))).distinct().count();
  }

  /** The notification ids sent on {@code channel}. */
  Set<String> notificationIds(String channel) {
    Set<String> ids = new TreeSet<>();
    notifications.forEach(
        (id, json) -> {
          if (parse(json).get("channel").asText().equals(channel)) {
            ids.add(id);
          }
        });
    return ids;
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How these outputs differ from {@code expected}, part by part: the keys missing, the keys extra
   * and the values that differ, each with a few examples; empty when they are equal.
   */
  List<String> differences(PipelineOutputs expected) {
    List<String> differences = new java.util.ArrayList<>();
    Map<String, Object> mine = comparable();
    expected
        .comparable()
        .forEach(
            (part, want) -> {
              Object have = mine.get(part);
              if (want.equals(have)) {
                return;
              }
              if (want instanceof Map<?, ?> w && have instanceof Map<?, ?> h) {
                differences.add(part + ": " + diff(w.keySet(), h.keySet(), w, h));
              } else if (want instanceof Set<?> w && have instanceof Set<?> h) {
                differences.add(part + ": " + diff(w, h, Map.of(), Map.of()));
              } else {
                differences.add(part + ": expected " + want + ", got " + have);
              }
            });
    return differences;
  }

  private static String diff(Set<?> want, Set<?> have, Map<?, ?> wantValues, Map<?, ?> haveValues) {
    List<Object> missing =
        want.stream().filter(k -> !have.contains(k)).map(k -> (Object) k).toList();
    List<Object> extra = have.stream().filter(k -> !want.contains(k)).map(k -> (Object) k).toList();
    List<String> changed =
        want.stream()
            .filter(have::contains)
            .filter(k -> !java.util.Objects.equals(wantValues.get(k), haveValues.get(k)))
            .map(
                k ->
                    k
                        + "\n    expected "
                        + wantValues.get(k)
                        + "\n    got      "
                        + haveValues.get(k))
            .toList();
    return String.format(
        "%d missing %s; %d extra %s; %d different %s",
        missing.size(),
        missing.stream().limit(5).toList(),
        extra.size(),
        extra.stream().limit(5).toList(),
        changed.size(),
        changed.stream().limit(3).toList());
  }

  /** The parts the scale-out run must reproduce, for one comparison with a readable diff. */
  Map<String, Object> comparable() {
    Map<String, Object> parts = new TreeMap<>();
    parts.put("decisions", decisions);
    parts.put("conflicts in force", conflicts);
    parts.put("conflicts ever detected", conflictsEverDetected);
    parts.put("conflicts cleared", conflictsCleared);
    parts.put("amplify gaps open", openGaps);
    parts.put("amplify gaps ever opened", gapsEverOpened);
    parts.put("notifications", notifications);
    parts.put("notification records", notificationRecords);
    parts.put("incidents", incidents);
    return parts;
  }

  /** The acknowledge link's token (services/crisis/README.md) signs a wall-clock expiry. */
  private static void withoutAckToken(ObjectNode node, String field) {
    if (node.hasNonNull(field)) {
      node.put(field, node.get(field).asText().replaceAll("/ack/[A-Za-z0-9._~-]+", "/ack/<token>"));
    }
  }
}
