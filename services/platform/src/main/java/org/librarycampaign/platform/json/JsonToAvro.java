package org.librarycampaign.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Reads one JSON object into a plain Avro value (GenericData records, enum symbols, timestamps as
 * raw longs), walking the schema, and collects every problem on the way, in the order of the line.
 * One instance reads one line.
 */
final class JsonToAvro {

  static final String INSTANT_MESSAGE = "not an ISO-8601 instant such as 2026-12-01T15:00:00Z";

  private final String eventType;
  private final boolean checkRules;

  /**
   * @param eventType the JSON type of the line, for the rules
   * @param checkRules whether to apply {@link EventRules} (lines sent in) or not (records the
   *     pipeline wrote)
   */
  JsonToAvro(String eventType, boolean checkRules) {
    this.eventType = eventType;
    this.checkRules = checkRules;
  }

  /**
   * The top-level record: like a nested one, except that its {@code "type"} member is the event
   * type and not a field.
   */
  GenericData.Record readEvent(Schema schema, JsonNode object, List<FieldError> errors) {
    return readRecord(schema, object, "", true, errors);
  }

  private GenericData.Record readRecord(
      Schema schema, JsonNode object, String path, boolean top, List<FieldError> errors) {
    GenericData.Record record = new GenericData.Record(schema);
    // problems per member, in the order of the line; then the missing fields. Kept only for the
    // members that have one: most lines have none, and a map and a list per member were a good
    // part of reading one (docs/PERFORMANCE.md, "The pipeline: ingest's CPU per draft")
    Map<String, List<FieldError>> byMember = null;
    List<FieldError> missing = null;
    List<FieldError> found = new ArrayList<>();
    // the values the record's own rules look at, for the records that have such rules
    Map<String, Object> good =
        checkRules && EventRules.hasRecordRules(schema) ? new HashMap<>() : null;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String name = member.getKey();
      JsonNode node = member.getValue();
      if (top && name.equals("type")) {
        continue;
      }
      found.clear();
      String at = member(path, name);
      Schema.Field field = schema.getField(name);
      Object value = null;
      if (field == null) {
        found.add(new FieldError(at, "unknown field"));
      } else if (node.isNull()) {
        if (isNullable(field.schema())) {
          value = null;
        } else if (field.hasDefaultValue()) {
          value = defaultValue(field);
        } else {
          found.add(new FieldError(at, "required"));
        }
      } else {
        value = read(field.schema(), node, at, schema, name, found);
      }
      if (!found.isEmpty()) {
        if (byMember == null) {
          byMember = new HashMap<>();
        }
        byMember.put(name, new ArrayList<>(found));
        continue;
      }
      record.put(field.pos(), value);
      if (good != null) {
        good.put(name, value);
      }
    }
    for (Schema.Field field : schema.getFields()) {
      if (object.has(field.name())) {
        continue;
      }
      if (field.hasDefaultValue()) {
        Object value = defaultValue(field);
        record.put(field.pos(), value);
        if (good != null) {
          good.put(field.name(), value);
        }
      } else {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(new FieldError(member(path, field.name()), "required"));
      }
    }
    List<FieldError> byRules = new ArrayList<>(0);
    List<String> ruleFields = new ArrayList<>(0);
    if (good != null) {
      EventRules.checkRecord(
          eventType,
          schema,
          good,
          (name, message) -> {
            ruleFields.add(name);
            byRules.add(new FieldError(member(path, name), message));
          });
    }
    if (byMember == null && missing == null && byRules.isEmpty()) {
      return record;
    }
    // a rule's problem goes after its member's own, or after the missing fields when the line
    // has no such member
    for (int i = 0; i < byRules.size(); i++) {
      String name = ruleFields.get(i);
      if (object.has(name) && !(top && name.equals("type"))) {
        if (byMember == null) {
          byMember = new HashMap<>();
        }
        byMember.computeIfAbsent(name, n -> new ArrayList<>()).add(byRules.get(i));
      } else {
        if (missing == null) {
          missing = new ArrayList<>();
        }
        missing.add(byRules.get(i));
      }
    }
    if (byMember != null) {
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        List<FieldError> problems = byMember.get(member.getKey());
        if (problems != null && !(top && member.getKey().equals("type"))) {
          errors.addAll(problems);
        }
      }
    }
    if (missing != null) {
      errors.addAll(missing);
    }
    return record;
  }

  /**
   * Reads a non-null JSON value.
   *
   * @param owner the record whose field this is (also for the elements of an array field)
   * @param field the field's name
   */
  private Object read(
      Schema schema,
      JsonNode node,
      String path,
      Schema owner,
      String field,
      List<FieldError> errors) {
    if (node.isNull() && schema.getType() != Schema.Type.NULL && !isNullable(schema)) {
      errors.add(new FieldError(path, expected(schema)));
      return null;
    }
    Object value =
        switch (schema.getType()) {
          case RECORD -> {
            if (!node.isObject()) {
              errors.add(new FieldError(path, "expected an object"));
              yield null;
            }
            yield readRecord(schema, node, path, false, errors);
          }
          case ARRAY -> {
            if (!node.isArray()) {
              errors.add(new FieldError(path, "expected an array"));
              yield null;
            }
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
              items.add(
                  read(
                      schema.getElementType(),
                      node.get(i),
                      path + "[" + i + "]",
                      owner,
                      field,
                      errors));
            }
            yield items;
          }
          case MAP -> {
            if (!node.isObject()) {
              errors.add(new FieldError(path, "expected an object"));
              yield null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
              String keyProblem = unicodeProblem(entry.getKey());
              if (keyProblem != null) {
                errors.add(new FieldError(path, "a key is " + keyProblem));
                continue;
              }
              map.put(
                  entry.getKey(),
                  read(
                      schema.getValueType(),
                      entry.getValue(),
                      member(path, entry.getKey()),
                      owner,
                      field,
                      errors));
            }
            yield map;
          }
          case UNION -> readUnion(schema, node, path, owner, field, errors);
          case ENUM -> {
            if (!node.isTextual() || !schema.hasEnumSymbol(node.textValue())) {
              errors.add(new FieldError(path, expected(schema)));
              yield null;
            }
            yield new GenericData.EnumSymbol(schema, node.textValue());
          }
          default -> readScalar(schema, node, path, errors);
        };
    if (checkRules && value != null && isScalar(schema)) {
      String problem = EventRules.checkValue(eventType, owner, field, value);
      if (problem != null) {
        errors.add(new FieldError(path, problem));
      }
    }
    return value;
  }

  private Object readUnion(
      Schema schema,
      JsonNode node,
      String path,
      Schema owner,
      String field,
      List<FieldError> errors) {
    if (node.isNull()) {
      return null; // only reached when the union holds null
    }
    // an optional field (["null", T]) is most unions: no list of branches for it
    Schema single = null;
    int nonNull = 0;
    for (Schema type : schema.getTypes()) {
      if (type.getType() != Schema.Type.NULL) {
        single = type;
        nonNull++;
      }
    }
    if (nonNull == 1) {
      return read(single, node, path, owner, field, errors);
    }
    List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    // more than one non-null branch: the first that reads without a problem
    for (Schema branch : branches) {
      List<FieldError> tried = new ArrayList<>();
      Object value = read(branch, node, path, owner, field, tried);
      if (tried.isEmpty()) {
        return value;
      }
    }
    errors.add(
        new FieldError(
            path,
            "expected "
                + branches.stream().map(JsonToAvro::describe).collect(Collectors.joining(" or "))));
    return null;
  }

  private static Object readScalar(
      Schema schema, JsonNode node, String path, List<FieldError> errors) {
    if (schema.getType() == Schema.Type.NULL) {
      if (!node.isNull()) {
        errors.add(new FieldError(path, "expected null"));
      }
      return null;
    }
    LogicalType logical = schema.getLogicalType();
    String logicalName = logical == null ? "" : logical.getName();
    switch (logicalName) {
      case "timestamp-millis", "timestamp-micros" -> {
        Instant instant = node.isTextual() ? parseInstant(node.textValue()) : null;
        if (instant != null) {
          try {
            return logicalName.equals("timestamp-millis")
                ? instant.toEpochMilli()
                : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
          } catch (ArithmeticException e) {
            // too far away to hold
          }
        }
        errors.add(new FieldError(path, INSTANT_MESSAGE));
        return null;
      }
      case "date" -> {
        if (node.isTextual()) {
          try {
            return Math.toIntExact(LocalDate.parse(node.textValue()).toEpochDay());
          } catch (DateTimeException | ArithmeticException e) {
            // below
          }
        }
        errors.add(new FieldError(path, "not an ISO-8601 date such as 2026-12-01"));
        return null;
      }
      default -> {}
    }
    if (schema.getType() == Schema.Type.STRING && node.isTextual()) {
      String problem = unicodeProblem(node.textValue());
      if (problem != null) {
        errors.add(new FieldError(path, problem));
        return null;
      }
    }
    Object value =
        switch (schema.getType()) {
          case STRING -> node.isTextual() ? node.textValue() : null;
          case INT -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
          case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
          case DOUBLE -> node.isNumber() ? node.doubleValue() : null;
          case FLOAT -> node.isNumber() ? node.floatValue() : null;
          case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
          case BYTES -> {
            byte[] bytes = base64(node);
            yield bytes == null ? null : ByteBuffer.wrap(bytes);
          }
          case FIXED -> {
            byte[] bytes = base64(node);
            yield bytes == null || bytes.length != schema.getFixedSize()
                ? null
                : new GenericData.Fixed(schema, bytes);
          }
          default -> null;
        };
    if (value == null) {
      errors.add(new FieldError(path, expected(schema)));
    }
    return value;
  }

  /**
   * Why a text is not valid Unicode, or null. JSON lets a line escape half of a surrogate pair
   * ({@code "\\ud800"}) and Jackson passes it through, but such a text has no UTF-8 form: the Avro
   * encoding would store {@code ?} instead, and what was accepted would differ from what was
   * stored.
   */
  static String unicodeProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format(
            "not valid Unicode: a lone surrogate \\u%04x at character %d", (int) c, i + 1);
      }
    }
    return null;
  }

  private static byte[] base64(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * An ISO-8601 date-time with an offset ({@code Z}, {@code +02:00}), seconds and fractions
   * optional; null when it is not one.
   */
  static Instant parseInstant(String text) {
    return IsoInstants.parse(text);
  }

  /** The message for a value of the wrong JSON type. */
  private static String expected(Schema schema) {
    if (schema.getType() == Schema.Type.ENUM) {
      return "must be one of " + String.join(", ", schema.getEnumSymbols());
    }
    if (schema.getType() == Schema.Type.UNION) {
      return "expected "
          + schema.getTypes().stream()
              .filter(s -> s.getType() != Schema.Type.NULL)
              .map(JsonToAvro::describe)
              .collect(Collectors.joining(" or "));
    }
    return "expected " + describe(schema);
  }

  private static String describe(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical != null
        && (logical.getName().equals("timestamp-millis")
            || logical.getName().equals("timestamp-micros"))) {
      return "an ISO-8601 instant such as 2026-12-01T15:00:00Z";
    }
    return switch (schema.getType()) {
      case STRING -> "a string";
      case INT -> "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
      case LONG -> "an integer";
      case DOUBLE, FLOAT -> "a number";
      case BOOLEAN -> "true or false";
      case BYTES -> "a base64 string";
      case FIXED -> "a base64 string of " + schema.getFixedSize() + " bytes";
      case ARRAY -> "an array";
      case MAP, RECORD -> "an object";
      case ENUM -> "one of " + String.join(", ", schema.getEnumSymbols());
      case NULL -> "null";
      case UNION -> "one of several types";
    };
  }

  private static boolean isScalar(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ARRAY, MAP, UNION -> false;
      default -> true;
    };
  }

  static boolean isNullable(Schema schema) {
    if (schema.getType() == Schema.Type.NULL) {
      return true;
    }
    if (schema.getType() != Schema.Type.UNION) {
      return false;
    }
    for (Schema type : schema.getTypes()) {
      if (type.getType() == Schema.Type.NULL) {
        return true;
      }
    }
    return false;
  }

  /** A fresh copy of the field's default, in the plain form. */
  private static Object defaultValue(Schema.Field field) {
    if (field.defaultVal() == JsonProperties.NULL_VALUE) {
      return null;
    }
    GenericData data = GenericData.get();
    return data.deepCopy(field.schema(), data.getDefaultValue(field));
  }

  private static String member(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
