package org.librarycampaign.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.librarycampaign.platform.json.ParsedEvent;

/**
 * One event of a request, read and valid.
 *
 * @param at where it is in the request body: {@code ""} for a body that is one event, {@code "[2]"}
 *     for the third of an array; prefix of the field names in error answers
 * @param json the event as sent (with what the path implies filled in)
 * @param event the event read from it
 */
public record IncomingEvent(String at, ObjectNode json, ParsedEvent event) {

  /** The fields that identify an event, most specific first. */
  private static final List<String> ID_FIELDS = List.of("postId", "milestoneId", "incidentId");

  public IncomingEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(event, "event");
  }

  public String type() {
    return event.type();
  }

  /** The branch it is for ({@code *} for every branch); every event type sent in has one. */
  public String branchId() {
    return json.get("branchId").textValue();
  }

  /**
   * What identifies it to the sender: the post, milestone or incident id; a channel policy's
   * channel id ({@code branchId/platform}); a response plan's branch.
   */
  public String id() {
    for (String field : ID_FIELDS) {
      JsonNode node = json.get(field);
      if (node != null && node.isTextual()) {
        return node.textValue();
      }
    }
    return event.key();
  }

  /** The revision, for the types that have one. */
  public Optional<Integer> revision() {
    JsonNode revision = json.get("revision");
    return revision != null && revision.canConvertToInt()
        ? Optional.of(revision.intValue())
        : Optional.empty();
  }

  /** The name of one of its fields in an answer: {@code branchId}, {@code [2].branchId}. */
  public String field(String name) {
    return at.isEmpty() ? name : at + "." + name;
  }
}
