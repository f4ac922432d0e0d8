package org.librarycampaign.platform.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The JSON event types: those of the {@link EventType} catalogue, the types sent in first, then the
 * Tick of plan mode (which has no topic), then the pipeline's own records.
 */
final class EventTypes {

  /**
   * One JSON type.
   *
   * @param catalogued the catalogue entry; {@code null} for the Tick
   * @param envelope the topic's envelope record when the type travels inside one
   */
  record JsonType(
      String name, EventType catalogued, Schema schema, Schema envelope, String eventTimeField) {

    boolean isTick() {
      return catalogued == null;
    }

    boolean input() {
      return catalogued == null || catalogued.input();
    }

    /** {@code null} for the Tick. */
    CampaignTopic topic() {
      return catalogued == null ? null : catalogued.topic();
    }
  }

  /** Tick is not a Kafka record; this schema only drives its reading and writing. */
  static final Schema TICK_SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Tick\",\"namespace\":\"org.librarycampaign.platform.json\","
                  + "\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}");

  private final Map<String, JsonType> byName = new LinkedHashMap<>();
  private final Map<String, JsonType> bySchema = new LinkedHashMap<>();
  private final List<Schema> valueSchemas = new ArrayList<>();
  private final List<String> inputNames = new ArrayList<>();
  private final List<String> allNames = new ArrayList<>();

  EventTypes() {
    for (CampaignTopic topic : CampaignTopic.values()) {
      valueSchemas.add(SpecificData.get().getSchema(topic.valueClass()));
    }
    for (EventType type : EventType.inputs()) {
      add(type);
    }
    add(new JsonType(ParsedEvent.TICK, null, TICK_SCHEMA, null, "at"));
    for (EventType type : EventType.values()) {
      if (!type.input()) {
        add(type);
      }
    }
  }

  private void add(EventType type) {
    Schema value = SpecificData.get().getSchema(type.topic().valueClass());
    add(
        new JsonType(
            type.jsonName(),
            type,
            type.schema(),
            EventType.isEnvelope(value) ? value : null,
            type.eventTimeField().orElse(null)));
  }

  private void add(JsonType type) {
    byName.put(type.name(), type);
    bySchema.putIfAbsent(type.schema().getFullName(), type);
    if (type.envelope() != null) {
      bySchema.putIfAbsent(type.envelope().getFullName(), type);
    }
    allNames.add(type.name());
    if (type.input()) {
      inputNames.add(type.name());
    }
  }

  JsonType byName(String name) {
    return byName.get(name);
  }

  /** The type of a record: an envelope, a record inside one, or a plain value record. */
  JsonType bySchema(Schema schema) {
    return bySchema.get(schema.getFullName());
  }

  /** Names accepted by {@code parse}, in catalogue order, Tick last. */
  List<String> inputNames() {
    return inputNames;
  }

  /** Every name: those of {@link #inputNames()}, then those of the pipeline's own records. */
  List<String> allNames() {
    return allNames;
  }

  /** Every value schema of the topics (the roots of all generated classes). */
  Collection<Schema> valueSchemas() {
    return valueSchemas;
  }

  /**
   * The record key of a record of this type on its topic; {@code null} for the Tick.
   *
   * @param inner the record of the type (inside the envelope when there is one)
   */
  static String keyOf(JsonType type, IndexedRecord inner) {
    return type.isTick() ? null : type.catalogued().keyOf(inner);
  }
}
