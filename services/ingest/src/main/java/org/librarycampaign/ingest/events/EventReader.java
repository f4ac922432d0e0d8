package org.librarycampaign.ingest.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.json.InvalidEventException;
import org.librarycampaign.platform.json.ParsedEvent;

/**
 * Reads the events of a request body (JSON, docs/ARCHITECTURE.md#the-json-form-of-events) and
 * checks every one of them before any is accepted: a body is taken whole or not at all. Problems
 * are reported all at once, each naming its field as a path from the body: {@code postId} for a
 * body that is one event, {@code [2].postId} for the third event of an array, {@code $} for the
 * body as a whole.
 */
public final class EventReader {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final int MAX_MESSAGE_LENGTH = 200;

  private final EventJson json;

  public EventReader(EventJson json) {
    this.json = json;
  }

  /** {@link #readEvents(byte[], int)} with no limit on the number of events. */
  List<IncomingEvent> readEvents(byte[] body) throws RejectedEventsException {
    try {
      return readEvents(body, Integer.MAX_VALUE);
    } catch (TooManyEventsException e) {
      throw new IllegalStateException("an array cannot hold more than Integer.MAX_VALUE", e);
    }
  }

  /**
   * The body of {@code POST /v1/events}: one event object, or an array of at least one and at most
   * {@code maxEvents}. The count is checked before any event is, so an oversized array costs no
   * more than parsing it.
   *
   * @throws RejectedEventsException listing every problem of every event
   * @throws TooManyEventsException when the array holds more than {@code maxEvents}
   */
  public List<IncomingEvent> readEvents(byte[] body, int maxEvents)
      throws RejectedEventsException, TooManyEventsException {
    JsonNode root = tree(body);
    if (root.isArray() && root.size() > maxEvents) {
      throw new TooManyEventsException(root.size(), maxEvents);
    }
    if (root.isObject()) {
      return List.of(readChecked("", (ObjectNode) root));
    }
    if (!root.isArray()) {
      throw rejected(FieldError.WHOLE_LINE, "expected an event object or an array of them");
    }
    if (root.isEmpty()) {
      throw rejected(FieldError.WHOLE_LINE, "an empty array; send at least one event");
    }
    List<IncomingEvent> events = new ArrayList<>(root.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String at = "[" + i + "]";
      JsonNode element = root.get(i);
      if (!element.isObject()) {
        errors.add(new FieldError(at, "expected an event object"));
        continue;
      }
      try {
        events.add(readChecked(at, (ObjectNode) element));
      } catch (RejectedEventsException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RejectedEventsException(errors);
    }
    return events;
  }

  /**
   * The body of a route for one type of event, whose path names some of its fields: they are filled
   * in when the body leaves them out, and a body that says otherwise is refused. So is a {@code
   * "type"} other than the route's.
   *
   * @param type the route's event type, e.g. {@code PostWithdrawn}
   * @param pathFields the fields the path names, e.g. {@code postId -> p1}
   * @throws RejectedEventsException listing every problem
   */
  public IncomingEvent readOne(byte[] body, String type, Map<String, String> pathFields)
      throws RejectedEventsException {
    JsonNode root = tree(body);
    if (!root.isObject()) {
      throw rejected(FieldError.WHOLE_LINE, "expected one " + type + " object");
    }
    ObjectNode event = (ObjectNode) root;
    Map<String, String> implied = new LinkedHashMap<>();
    implied.put("type", type);
    implied.putAll(pathFields);
    List<FieldError> errors = new ArrayList<>();
    implied.forEach(
        (field, value) -> {
          JsonNode given = event.get(field);
          if (given != null && !(given.isTextual() && given.textValue().equals(value))) {
            errors.add(
                new FieldError(
                    field,
                    field.equals("type")
                        ? "this route takes " + type + " events; send others to POST /v1/events"
                        : "does not match the path, which says \"" + value + "\""));
          }
          event.put(field, value);
        });
    try {
      IncomingEvent read = readChecked("", event);
      if (errors.isEmpty()) {
        return read;
      }
    } catch (RejectedEventsException e) {
      errors.addAll(e.errors());
    }
    throw new RejectedEventsException(errors);
  }

  private IncomingEvent readChecked(String at, ObjectNode event) throws RejectedEventsException {
    JsonNode type = event.get("type");
    if (type != null && type.isTextual() && type.textValue().equals(ParsedEvent.TICK)) {
      throw rejected(
          field(at, "type"), "Tick only drives the clock of campaign plan; it cannot be sent in");
    }
    ParsedEvent parsed;
    try {
      parsed = json.parse(event);
    } catch (InvalidEventException e) {
      throw new RejectedEventsException(
          e.errors().stream()
              .map(error -> new FieldError(field(at, error.field()), error.message()))
              .toList());
    }
    if (parsed.isTick()) {
      throw rejected(field(at, "type"), "Tick cannot be sent in");
    }
    return new IncomingEvent(at, event, parsed);
  }

  private static String field(String at, String field) {
    if (at.isEmpty()) {
      return field;
    }
    return field.equals(FieldError.WHOLE_LINE) ? at : at + "." + field;
  }

  private static JsonNode tree(byte[] body) throws RejectedEventsException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw rejected(FieldError.WHOLE_LINE, "not JSON: " + describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw rejected(FieldError.WHOLE_LINE, "the body is empty; send JSON");
    }
    return root;
  }

  /** Jackson's message without the excerpt of the body, with the line and column. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    message = message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
    if (message.length() > MAX_MESSAGE_LENGTH) {
      message = message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      message += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return message;
  }

  private static RejectedEventsException rejected(String field, String message) {
    return new RejectedEventsException(List.of(new FieldError(field, message)));
  }
}
