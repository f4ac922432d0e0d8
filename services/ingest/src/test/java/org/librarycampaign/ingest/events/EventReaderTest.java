package org.librarycampaign.ingest.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.junit.jupiter.api.Test;
import org.librarycampaign.ingest.Samples;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.topics.CampaignTopic;

class EventReaderTest {

  private final EventReader reader = new EventReader(new EventJson());

  @Test
  void readsOneEventWithItsTopicKeyAndId() throws RejectedEventsException {
    List<IncomingEvent> events = reader.readEvents(bytes(Samples.POST_DRAFTED));

    assertThat(events).hasSize(1);
    IncomingEvent event = events.get(0);
    assertThat(event.type()).isEqualTo("PostDrafted");
    assertThat(event.event().topic()).isEqualTo(CampaignTopic.POSTS);
    assertThat(event.event().key()).isEqualTo("eastside");
    assertThat(event.id()).isEqualTo("p1");
    assertThat(event.revision()).contains(1);
    assertThat(event.branchId()).isEqualTo("eastside");
  }

  @Test
  void readsAnArrayInOrder() throws RejectedEventsException {
    List<IncomingEvent> events =
        reader.readEvents(
            bytes(
                "["
                    + Samples.CHANNEL_POLICY
                    + ","
                    + Samples.RESPONSE_PLAN
                    + ","
                    + Samples.MILESTONE
                    + "]"));

    assertThat(events)
        .extracting(IncomingEvent::type)
        .containsExactly("ChannelPolicy", "ResponsePlan", "Milestone");
    assertThat(events)
        .extracting(IncomingEvent::id)
        .containsExactly("eastside/FACEBOOK", "*", "m1");
    assertThat(events).extracting(IncomingEvent::at).containsExactly("[0]", "[1]", "[2]");
  }

  @Test
  void namesEveryBadFieldOfEveryEventOfAnArray() {
    String badPost =
        Samples.with(Samples.POST_DRAFTED, Map.of("platform", "MYSPACE", "revision", 0));
    String badIncident =
        Samples.with(
            Samples.INCIDENT_REPORTED, java.util.Collections.singletonMap("summary", null));

    List<FieldError> errors =
        rejected("[" + Samples.MILESTONE + "," + badPost + ",42," + badIncident + "]");

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("[1].revision", "[1].platform", "[2]", "[3].summary");
    assertThat(errors.get(2).message()).isEqualTo("expected an event object");
    assertThat(errors.get(3).message()).isEqualTo("required");
  }

  @Test
  void refusesIdsOutsideThePatternAndTextsThatAreNotUnicode() {
    String post =
        Samples.POST_DRAFTED
            .replace("\"postId\":\"p1\"", "\"postId\":\"*\"")
            .replace("\"campaignId\":\"budget-2027\"", "\"campaignId\":\"budget\\u200b2027\"")
            .replace("Come to the budget hearing!", "Come \\ud800 to the hearing!");

    List<FieldError> errors = rejected(post);

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("postId", "campaignId", "text");
    assertThat(errors.get(0).message()).startsWith("must match [A-Za-z0-9._:-]{1,128}");
    assertThat(errors.get(2).message())
        .isEqualTo("not valid Unicode: a lone surrogate \\ud800 at character 6");
  }

  @Test
  void refusesWhatIsNotAnEventOrAnArrayOfThem() {
    assertThat(rejected("")).containsExactly(new FieldError("$", "the body is empty; send JSON"));
    assertThat(rejected("[]"))
        .containsExactly(new FieldError("$", "an empty array; send at least one event"));
    assertThat(rejected("\"PostDrafted\""))
        .containsExactly(new FieldError("$", "expected an event object or an array of them"));
    assertThat(rejected("{\"type\":\"PostDrafted\""))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("not JSON: "));
    assertThat(rejected(Samples.MILESTONE + " {}"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("not JSON: "));
  }

  @Test
  void refusesDuplicateMembers() {
    assertThat(rejected(Samples.MILESTONE.replace("{\"type\"", "{\"title\":\"x\",\"type\"")))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Duplicate field 'title'"));
  }

  @Test
  void refusesATick() {
    assertThat(
            rejected(
                "[" + Samples.MILESTONE + ",{\"type\":\"Tick\",\"at\":\"2026-12-01T00:00:00Z\"}]"))
        .containsExactly(
            new FieldError(
                "[1].type", "Tick only drives the clock of campaign plan; it cannot be sent in"));
  }

  @Test
  void refusesOutputTypes() {
    assertThat(rejected(Samples.POST_DECISION))
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("type"));
  }

  @Test
  void aRouteForOneTypeFillsInTheTypeAndWhatThePathSays() throws RejectedEventsException {
    String body =
        Samples.with(Samples.POST_WITHDRAWN, java.util.Collections.singletonMap("postId", null));
    body = Samples.with(body, java.util.Collections.singletonMap("type", null));

    IncomingEvent event = reader.readOne(bytes(body), "PostWithdrawn", Map.of("postId", "p9"));

    PostEvent value = (PostEvent) event.event().value();
    assertThat(((PostWithdrawn) value.getEvent()).getPostId()).isEqualTo("p9");
    assertThat(event.id()).isEqualTo("p9");
  }

  @Test
  void aRouteForOneTypeRefusesABodyThatContradictsThePath() {
    List<FieldError> errors =
        catchThrowableOfType(
                () ->
                    reader.readOne(
                        bytes(Samples.with(Samples.CHANNEL_POLICY, Map.of("zone", "Mars/Olympus"))),
                        "ChannelPolicy",
                        Map.of("branchId", "westside", "platform", "FACEBOOK")),
                RejectedEventsException.class)
            .errors();

    assertThat(errors).extracting(FieldError::field).containsExactly("branchId", "zone");
    assertThat(errors.get(0).message())
        .isEqualTo("does not match the path, which says \"westside\"");
  }

  @Test
  void aRouteForOneTypeRefusesAnotherType() {
    List<FieldError> errors =
        catchThrowableOfType(
                () -> reader.readOne(bytes(Samples.POST_WITHDRAWN), "PostDrafted", Map.of()),
                RejectedEventsException.class)
            .errors();

    assertThat(errors.get(0))
        .isEqualTo(
            new FieldError(
                "type", "this route takes PostDrafted events; send others to POST /v1/events"));
  }

  @Test
  void aRouteForOneTypeTakesOneObjectOnly() {
    List<FieldError> errors =
        catchThrowableOfType(
                () ->
                    reader.readOne(
                        bytes("[" + Samples.POST_DRAFTED + "]"), "PostDrafted", Map.of()),
                RejectedEventsException.class)
            .errors();

    assertThat(errors).containsExactly(new FieldError("$", "expected one PostDrafted object"));
  }

  private List<FieldError> rejected(String body) {
    return catchThrowableOfType(() -> reader.readEvents(bytes(body)), RejectedEventsException.class)
        .errors();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
