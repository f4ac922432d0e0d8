package org.librarycampaign.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentResolved;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostDecision;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The catalogue against the schemas: a record added to a topic's envelope union (or a new topic)
 * without its catalogue entry fails here, not silently in the JSON reader, the OpenAPI document or
 * a processor's dispatch.
 */
class EventTypeTest {

  @Test
  void everyTopicHasExactlyTheTypesOfItsSchemaInUnionOrder() {
    for (CampaignTopic topic : CampaignTopic.values()) {
      Schema value = SpecificData.get().getSchema(topic.valueClass());
      List<String> records =
          EventType.isEnvelope(value)
              ? value.getFields().get(0).schema().getTypes().stream()
                  .map(Schema::getFullName)
                  .toList()
              : List.of(value.getFullName());

      List<String> catalogued =
          Arrays.stream(EventType.values())
              .filter(type -> type.topic() == topic)
              .map(type -> type.schema().getFullName())
              .toList();

      assertThat(catalogued).as("the event types of %s", topic).isEqualTo(records);
    }
  }

  @Test
  void everyEventTimeFieldIsAnInstantOfItsRecord() {
    for (EventType type : EventType.values()) {
      type.eventTimeField()
          .ifPresent(
              name -> {
                Schema.Field field = type.schema().getField(name);
                assertThat(field).as("%s.%s", type.jsonName(), name).isNotNull();
                assertThat(field.schema().getLogicalType())
                    .as("%s.%s", type.jsonName(), name)
                    .isEqualTo(LogicalTypes.timestampMillis());
              });
    }
  }

  @Test
  void jsonNamesAreUniqueAndTheInputsAreTheTopicsBranchSystemsWrite() {
    assertThat(Arrays.stream(EventType.values()).map(EventType::jsonName)).doesNotHaveDuplicates();
    assertThat(EventType.inputs().stream().map(EventType::topic).distinct())
        .containsExactly(
            CampaignTopic.POSTS,
            CampaignTopic.MILESTONES,
            CampaignTopic.INCIDENTS,
            CampaignTopic.CHANNEL_POLICIES,
            CampaignTopic.RESPONSE_PLANS,
            CampaignTopic.ROTATION_OVERRIDES,
            CampaignTopic.BRANCH_SETTINGS,
            CampaignTopic.OFFICIALS);
    assertThat(EventType.MILESTONE.jsonName()).isEqualTo("Milestone");
  }

  @Test
  void aRecordIsTypedThroughItsEnvelope() {
    IncidentResolved resolved =
        IncidentResolved.newBuilder()
            .setIncidentId("i1")
            .setBranchId("eastside")
            .setBy("director")
            .setAt(java.time.Instant.parse("2026-11-27T19:00:00Z"))
            .setResolution("done")
            .build();

    assertThat(EventType.of(IncidentEvent.newBuilder().setEvent(resolved).build()))
        .isEqualTo(EventType.INCIDENT_RESOLVED);
    assertThat(EventType.of(resolved)).isEqualTo(EventType.INCIDENT_RESOLVED);
    assertThat(EventType.INCIDENT_RESOLVED.keyOf(resolved)).isEqualTo("eastside");
    assertThat(EventType.MILESTONE.recordClass()).isEqualTo(MilestoneEvent.class);
    assertThat(EventType.POST_DECISION.input()).isFalse();
    assertThat(EventType.POST_DECISION.recordClass()).isEqualTo(PostDecision.class);
  }

  @Test
  void eachEnvelopesMembersAreExactlyTheCataloguesTypesOfItsTopic() {
    assertThat(Arrays.stream(EventType.Post.values()).map(EventType.Post::type).toList())
        .isEqualTo(typesOf(CampaignTopic.POSTS));
    assertThat(Arrays.stream(EventType.Incident.values()).map(EventType.Incident::type).toList())
        .isEqualTo(typesOf(CampaignTopic.INCIDENTS));

    IncidentEvent resolved =
        IncidentEvent.newBuilder()
            .setEvent(
                IncidentResolved.newBuilder()
                    .setIncidentId("i1")
                    .setBranchId("eastside")
                    .setBy("director")
                    .setAt(java.time.Instant.parse("2026-11-27T19:00:00Z"))
                    .setResolution("done")
                    .build())
            .build();
    assertThat(EventType.Incident.of(resolved)).isEqualTo(EventType.Incident.RESOLVED);
  }

  private static List<EventType> typesOf(CampaignTopic topic) {
    return Arrays.stream(EventType.values()).filter(t -> t.topic() == topic).toList();
  }
}
