package org.librarycampaign.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Writes an Avro record (generated or generic) as a JSON object, walking its schema: fields in
 * schema order, null optional fields left out, empty arrays kept, timestamps as ISO-8601 instants,
 * enums as their symbol, bytes as base64. A record that breaks its own schema (null in a required
 * field, a value of the wrong type) is refused with an {@link IllegalArgumentException}.
 */
final class AvroToJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroToJson() {}

  /** The fields of {@code record} into {@code target}. */
  static void writeFields(IndexedRecord record, ObjectNode target, String path) {
    Schema schema = record.getSchema();
    GenericData model =
        record instanceof SpecificRecordBase specific
            ? specific.getSpecificData()
            : GenericData.get();
    for (Schema.Field field : schema.getFields()) {
      Object value = record.get(field.pos());
      String at = path.isEmpty() ? field.name() : path + "." + field.name();
      if (value == null) {
        if (JsonToAvro.isNullable(field.schema())) {
          continue;
        }
        throw invalid(at, "is null but required by " + schema.getName());
      }
      target.set(field.name(), write(field.schema(), value, at, model));
    }
  }

  private static JsonNode write(Schema schema, Object value, String path, GenericData model) {
    if (value == null) {
      if (JsonToAvro.isNullable(schema)) {
        return NODES.nullNode();
      }
      throw invalid(path, "is null but required");
    }
    switch (schema.getType()) {
      case RECORD -> {
        if (!(value instanceof IndexedRecord record)
            || !record.getSchema().getFullName().equals(schema.getFullName())) {
          throw invalid(path, "is not a " + schema.getName());
        }
        ObjectNode object = NODES.objectNode();
        writeFields(record, object, path);
        return object;
      }
      case ARRAY -> {
        if (!(value instanceof Collection<?> items)) {
          throw invalid(path, "is not a list");
        }
        ArrayNode array = NODES.arrayNode(items.size());
        int i = 0;
        for (Object item : items) {
          array.add(write(schema.getElementType(), item, path + "[" + i++ + "]", model));
        }
        return array;
      }
      case MAP -> {
        if (!(value instanceof Map<?, ?> map)) {
          throw invalid(path, "is not a map");
        }
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          object.set(key, write(schema.getValueType(), entry.getValue(), path + "." + key, model));
        }
        return object;
      }
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (fits(branch, value)) {
            return write(branch, value, path, model);
          }
        }
        throw invalid(path, "fits none of " + schema);
      }
      case ENUM -> {
        String symbol =
            value instanceof Enum<?> e
                ? e.name()
                : value instanceof GenericEnumSymbol<?> ? value.toString() : null;
        if (symbol == null || !schema.hasEnumSymbol(symbol)) {
          throw invalid(path, "is not a symbol of " + schema.getName());
        }
        return NODES.textNode(symbol);
      }
      default -> {
        return writeScalar(schema, toRaw(schema, value, model), path);
      }
    }
  }

  private static JsonNode writeScalar(Schema schema, Object raw, String path) {
    LogicalType logical = schema.getLogicalType();
    String logicalName = logical == null ? "" : logical.getName();
    try {
      switch (logicalName) {
        case "timestamp-millis" -> {
          // whole milliseconds, as the record will carry it in Kafka
          long millis = raw instanceof Instant instant ? instant.toEpochMilli() : (Long) raw;
          return NODES.textNode(Instant.ofEpochMilli(millis).toString());
        }
        case "timestamp-micros" -> {
          long micros =
              raw instanceof Instant instant
                  ? ChronoUnit.MICROS.between(Instant.EPOCH, instant)
                  : (Long) raw;
          return NODES.textNode(Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString());
        }
        case "date" -> {
          LocalDate date =
              raw instanceof LocalDate local ? local : LocalDate.ofEpochDay((Integer) raw);
          return NODES.textNode(date.toString());
        }
        default -> {}
      }
      return switch (schema.getType()) {
        case STRING -> NODES.textNode(((CharSequence) raw).toString());
        case INT -> NODES.numberNode((Integer) raw);
        case LONG -> NODES.numberNode((Long) raw);
        case DOUBLE -> NODES.numberNode((Double) raw);
        case FLOAT -> NODES.numberNode((Float) raw);
        case BOOLEAN -> NODES.booleanNode((Boolean) raw);
        case BYTES -> NODES.textNode(base64((ByteBuffer) raw));
        case FIXED ->
            NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) raw).bytes()));
        case NULL -> NODES.nullNode();
        default -> throw invalid(path, "has an unexpected schema " + schema);
      };
    } catch (ClassCastException | ArithmeticException | java.time.DateTimeException e) {
      throw invalid(path, "is a " + raw.getClass().getSimpleName() + ", not a " + schema.getType());
    }
  }

  /** The value as Avro stores it: e.g. an Instant of a timestamp-millis as its epoch millis. */
  private static Object toRaw(Schema schema, Object value, GenericData model) {
    LogicalType logical = schema.getLogicalType();
    if (logical == null || value instanceof Instant || value instanceof LocalDate) {
      return value; // timestamps and dates are written from either form
    }
    Conversion<?> conversion = model.getConversionByClass(value.getClass(), logical);
    return conversion == null
        ? value
        : Conversions.convertToRawType(value, schema, logical, conversion);
  }

  /** Whether {@code value} can be written with {@code schema} (picks the branch of a union). */
  static boolean fits(Schema schema, Object value) {
    return switch (schema.getType()) {
      case NULL -> value == null;
      case RECORD ->
          value instanceof IndexedRecord r
              && r.getSchema().getFullName().equals(schema.getFullName());
      case ENUM ->
          (value instanceof Enum<?> e
                  && schema.hasEnumSymbol(e.name())
                  && e.getDeclaringClass().getName().equals(schema.getFullName()))
              || (value instanceof GenericEnumSymbol<?> s
                  && s.getSchema().getFullName().equals(schema.getFullName()));
      case ARRAY -> value instanceof Collection<?>;
      case MAP -> value instanceof Map<?, ?>;
      case STRING -> value instanceof CharSequence;
      case BYTES -> value instanceof ByteBuffer;
      case FIXED ->
          value instanceof GenericFixed f
              && f.getSchema().getFullName().equals(schema.getFullName());
      case INT -> value instanceof Integer || isLogical(schema, value);
      case LONG -> value instanceof Long || isLogical(schema, value);
      case FLOAT -> value instanceof Float;
      case DOUBLE -> value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case UNION -> false;
    };
  }

  private static boolean isLogical(Schema schema, Object value) {
    LogicalType logical = schema.getLogicalType();
    if (logical == null) {
      return false;
    }
    return switch (logical.getName()) {
      case "timestamp-millis", "timestamp-micros" -> value instanceof Instant;
      case "date" -> value instanceof LocalDate;
      default -> !(value instanceof Number);
    };
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] array = new byte[copy.remaining()];
    copy.get(array);
    return Base64.getEncoder().encodeToString(array);
  }

  private static IllegalArgumentException invalid(String path, String problem) {
    return new IllegalArgumentException("cannot write " + path + ": it " + problem);
  }
}
