package org.librarycampaign.platform.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import library.campaign.events.AmplifyGap;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.IncidentStatus;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Notification;
import library.campaign.events.Officials;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.Publication;
import library.campaign.events.ResponsePlan;
import library.campaign.events.RotationOverride;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The catalogue of event types: every record that travels on a topic, on its own (a ChannelPolicy)
 * or as one member of its topic's envelope union (a PostDrafted inside a PostEvent). For each: its
 * record class, its topic, its name in the JSON form, the field holding its own time (what moves
 * the clock of {@code campaign plan}) and its record key.
 *
 * <p>The JSON reader and writer, the ingest API's OpenAPI document and the processors' dispatch all
 * read this one list. A test over the schemas fails when a union member or a topic's value record
 * has no entry here, so adding an event type to a schema cannot be forgotten silently. Within a
 * topic the order is that of the union.
 */
public enum EventType {
  POST_DRAFTED(CampaignTopic.POSTS, PostDrafted.class, "draftedAt", Keys::branch),
  POST_WITHDRAWN(CampaignTopic.POSTS, PostWithdrawn.class, "withdrawnAt", Keys::branch),
  POST_REVIEWED(CampaignTopic.POSTS, PostReviewed.class, "reviewedAt", Keys::branch),
  MILESTONE(CampaignTopic.MILESTONES, MilestoneEvent.class, "Milestone", null, Keys::branch),
  INCIDENT_REPORTED(CampaignTopic.INCIDENTS, IncidentReported.class, "reportedAt", Keys::branch),
  INCIDENT_ACKNOWLEDGED(CampaignTopic.INCIDENTS, IncidentAcknowledged.class, "at", Keys::branch),
  INCIDENT_RESOLVED(CampaignTopic.INCIDENTS, IncidentResolved.class, "at", Keys::branch),
  INCIDENT_ESCALATION_REQUESTED(
      CampaignTopic.INCIDENTS, IncidentEscalationRequested.class, "at", Keys::branch),
  CHANNEL_POLICY(CampaignTopic.CHANNEL_POLICIES, ChannelPolicy.class, null, Keys::channel),
  RESPONSE_PLAN(CampaignTopic.RESPONSE_PLANS, ResponsePlan.class, null, Keys::branch),
  /** Keyed by plan, rotation and override: branchId/rotationId/overrideId. */
  ROTATION_OVERRIDE(
      CampaignTopic.ROTATION_OVERRIDES, RotationOverride.class, null, Keys::rotationOverride),
  BRANCH_SETTINGS(CampaignTopic.BRANCH_SETTINGS, BranchSettings.class, null, Keys::branch),
  /** A branch's directory of officials, or * for every branch without one. */
  OFFICIALS(CampaignTopic.OFFICIALS, Officials.class, null, Keys::branch),
  POST_DECISION(CampaignTopic.POST_DECISIONS, PostDecision.class, null, Keys::post),
  CONFLICT_DETECTED(CampaignTopic.CONFLICTS, ConflictDetected.class, null, Keys::post),
  CONFLICT_CLEARED(CampaignTopic.CONFLICTS, ConflictCleared.class, null, Keys::post),
  /** The ConflictEvent schema keys a gap, which has no post, gap:milestoneId/branchId. */
  AMPLIFY_GAP(CampaignTopic.CONFLICTS, AmplifyGap.class, null, Keys::gap),
  NOTIFICATION(CampaignTopic.NOTIFICATIONS, Notification.class, null, Keys::notification),
  DELIVERY_RECEIPT(
      CampaignTopic.NOTIFICATION_RECEIPTS, DeliveryReceipt.class, null, Keys::notification),
  INCIDENT_STATUS(CampaignTopic.INCIDENT_STATUS, IncidentStatus.class, null, Keys::incident),
  PUBLICATION(CampaignTopic.PUBLICATIONS, Publication.class, null, Keys::post),
  /** A dead letter's key is the original record's, read as UTF-8. */
  DEAD_LETTER(CampaignTopic.DEAD_LETTERS, DeadLetter.class, null, Keys::original);

  /** The topics branch systems write to. */
  private static final Set<CampaignTopic> INPUT_TOPICS =
      EnumSet.of(
          CampaignTopic.POSTS,
          CampaignTopic.MILESTONES,
          CampaignTopic.INCIDENTS,
          CampaignTopic.CHANNEL_POLICIES,
          CampaignTopic.RESPONSE_PLANS,
          CampaignTopic.ROTATION_OVERRIDES,
          CampaignTopic.BRANCH_SETTINGS,
          CampaignTopic.OFFICIALS);

  private static final Map<Class<?>, EventType> BY_CLASS =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::recordClass, t -> t));

  private final CampaignTopic topic;
  private final Class<? extends SpecificRecord> recordClass;
  private final String jsonName;
  private final String eventTimeField;
  private final Function<IndexedRecord, String> key;

  EventType(
      CampaignTopic topic,
      Class<? extends SpecificRecord> recordClass,
      String eventTimeField,
      Function<IndexedRecord, String> key) {
    this(topic, recordClass, recordClass.getSimpleName(), eventTimeField, key);
  }

  EventType(
      CampaignTopic topic,
      Class<? extends SpecificRecord> recordClass,
      String jsonName,
      String eventTimeField,
      Function<IndexedRecord, String> key) {
    this.topic = topic;
    this.recordClass = recordClass;
    this.jsonName = jsonName;
    this.eventTimeField = eventTimeField;
    this.key = key;
  }

  public CampaignTopic topic() {
    return topic;
  }

  /** The record of the type itself: inside the envelope when its topic has one. */
  public Class<? extends SpecificRecord> recordClass() {
    return recordClass;
  }

  public Schema schema() {
    return SpecificData.get().getSchema(recordClass);
  }

  /** The {@code "type"} of the JSON form. */
  public String jsonName() {
    return jsonName;
  }

  /** The field holding the event's own time, if it has one. */
  public Optional<String> eventTimeField() {
    return Optional.ofNullable(eventTimeField);
  }

  /**
   * Sent in by branch systems (and accepted by the ingest API), rather than written by the
   * pipeline.
   */
  public boolean input() {
    return INPUT_TOPICS.contains(topic);
  }

  /**
   * The record key on its topic.
   *
   * @param record a record of this type (inside the envelope when there is one)
   */
  public String keyOf(IndexedRecord record) {
    return key.apply(record);
  }

  /** The types branch systems send in, in catalogue order. */
  public static List<EventType> inputs() {
    return Arrays.stream(values()).filter(EventType::input).toList();
  }

  /**
   * The type of a record: a topic envelope (by the record it holds) or the record itself.
   *
   * @throws IllegalArgumentException for a record that is not in the catalogue, or an envelope
   *     without its record
   */
  public static EventType of(SpecificRecord record) {
    SpecificRecord body = record;
    if (isEnvelope(record.getSchema()) && record.get(0) instanceof SpecificRecord inner) {
      body = inner;
    }
    EventType type = BY_CLASS.get(body.getClass());
    if (type == null) {
      throw new IllegalArgumentException(
          "not an event type of the catalogue: " + body.getSchema().getFullName());
    }
    return type;
  }

  /**
   * The members of {@code campaign.posts}' envelope, so that a reader of the topic switches over
   * only these, exhaustively. {@code EventTypeTest} checks that they are exactly the catalogue's
   * types of the topic.
   */
  public enum Post {
    DRAFTED(POST_DRAFTED),
    WITHDRAWN(POST_WITHDRAWN),
    REVIEWED(POST_REVIEWED);

    private final EventType type;

    Post(EventType type) {
      this.type = type;
    }

    public EventType type() {
      return type;
    }

    public static Post of(PostEvent envelope) {
      return member(Post.class, EventType.of(envelope), Post::type);
    }
  }

  /**
   * The members of {@code campaign.incidents}' envelope, so that a reader of the topic switches
   * over only these, exhaustively. {@code EventTypeTest} checks that they are exactly the
   * catalogue's types of the topic.
   */
  public enum Incident {
    REPORTED(INCIDENT_REPORTED),
    ACKNOWLEDGED(INCIDENT_ACKNOWLEDGED),
    RESOLVED(INCIDENT_RESOLVED),
    ESCALATION_REQUESTED(INCIDENT_ESCALATION_REQUESTED);

    private final EventType type;

    Incident(EventType type) {
      this.type = type;
    }

    public EventType type() {
      return type;
    }

    public static Incident of(IncidentEvent envelope) {
      return member(Incident.class, EventType.of(envelope), Incident::type);
    }
  }

  private static <M extends Enum<M>> M member(
      Class<M> members, EventType type, Function<M, EventType> typeOf) {
    for (M member : members.getEnumConstants()) {
      if (typeOf.apply(member) == type) {
        return member;
      }
    }
    throw new IllegalArgumentException("not a member of " + members.getSimpleName() + ": " + type);
  }

  /** One field whose type is a union of records only: the envelope of a topic's event types. */
  public static boolean isEnvelope(Schema schema) {
    if (schema.getType() != Schema.Type.RECORD || schema.getFields().size() != 1) {
      return false;
    }
    Schema field = schema.getFields().get(0).schema();
    return field.getType() == Schema.Type.UNION
        && field.getTypes().stream().allMatch(s -> s.getType() == Schema.Type.RECORD);
  }

  /** The record keys of the topics, as {@link CampaignTopic} describes them. */
  private static final class Keys {
    private Keys() {}

    static String branch(IndexedRecord record) {
      return text(record, "branchId");
    }

    static String channel(IndexedRecord record) {
      return text(record, "branchId") + "/" + text(record, "platform");
    }

    static String post(IndexedRecord record) {
      return text(record, "postId");
    }

    static String gap(IndexedRecord record) {
      return "gap:" + text(record, "milestoneId") + "/" + text(record, "branchId");
    }

    static String rotationOverride(IndexedRecord record) {
      return text(record, "branchId")
          + "/"
          + text(record, "rotationId")
          + "/"
          + text(record, "overrideId");
    }

    static String notification(IndexedRecord record) {
      return text(record, "notificationId");
    }

    static String incident(IndexedRecord record) {
      return text(record, "incidentId");
    }

    static String original(IndexedRecord record) {
      return field(record, "key") instanceof ByteBuffer bytes
          ? StandardCharsets.UTF_8.decode(bytes.duplicate()).toString()
          : null;
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
}
