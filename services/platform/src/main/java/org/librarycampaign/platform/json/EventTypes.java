package org.librarycampaign.platform.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The JSON event types, derived from the topic catalogue: for an envelope value (one field that is
 * a union of records, e.g. PostEvent) each record of the union is a type named after the record;
 * any other value record is one type named after the record (MilestoneEvent is written
 * "Milestone"). Plus the Tick of plan mode, which has no topic.
 */
final class EventTypes {

  /** One JSON type. */
  record EventType(
      String name,
      CampaignTopic topic,
      Schema schema,
      Schema envelope,
      boolean input,
      String eventTimeField) {

    boolean isTick() {
      return topic == null;
    }
  }

  /** The topics that branch systems write to; their types are accepted by {@code parse}. */
  private static final Set<CampaignTopic> INPUT_TOPICS =
      EnumSet.of(
          CampaignTopic.POSTS,
          CampaignTopic.MILESTONES,
          CampaignTopic.INCIDENTS,
          CampaignTopic.CHANNEL_POLICIES,
          CampaignTopic.RESPONSE_PLANS);

  /** JSON names that differ from the record name. */
  private static final Map<String, String> JSON_NAMES =
      Map.of("library.campaign.events.MilestoneEvent", "Milestone");

  /** The field holding a line's own time, by JSON type. */
  private static final Map<String, String> EVENT_TIME_FIELDS =
      Map.of(
          ParsedEvent.TICK,
          "at",
          "PostDrafted",
          "draftedAt",
          "PostWithdrawn",
          "withdrawnAt",
          "IncidentReported",
          "reportedAt",
          "IncidentAcknowledged",
          "at",
          "IncidentResolved",
          "at");

  /** Tick is not a Kafka record; this schema only drives its reading and writing. */
  static final Schema TICK_SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Tick\",\"namespace\":\"org.librarycampaign.platform.json\","
                  + "\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}");

  private final Map<String, EventType> byName = new LinkedHashMap<>();
  private final Map<String, EventType> bySchema = new LinkedHashMap<>();
  private final List<Schema> valueSchemas = new ArrayList<>();
  private final List<String> inputNames = new ArrayList<>();
  private final List<String> allNames = new ArrayList<>();

  EventTypes() {
    for (boolean input : new boolean[] {true, false}) {
      for (CampaignTopic topic : CampaignTopic.values()) {
        if (INPUT_TOPICS.contains(topic) != input) {
          continue;
        }
        Schema value = SpecificData.get().getSchema(topic.valueClass());
        valueSchemas.add(value);
        if (isEnvelope(value)) {
          for (Schema branch : value.getFields().get(0).schema().getTypes()) {
            add(new EventType(jsonName(branch), topic, branch, value, input, eventTime(branch)));
          }
        } else {
          add(new EventType(jsonName(value), topic, value, null, input, eventTime(value)));
        }
      }
      if (input) {
        add(new EventType(ParsedEvent.TICK, null, TICK_SCHEMA, null, true, "at"));
      }
    }
  }

  private void add(EventType type) {
    if (byName.putIfAbsent(type.name(), type) == null) {
      bySchema.putIfAbsent(type.schema().getFullName(), type);
      if (type.envelope() != null) {
        bySchema.putIfAbsent(type.envelope().getFullName(), type);
      }
      allNames.add(type.name());
      if (type.input()) {
        inputNames.add(type.name());
      }
    }
  }

  private static String jsonName(Schema record) {
    return JSON_NAMES.getOrDefault(record.getFullName(), record.getName());
  }

  private static String eventTime(Schema record) {
    String field = EVENT_TIME_FIELDS.get(jsonName(record));
    return field != null && record.getField(field) != null ? field : null;
  }

  /** One field whose type is a union of records only: the JSON is the chosen record, flattened. */
  static boolean isEnvelope(Schema schema) {
    if (schema.getType() != Schema.Type.RECORD || schema.getFields().size() != 1) {
      return false;
    }
    Schema field = schema.getFields().get(0).schema();
    return field.getType() == Schema.Type.UNION
        && field.getTypes().stream().allMatch(s -> s.getType() == Schema.Type.RECORD);
  }

  EventType byName(String name) {
    return byName.get(name);
  }

  /** The type of a record: an envelope, a record inside one, or a plain value record. */
  EventType bySchema(Schema schema) {
    return bySchema.get(schema.getFullName());
  }

  /** Names accepted by {@code parse}, in the order of the topic catalogue, Tick last. */
  List<String> inputNames() {
    return inputNames;
  }

  /** Every name: those of {@link #inputNames()}, then those of the pipeline's own records. */
  List<String> allNames() {
    return allNames;
  }

  /** Every value schema of the catalogue (the roots of all generated classes). */
  Collection<Schema> valueSchemas() {
    return valueSchemas;
  }

  /**
   * The record key (docs/ARCHITECTURE.md#topics-and-keys) for a record of this type.
   *
   * @param inner the record of the type (inside the envelope when there is one)
   */
  static String keyOf(EventType type, IndexedRecord inner) {
    if (type.topic() == null) {
      return null;
    }
    switch (type.topic()) {
      case POSTS:
      case MILESTONES:
      case INCIDENTS:
      case RESPONSE_PLANS:
        return text(inner, "branchId");
      case CHANNEL_POLICIES:
        return text(inner, "branchId") + "/" + text(inner, "platform");
      case POST_DECISIONS:
        return text(inner, "postId");
      case CONFLICTS:
        // AmplifyGap has no post: the ConflictEvent schema keys it gap:milestoneId/branchId
        return inner.getSchema().getField("postId") != null
            ? text(inner, "postId")
            : "gap:" + text(inner, "milestoneId") + "/" + text(inner, "branchId");
      case NOTIFICATIONS:
      case NOTIFICATION_RECEIPTS:
        return text(inner, "notificationId");
      case INCIDENT_STATUS:
        return text(inner, "incidentId");
      case DEAD_LETTERS:
        Object key = field(inner, "key");
        if (key instanceof ByteBuffer bytes) {
          return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
        }
        return null;
      default:
        return null;
    }
  }

  private static Object field(IndexedRecord record, String name) {
    Schema.Field field = record.getSchema().getField(name);
    return field == null ? null : record.get(field.pos());
  }

  private static String text(IndexedRecord record, String name) {
    Object value = field(record, name);
    return value == null ? null : value.toString();
  }
}
