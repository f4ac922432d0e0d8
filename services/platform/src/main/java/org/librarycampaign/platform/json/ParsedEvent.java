package org.librarycampaign.platform.json;

import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * One event read from its JSON form.
 *
 * @param type the JSON {@code "type"}, e.g. {@code "PostDrafted"}, {@code "Milestone"}, {@code
 *     "Tick"}
 * @param topic where the event goes; {@code null} for a Tick
 * @param key the record key (docs/ARCHITECTURE.md#topics-and-keys): the branchId for posts,
 *     milestones, incidents and response plans ({@code "*"} for milestones and plans of every
 *     branch), {@code branchId/platform} for a channel policy; for output records the key of their
 *     topic; {@code null} for a Tick
 * @param value the topic's value record (for posts, incidents and conflicts the envelope, e.g. a
 *     PostEvent wrapping the PostDrafted); {@code null} for a Tick
 * @param eventTime the line's own time: Tick {@code at}, else the field its type names in the
 *     catalogue ({@link org.librarycampaign.platform.events.EventType#eventTimeField()}); {@code
 *     null} for a type without one
 */
public record ParsedEvent(
    String type, CampaignTopic topic, String key, SpecificRecord value, Instant eventTime) {

  /** The JSON type of the clock line of plan mode. */
  public static final String TICK = "Tick";

  public ParsedEvent {
    Objects.requireNonNull(type, "type");
  }

  /** A Tick (plan mode: advances the wall clock to {@link #eventTime()}); it has no topic. */
  public boolean isTick() {
    return TICK.equals(type);
  }

  /** A Tick at the given time. */
  public static ParsedEvent tick(Instant at) {
    return new ParsedEvent(TICK, null, null, null, Objects.requireNonNull(at, "at"));
  }
}
