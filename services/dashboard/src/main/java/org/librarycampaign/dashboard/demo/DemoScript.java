package org.librarycampaign.dashboard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.json.EventJson;

/**
 * The demo campaign: a week of four branches on several platforms, told in timed steps so that a
 * newcomer watching the dashboard sees every feature within about a minute and a half.
 *
 * <ul>
 *   <li>eastside: a book challenge (HIGH) is reported at once; its campaign posts are held by the
 *       crisis pause; nobody acknowledges within a minute, so the response plan's second tier is
 *       notified; the director acknowledges, then resolves it, and the held posts are released. Its
 *       Instagram post falls on the Riverfront Festival and is then moved to the suggested slot.
 *   <li>westside: a second campaign post is held by the 3:1 ratio, and released when three more
 *       content posts are approved; a third Instagram post on one day hits the daily cap.
 *   <li>northgate: content only, so the budget hearing has an amplify gap there; one post is too
 *       long for X; one is withdrawn; one is due half a minute after it is drafted, so the
 *       publisher publishes it (to its local outbox) during the demo.
 *   <li>riverside: a county-run page that may not carry political speech: its campaign post is
 *       rejected.
 * </ul>
 *
 * The scenario is data: {@code demo-campaign.jsonl} beside this class, events in their JSON form
 * (what {@code campaign emit} and the ingest API read), each step opened by a line {@code {"step":
 * "what happens", "offsetSeconds": 14}}. Every time is relative to the start, through placeholders
 * that fill a whole JSON value:
 *
 * <ul>
 *   <li>{@code "${now}"}: the time of the step (start plus its offset); {@code "${now+30s}"}: that
 *       many seconds later, for a post whose time comes while the demo runs (the publisher writes
 *       it to its outbox then);
 *   <li>{@code "${Thu 18:00}"}: that day and time of the story's week, the week after the start's
 *       (the next Monday to the Sunday after it, in the given zone; {@link #weekOf}). Every post
 *       and milestone is then still to come, at least nine hours after the start whatever its day
 *       and hour, so the story plays the same on any day: no held post reaches its time (where
 *       governance would expire it) before it is released or approved, and the weekdays keep their
 *       parts (the hearing on Thursday evening, the campaign posts before it, the festival and the
 *       post that falls on it on Saturday);
 *   <li>{@code "${revision}"}, {@code "${revision+1}"}: the start minute (a number), so that
 *       running the demo again next week revises the same posts and milestones instead of adding
 *       more;
 *   <li>{@code "${incident}"}: an incident id of the run's own; {@code "${zone}"}: the zone id.
 * </ul>
 *
 * A step line may say {@code "tapAckLinkOf": "<responderId>"}: the demo then acknowledges the
 * incident as a responder would, by tapping the acknowledge link of that responder's alert (found
 * in the dispatcher's outbox), and sends the step's IncidentAcknowledged only when there is no such
 * link ({@link DemoCampaign}). A step line may say {@code "approveOnDashboard": {"postId": "...",
 * "reason": "..."}}: the demo then logs in to the dashboard as the development reviewer and
 * approves that held post with its Approve button's request.
 */
public final class DemoScript {

  /**
   * One batch of events, sent together at {@code offset} after the start.
   *
   * @param tapAckLinkOf the responder whose alert's acknowledge link the demo taps instead of
   *     sending the step's IncidentAcknowledged ({@code "tapAckLinkOf"} on the step line); null for
   *     none
   */
  public record Step(
      Duration offset,
      String description,
      List<SpecificRecord> events,
      String tapAckLinkOf,
      DashboardApproval approveOnDashboard) {
    public Step {
      events = List.copyOf(events);
    }

    public Step(
        Duration offset, String description, List<SpecificRecord> events, String tapAckLinkOf) {
      this(offset, description, events, tapAckLinkOf, null);
    }

    public Step(Duration offset, String description, List<SpecificRecord> events) {
      this(offset, description, events, null, null);
    }
  }

  /**
   * A held post a reviewer approves on the dashboard ({@code "approveOnDashboard": {"postId":
   * "...", "reason": "..."}} on a step line): the demo logs in and presses the post's Approve
   * button, as a person would.
   */
  public record DashboardApproval(String postId, String reason) {}

  static final String RESOURCE = "demo-campaign.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final EventJson JSON = new EventJson();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern WEEK_TIME =
      Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\\d{2}):(\\d{2})");
  private static final Pattern NOW_PLUS = Pattern.compile("now\\+(\\d{1,4})s");
  private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  private final Instant start;
  private final ZoneId zone;
  private final LocalDate monday;
  private final int revision;

  private DemoScript(Instant start, ZoneId zone) {
    this.start = start;
    this.zone = zone;
    this.monday = weekOf(start, zone);
    this.revision = Math.toIntExact(start.getEpochSecond() / 60);
  }

  /** The steps of a demo starting at {@code start}, its week in {@code zone}. */
  public static List<Step> steps(Instant start, ZoneId zone) {
    return new DemoScript(start, zone).read(scenario());
  }

  /**
   * The Monday of the story's week for a demo starting at {@code start}: the Monday after the
   * start's day in {@code zone} (seven days on when the start is a Monday).
   */
  public static LocalDate weekOf(Instant start, ZoneId zone) {
    return start.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  /** The id of the run's book-challenge incident. */
  static String incidentId(Instant start) {
    return "book-challenge-" + Long.toString(start.getEpochSecond(), 36);
  }

  private static List<String> scenario() {
    try (InputStream in = DemoScript.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo scenario " + RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Step> read(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    Duration offset = null;
    String description = null;
    String tap = null;
    DashboardApproval approval = null;
    List<SpecificRecord> events = new ArrayList<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = MAPPER.readTree(line);
        if (node.has("step")) {
          if (offset != null) {
            steps.add(new Step(offset, description, events, tap, approval));
          }
          offset = Duration.ofSeconds(node.required("offsetSeconds").asLong());
          description = node.get("step").asText();
          tap = node.hasNonNull("tapAckLinkOf") ? node.get("tapAckLinkOf").asText() : null;
          JsonNode approve = node.get("approveOnDashboard");
          approval =
              approve == null || approve.isNull()
                  ? null
                  : new DashboardApproval(
                      approve.required("postId").asText(), approve.required("reason").asText());
          events = new ArrayList<>();
        } else if (offset == null) {
          throw new IllegalStateException("an event before the first step");
        } else {
          events.add(JSON.parse(fill(node, start.plus(offset))).value());
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
      }
    }
    if (offset != null) {
      steps.add(new Step(offset, description, events, tap, approval));
    }
    return steps;
  }

  /** The node with every placeholder replaced by its value. */
  private JsonNode fill(JsonNode node, Instant now) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, fill(object.get(name), now));
      }
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, fill(array.get(i), now));
      }
      return array;
    }
    if (node.isTextual()) {
      Matcher placeholder = PLACEHOLDER.matcher(node.textValue());
      if (placeholder.matches()) {
        return value(placeholder.group(1), now);
      }
    }
    return node;
  }

  private JsonNode value(String name, Instant now) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (name) {
      case "now":
        return nodes.textNode(now.toString());
      case "revision":
        return nodes.numberNode(revision);
      case "revision+1":
        return nodes.numberNode(revision + 1);
      case "incident":
        return nodes.textNode(incidentId(start));
      case "zone":
        return nodes.textNode(zone.getId());
      default:
        Matcher nowPlus = NOW_PLUS.matcher(name);
        if (nowPlus.matches()) {
          return nodes.textNode(now.plusSeconds(Long.parseLong(nowPlus.group(1))).toString());
        }
        Matcher weekTime = WEEK_TIME.matcher(name);
        if (!weekTime.matches()) {
          throw new IllegalArgumentException("unknown placeholder ${" + name + "}");
        }
        return nodes.textNode(
            monday
                .plusDays(DAYS.indexOf(weekTime.group(1)))
                .atTime(
                    LocalTime.of(
                        Integer.parseInt(weekTime.group(2)), Integer.parseInt(weekTime.group(3))))
                .atZone(zone)
                .toInstant()
                .toString());
    }
  }
}
