package org.librarycampaign.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * OpenAPI 3.0 schemas of the JSON form of Avro records
 * (docs/ARCHITECTURE.md#the-json-form-of-events), made from the Avro schemas themselves so that the
 * document follows the contract: records are objects without other members, enums strings of their
 * symbols, {@code timestamp-millis} ISO-8601 date-time strings, {@code ["null", T]} a nullable T
 * that may be left out. Named records and enums become components, referred to by name.
 */
final class AvroJsonSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Component schemas by name, in the order they were first met. */
  private final Map<String, ObjectNode> components = new LinkedHashMap<>();

  /**
   * Adds a record as a component.
   *
   * @param name the component name (the JSON type, e.g. {@code Milestone} for MilestoneEvent)
   * @param typeName the JSON {@code "type"} of the record, or null when it has none
   */
  void addRecord(String name, Schema record, String typeName) {
    ObjectNode schema = recordSchema(record);
    if (typeName != null) {
      ObjectNode properties = NODES.objectNode();
      ObjectNode type = properties.putObject("type");
      type.put("type", "string");
      type.putArray("enum").add(typeName);
      properties.setAll((ObjectNode) schema.get("properties"));
      schema.set("properties", properties);
    }
    components.put(name, schema);
  }

  Map<String, ObjectNode> components() {
    return components;
  }

  static String ref(String component) {
    return "#/components/schemas/" + component;
  }

  private ObjectNode recordSchema(Schema record) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    if (record.getDoc() != null) {
      schema.put("description", record.getDoc());
    }
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Schema.Field field : record.getFields()) {
      ObjectNode property = schemaOf(field.schema());
      boolean hasDefault =
          field.hasDefaultValue() && field.defaultVal() != JsonProperties.NULL_VALUE;
      if (field.doc() != null || hasDefault) {
        property = wrapped(property);
      }
      if (field.doc() != null) {
        property.put("description", field.doc());
      }
      if (hasDefault) {
        property.set("default", MAPPER.valueToTree(field.defaultVal()));
      }
      properties.set(field.name(), property);
      if (!field.hasDefaultValue()) {
        required.add(field.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private ObjectNode schemaOf(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    if (logical != null
        && (logical.getName().equals("timestamp-millis")
            || logical.getName().equals("timestamp-micros"))) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "string");
      node.put("format", "date-time");
      node.put("example", "2026-12-01T15:00:00Z");
      return node;
    }
    ObjectNode node = NODES.objectNode();
    switch (schema.getType()) {
      case RECORD -> {
        String name = schema.getName();
        if (!components.containsKey(name)) {
          // a placeholder first: keeps the order of first mention, stops a record that holds itself
          components.put(name, NODES.objectNode());
          components.put(name, recordSchema(schema));
        }
        node.put("$ref", ref(name));
      }
      case ENUM -> {
        String name = schema.getName();
        if (!components.containsKey(name)) {
          ObjectNode symbols = NODES.objectNode();
          symbols.put("type", "string");
          if (schema.getDoc() != null) {
            symbols.put("description", schema.getDoc());
          }
          ArrayNode values = symbols.putArray("enum");
          schema.getEnumSymbols().forEach(values::add);
          components.put(name, symbols);
        }
        node.put("$ref", ref(name));
      }
      case ARRAY -> {
        node.put("type", "array");
        node.set("items", schemaOf(schema.getElementType()));
      }
      case MAP -> {
        node.put("type", "object");
        node.set("additionalProperties", schemaOf(schema.getValueType()));
      }
      case UNION -> {
        List<Schema> branches =
            schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        boolean nullable = branches.size() < schema.getTypes().size();
        if (branches.size() == 1) {
          node = schemaOf(branches.get(0));
        } else {
          ArrayNode oneOf = node.putArray("oneOf");
          branches.forEach(branch -> oneOf.add(schemaOf(branch)));
        }
        if (nullable) {
          node = nullable(node);
        }
      }
      case STRING -> node.put("type", "string");
      case INT -> {
        node.put("type", "integer");
        node.put("format", "int32");
      }
      case LONG -> {
        node.put("type", "integer");
        node.put("format", "int64");
      }
      case FLOAT, DOUBLE -> node.put("type", "number");
      case BOOLEAN -> node.put("type", "boolean");
      case BYTES, FIXED -> {
        node.put("type", "string");
        node.put("format", "byte");
      }
      case NULL -> node.put("nullable", true);
      default -> throw new IllegalArgumentException("no JSON form for " + schema.getType());
    }
    return node;
  }

  private static ObjectNode nullable(ObjectNode node) {
    ObjectNode wrapped = wrapped(node);
    wrapped.put("nullable", true);
    return wrapped;
  }

  /** A {@code $ref} cannot have siblings in OpenAPI 3.0: wrap it to add some. */
  private static ObjectNode wrapped(ObjectNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    ObjectNode wrapped = NODES.objectNode();
    wrapped.putArray("allOf").add(node);
    return wrapped;
  }
}
