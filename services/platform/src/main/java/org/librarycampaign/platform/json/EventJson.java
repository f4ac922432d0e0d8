package org.librarycampaign.platform.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.json.EventTypes.JsonType;

/**
 * Converts between the one-object-per-line JSON form of events
 * (docs/ARCHITECTURE.md#the-json-form-of-events) and the Avro records. Thread-safe and reusable:
 * make one and share it.
 *
 * <p>Reading walks the Avro schema of the line's type, so new schema fields need no code here:
 * records, optional fields ({@code ["null", T]}), enums (strictly: only the schema's symbols),
 * arrays, maps, strings, int, long, double, float, boolean, bytes and fixed (base64),
 * timestamp-millis (any ISO-8601 date-time with an offset, kept to the millisecond), date (ISO
 * date). Unknown fields, missing required fields and values of the wrong type are problems, as are
 * the rules of {@link EventRules}; every problem of a line is reported at once, in the order of the
 * line, in an {@link InvalidEventException}. A field that has a default may be left out or be
 * {@code null}: it takes the default.
 *
 * <p>Writing gives {@code "type"} first, then the fields in schema order; null optional fields are
 * left out, empty arrays kept, instants written as {@link Instant#toString()}. A topic envelope
 * with a single union field (PostEvent, IncidentEvent, ConflictEvent) is written as the record it
 * holds, with that record's name as the type.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final EventTypes types;
  private final SpecificRecords classes;

  public EventJson() {
    this.types = new EventTypes();
    this.classes = new SpecificRecords(types.valueSchemas(), EventJson.class.getClassLoader());
  }

  /** The types {@link #parse} accepts, in the order of the topic catalogue, Tick last. */
  public List<String> inputTypes() {
    return List.copyOf(types.inputNames());
  }

  /**
   * One line sent in (an input type of the {@link EventType} catalogue, or a Tick) to its event.
   *
   * @throws InvalidEventException listing every problem found
   */
  public ParsedEvent parse(String line) {
    return read(tree(line), false);
  }

  /** As {@link #parse(String)}, for a line already read by Jackson. */
  public ParsedEvent parse(JsonNode node) {
    return read(node, false);
  }

  /**
   * Like {@link #parse(String)}, but also accepts the records the pipeline writes ({@code
   * PostDecision}, {@code ConflictDetected}, {@code Notification}, ...), e.g. to read back an
   * export. The rules of {@link EventRules} apply to the input types only. The key of an output
   * record is that of its topic (docs/ARCHITECTURE.md#topics-and-keys; an AmplifyGap's is {@code
   * gap:milestoneId/branchId}, a DeadLetter's its original key read as UTF-8).
   *
   * @throws InvalidEventException listing every problem found
   */
  public ParsedEvent parseAny(String line) {
    return read(tree(line), true);
  }

  /** As {@link #parseAny(String)}, for a line already read by Jackson. */
  public ParsedEvent parseAny(JsonNode node) {
    return read(node, true);
  }

  /**
   * Any record of the system (a topic envelope, a plain value record, or an inner record such as
   * PostDrafted) to one JSON line without a line break.
   *
   * @throws IllegalArgumentException when the record breaks its own schema
   */
  public String write(SpecificRecord record) {
    return text(toJson(record));
  }

  /**
   * A parsed event back to its line; a Tick too.
   *
   * @throws IllegalArgumentException when the record breaks its own schema
   */
  public String write(ParsedEvent event) {
    return text(toJson(event));
  }

  /**
   * As {@link #write(SpecificRecord)}, as a Jackson object.
   *
   * @throws IllegalArgumentException when the record breaks its own schema
   */
  public ObjectNode toJson(SpecificRecord record) {
    Objects.requireNonNull(record, "record");
    IndexedRecord body = record;
    if (EventType.isEnvelope(record.getSchema())) {
      Object inner = record.get(0);
      if (!(inner instanceof IndexedRecord event)) {
        throw new IllegalArgumentException(
            "cannot write a " + record.getSchema().getName() + " without its event");
      }
      body = event;
    }
    JsonType type = types.bySchema(body.getSchema());
    String name =
        type != null && type.schema().getFullName().equals(body.getSchema().getFullName())
            ? type.name()
            : body.getSchema().getName();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", name);
    AvroToJson.writeFields(body, json, "");
    return json;
  }

  /** As {@link #write(ParsedEvent)}, as a Jackson object. */
  public ObjectNode toJson(ParsedEvent event) {
    Objects.requireNonNull(event, "event");
    if (event.isTick()) {
      if (event.eventTime() == null) {
        throw new IllegalArgumentException("cannot write a Tick without its time");
      }
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("type", ParsedEvent.TICK);
      json.put("at", Instant.ofEpochMilli(event.eventTime().toEpochMilli()).toString());
      return json;
    }
    return toJson(event.value());
  }

  private ParsedEvent read(JsonNode node, boolean outputsToo) {
    if (node == null || node.isMissingNode()) {
      throw new InvalidEventException(
          FieldError.WHOLE_LINE, "not a JSON object: the line is empty");
    }
    if (!node.isObject()) {
      throw new InvalidEventException(
          FieldError.WHOLE_LINE, "not a JSON object: found " + kind(node));
    }
    JsonType type = typeOf(node, outputsToo);
    List<FieldError> errors = new ArrayList<>();
    GenericData.Record raw =
        new JsonToAvro(type.name(), type.input()).readEvent(type.schema(), node, errors);
    if (!errors.isEmpty()) {
      throw new InvalidEventException(errors);
    }
    if (!GenericData.get().validate(type.schema(), raw)) {
      // not expected: every value was read against the schema
      throw new InvalidEventException(
          FieldError.WHOLE_LINE, "does not fit the " + type.name() + " schema");
    }
    if (type.isTick()) {
      return ParsedEvent.tick(Instant.ofEpochMilli((Long) raw.get("at")));
    }
    IndexedRecord inner = (IndexedRecord) classes.toSpecific(type.schema(), raw);
    Object value = inner;
    if (type.envelope() != null) {
      IndexedRecord envelope = classes.newRecord(type.envelope());
      if (envelope == null) {
        throw new IllegalStateException("no generated class for " + type.envelope().getFullName());
      }
      envelope.put(0, inner);
      value = envelope;
    }
    if (!(value instanceof SpecificRecord record)) {
      throw new IllegalStateException("no generated class for " + type.schema().getFullName());
    }
    return new ParsedEvent(
        type.name(), type.topic(), EventTypes.keyOf(type, inner), record, eventTime(type, inner));
  }

  private JsonType typeOf(JsonNode node, boolean outputsToo) {
    JsonNode given = node.get("type");
    if (given == null || given.isNull()) {
      throw new InvalidEventException("type", "required; " + choices(outputsToo));
    }
    if (!given.isTextual()) {
      throw new InvalidEventException("type", "expected a string; " + choices(outputsToo));
    }
    JsonType type = types.byName(given.textValue());
    if (type == null) {
      throw new InvalidEventException(
          "type", "unknown type \"" + given.textValue() + "\"; " + choices(outputsToo));
    }
    if (!type.input() && !outputsToo) {
      throw new InvalidEventException(
          "type",
          type.name()
              + " is written by the pipeline and cannot be sent in; "
              + choices(outputsToo));
    }
    return type;
  }

  /** Written only for an error: every event read would otherwise pay for the list. */
  private String choices(boolean outputsToo) {
    List<String> names = outputsToo ? types.allNames() : types.inputNames();
    return "expected one of " + String.join(", ", names);
  }

  private static Instant eventTime(JsonType type, IndexedRecord inner) {
    if (type.eventTimeField() == null) {
      return null;
    }
    Schema.Field field = inner.getSchema().getField(type.eventTimeField());
    Object value = inner.get(field.pos());
    return value instanceof Long millis ? Instant.ofEpochMilli(millis) : (Instant) value;
  }

  private static JsonNode tree(String line) {
    if (line == null) {
      throw new InvalidEventException(FieldError.WHOLE_LINE, "not a JSON object: no line");
    }
    try {
      return MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(FieldError.WHOLE_LINE, "not a JSON object: " + describe(e));
    }
  }

  /** Jackson's message without its source excerpts, with the column. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    message = message == null ? "unreadable" : message;
    message = message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
    message = message.replaceAll("\\s*\\[Source:[^\\]]*\\]", "");
    message = message.replaceAll("\\s+", " ").trim();
    JsonLocation location = e.getLocation();
    if (location != null && location.getColumnNr() > 0) {
      message += " (column " + location.getColumnNr() + ")";
    }
    return message;
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "true or false";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String text(ObjectNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
