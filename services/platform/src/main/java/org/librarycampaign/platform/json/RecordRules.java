package org.librarycampaign.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.events.EventType;

/**
 * The rules of {@link EventRules} on an Avro record read from an input topic, for producers that
 * write to Kafka directly and never pass through the JSON reader: the same checks, stated once in
 * {@link EventRules}, walked over the record's fields (and the members of nested records and
 * arrays). Records of the pipeline's own types, and records outside the catalogue, have no rules.
 */
public final class RecordRules {

  private RecordRules() {}

  /**
   * The problems of one value of an input topic, in field order; empty when it is fine.
   *
   * @param value the topic's value (an envelope is looked through to the event it holds)
   */
  public static List<FieldError> problems(SpecificRecord value) {
    List<FieldError> errors = new ArrayList<>();
    if (value == null) {
      return errors;
    }
    EventType type;
    try {
      type = EventType.of(value);
    } catch (IllegalArgumentException e) {
      return errors;
    }
    if (!type.input()) {
      return errors;
    }
    IndexedRecord body = value;
    if (EventType.isEnvelope(value.getSchema()) && value.get(0) instanceof IndexedRecord inner) {
      body = inner;
    }
    checkRecord(type.jsonName(), body, "", errors);
    return errors;
  }

  private static void checkRecord(
      String eventType, IndexedRecord record, String path, List<FieldError> errors) {
    Schema schema = record.getSchema();
    // the field map only for records with cross-field rules: most records (a post) have none, and
    // building it was a tenth of governance's input checks (docs/PERFORMANCE.md#profiling)
    boolean crossField = EventRules.hasRecordRules(schema);
    Map<String, Object> values = crossField ? new HashMap<>() : Map.of();
    for (Schema.Field field : schema.getFields()) {
      Object value = plain(record.get(field.pos()));
      if (crossField) {
        values.put(field.name(), value);
      }
      check(eventType, schema, field.name(), value, path + field.name(), errors);
    }
    EventRules.checkRecord(
        eventType,
        schema,
        values,
        (name, message) -> errors.add(new FieldError(path + name, message)));
  }

  private static void check(
      String eventType,
      Schema owner,
      String field,
      Object value,
      String path,
      List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (value instanceof IndexedRecord nested) {
      checkRecord(eventType, nested, path + ".", errors);
      return;
    }
    if (value instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        check(eventType, owner, field, plain(items.get(i)), path + "[" + i + "]", errors);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String keyProblem = JsonToAvro.unicodeProblem(key);
        if (keyProblem != null) {
          errors.add(new FieldError(path, "a key is " + keyProblem));
        }
        check(eventType, owner, field, plain(entry.getValue()), path + "." + key, errors);
      }
      return;
    }
    if (value instanceof String text) {
      String problem = JsonToAvro.unicodeProblem(text);
      if (problem != null) {
        errors.add(new FieldError(path, problem));
        return;
      }
    }
    String problem = EventRules.checkValue(eventType, owner, field, value);
    if (problem != null) {
      errors.add(new FieldError(path, problem));
    }
  }

  /** The value in the form the JSON reader gives the rules: texts, millis, epoch days. */
  private static Object plain(Object value) {
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof LocalDate date) {
      return Math.toIntExact(date.toEpochDay());
    }
    return value;
  }
}
