package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionStatus;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import library.campaign.events.ReviewAction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.librarycampaign.platform.json.EventJson;

/**
 * {@code POST /v1/posts/{postId}/review} against the real broker: who may review, the field errors
 * of a review, and the audit trail in {@code GET /v1/posts/{postId}/decision}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewRouteIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  private final EventJson json = new EventJson();
  private IngestHarness ingest;

  @BeforeAll
  void start() {
    ingest = IngestHarness.start("ingest-review", Map.of());
  }

  @AfterAll
  void stop() {
    ingest.close();
  }

  @Test
  void theBranchsReviewerAndTheAdminReviewAndThePostIdComesFromThePath() throws Exception {
    for (String token : List.of(IngestHarness.EASTSIDE_REVIEWER, IngestHarness.ADMIN)) {
      String postId = uniqueId();
      ObjectNode body = review();
      body.remove("type");
      body.remove("postId");

      HttpResponse<String> response = ingest.post(path(postId), token, body.toString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      JsonNode written = MAPPER.readTree(response.body()).at("/events/0");
      assertThat(written.get("type").asText()).isEqualTo("PostReviewed");
      assertThat(written.get("id").asText()).isEqualTo(postId);
      ObjectNode expected = review();
      expected.put("postId", postId);
      ConsumerRecord<String, PostEvent> record =
          ingest.records(ingest.topics().posts()).stream()
              .filter(
                  r ->
                      r.partition() == written.get("partition").asInt()
                          && r.offset() == written.get("offset").asLong())
              .findFirst()
              .orElseThrow();
      assertThat(record.key()).isEqualTo("eastside");
      assertThat(record.value()).isEqualTo(json.parse(expected.toString()).value());
    }
  }

  @Test
  void aBranchTokenMayNotReviewNorAReviewerAnotherBranch() throws Exception {
    long before = ingest.inputEndOffsets();
    ObjectNode westside = review();
    westside.put("branchId", "westside");

    HttpResponse<String> branch =
        ingest.post(path("p1"), IngestHarness.EASTSIDE, review().toString());
    HttpResponse<String> otherBranch =
        ingest.post(path("p1"), IngestHarness.EASTSIDE_REVIEWER, westside.toString());
    HttpResponse<String> westsideBranch =
        ingest.post(path("p1"), IngestHarness.WESTSIDE, westside.toString());

    assertThat(branch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(branch))
        .containsExactly(
            Map.entry(
                "branchId", "PostReviewed needs the admin token or the branch's reviewer token"));
    assertThat(otherBranch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(otherBranch))
        .containsExactly(Map.entry("branchId", "this token writes only for branch \"eastside\""));
    assertThat(westsideBranch.statusCode()).isEqualTo(403);
    // nothing goes through /v1/events either
    HttpResponse<String> events =
        ingest.post("/v1/events", IngestHarness.EASTSIDE, review().toString());
    assertThat(events.statusCode()).isEqualTo(403);
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void aReviewWithAMissingOrWrongFieldIsRefusedNamingEachField() throws Exception {
    long before = ingest.inputEndOffsets();
    ObjectNode reschedule = review();
    reschedule.put("action", "RESCHEDULE");
    ObjectNode unknown = review();
    unknown.put("action", "PUBLISH");
    ObjectNode noReason = review();
    noReason.remove("reason");
    ObjectNode approveWithTime = review();
    approveWithTime.put("action", "APPROVE");
    approveWithTime.put("scheduledAt", "2026-12-02T15:00:00Z");
    ObjectNode noReviewer = review();
    noReviewer.remove("reviewer");

    assertThat(refusal(reschedule))
        .containsExactly(
            Map.entry("scheduledAt", "RESCHEDULE needs the new time the post is to go out"));
    assertThat(refusal(unknown))
        .containsExactly(
            Map.entry("action", "must be one of APPROVE, REJECT, RESCHEDULE, UNKNOWN"));
    assertThat(refusal(noReason))
        .containsExactly(
            Map.entry("reason", "a rejection needs a reason for the branch and the audit trail"));
    assertThat(refusal(approveWithTime))
        .containsExactly(
            Map.entry(
                "scheduledAt", "only a RESCHEDULE has a new time; leave this out for APPROVE"));
    assertThat(refusal(noReviewer)).containsExactly(Map.entry("reviewer", "required"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void theDecisionShowsItsAuditTrail() throws Exception {
    String postId = uniqueId();
    DecisionReview approval =
        DecisionReview.newBuilder()
            .setRevision(1)
            .setAction(ReviewAction.APPROVE)
            .setReviewer("ana")
            .setReason("Board agreed")
            .setAt(Instant.parse("2026-11-28T09:00:00Z"))
            .build();
    PostDecision sample = (PostDecision) json.parseAny(Samples.POST_DECISION).value();
    PostDecision approved =
        PostDecision.newBuilder(sample)
            .setPostId(postId)
            .setRevision(1)
            .setStatus(DecisionStatus.APPROVED)
            .setReasons(List.of())
            .setOverride(
                DecisionOverride.newBuilder()
                    .setReviewer("ana")
                    .setReason("Board agreed")
                    .setAt(Instant.parse("2026-11-28T09:00:00Z"))
                    .build())
            .setReviews(List.of(approval))
            .setReview(approval)
            .build();
    ingest.produce(ingest.topics().postDecisions(), postId, approved);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ingest.get("/v1/posts/" + postId + "/decision", IngestHarness.EASTSIDE).statusCode()
                    == 200);
    JsonNode body =
        MAPPER.readTree(
            ingest.get("/v1/posts/" + postId + "/decision", IngestHarness.EASTSIDE).body());

    assertThat(body.at("/status").asText()).isEqualTo("APPROVED");
    assertThat(body.at("/override").toString())
        .isEqualTo(
            "{\"reviewer\":\"ana\",\"reason\":\"Board agreed\",\"at\":\"2026-11-28T09:00:00Z\"}");
    assertThat(body.at("/reviews/0/action").asText()).isEqualTo("APPROVE");
    assertThat(body.at("/review/reviewer").asText()).isEqualTo("ana");
  }

  private List<Map.Entry<String, String>> refusal(ObjectNode body) throws Exception {
    HttpResponse<String> response =
        ingest.post(path("p1"), IngestHarness.EASTSIDE_REVIEWER, body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return fieldErrors(response);
  }

  /** Eastside's REJECT of p1, revision 1. */
  private static ObjectNode review() {
    return Samples.object(Samples.POST_REVIEWED);
  }

  private static String path(String postId) {
    return "/v1/posts/" + postId + "/review";
  }

  private static String uniqueId() {
    return "reviewed-" + IDS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static List<Map.Entry<String, String>> fieldErrors(HttpResponse<String> response)
      throws Exception {
    JsonNode errors = MAPPER.readTree(response.body());
    assertThat(errors.isArray()).as(response.body()).isTrue();
    return StreamSupport.stream(errors.spliterator(), false)
        .map(e -> Map.entry(e.get("field").asText(), e.get("message").asText()))
        .toList();
  }
}
