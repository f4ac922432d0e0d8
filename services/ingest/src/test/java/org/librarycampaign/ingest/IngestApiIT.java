package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.DecisionStatus;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Officials;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import library.campaign.events.ResponsePlan;
import library.campaign.events.Severity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.topics.Topic;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestApiIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  private final EventJson json = new EventJson();
  private IngestHarness ingest;

  @BeforeAll
  void start() {
    ingest = IngestHarness.start("ingest-api", Map.of());
  }

  @AfterAll
  void stop() {
    ingest.close();
  }

  // --- the write routes

  @Test
  void postsWritesAPostDraftedKeyedByBranchAndAnswersWhereItWent() throws Exception {
    String postId = uniqueId("post");
    String body = Samples.with(Samples.POST_DRAFTED, changes("type", null, "postId", postId));

    HttpResponse<String> response = ingest.post("/v1/posts", IngestHarness.EASTSIDE, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = MAPPER.readTree(response.body());
    assertThat(answer.get("accepted").asInt()).isEqualTo(1);
    JsonNode event = answer.at("/events/0");
    assertThat(event.get("type").asText()).isEqualTo("PostDrafted");
    assertThat(event.get("id").asText()).isEqualTo(postId);
    assertThat(event.get("revision").asInt()).isEqualTo(1);
    assertThat(event.get("branchId").asText()).isEqualTo("eastside");
    assertThat(event.get("topic").asText()).isEqualTo(ingest.topics().posts().name());
    ConsumerRecord<String, PostEvent> record = recordAt(ingest.topics().posts(), event);
    assertThat(record.key()).isEqualTo("eastside");
    assertThat(record.value())
        .isEqualTo(expected(Samples.with(Samples.POST_DRAFTED, changes("postId", postId))));
  }

  @Test
  void eventsWritesAnArrayInItsOrder() throws Exception {
    String postId = uniqueId("post");
    String milestoneId = uniqueId("milestone");
    String incidentId = uniqueId("incident");
    List<String> sent =
        List.of(
            Samples.with(Samples.POST_DRAFTED, changes("postId", postId)),
            Samples.with(Samples.MILESTONE, changes("milestoneId", milestoneId)),
            Samples.with(Samples.INCIDENT_REPORTED, changes("incidentId", incidentId)));

    HttpResponse<String> response =
        ingest.post("/v1/events", IngestHarness.EASTSIDE, "[" + String.join(",", sent) + "]");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode events = MAPPER.readTree(response.body()).get("events");
    assertThat(events)
        .extracting(e -> e.get("id").asText())
        .containsExactly(postId, milestoneId, incidentId);
    assertThat(recordAt(ingest.topics().posts(), events.get(0)).value())
        .isEqualTo(expected(sent.get(0)));
    ConsumerRecord<String, MilestoneEvent> milestone =
        recordAt(ingest.topics().milestones(), events.get(1));
    assertThat(milestone.key()).isEqualTo("eastside");
    assertThat(milestone.value()).isEqualTo(expected(sent.get(1)));
    assertThat(recordAt(ingest.topics().incidents(), events.get(2)).value())
        .isEqualTo(expected(sent.get(2)));
  }

  @Test
  void withdrawTakesThePostIdFromThePath() throws Exception {
    String postId = uniqueId("post");
    String body = Samples.with(Samples.POST_WITHDRAWN, changes("type", null, "postId", null));

    HttpResponse<String> response =
        ingest.post("/v1/posts/" + postId + "/withdraw", IngestHarness.EASTSIDE, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode event = MAPPER.readTree(response.body()).at("/events/0");
    assertThat(recordAt(ingest.topics().posts(), event).value())
        .isEqualTo(expected(Samples.with(Samples.POST_WITHDRAWN, changes("postId", postId))));
  }

  @Test
  void milestonesWritesAMilestoneAndOnlyTheAdminAddressesEveryBranch() throws Exception {
    String own = Samples.with(Samples.MILESTONE, changes("milestoneId", uniqueId("milestone")));
    String everyBranch =
        Samples.with(
            Samples.MILESTONE, changes("milestoneId", uniqueId("milestone"), "branchId", "*"));

    HttpResponse<String> branchOwn = ingest.post("/v1/milestones", IngestHarness.EASTSIDE, own);
    assertThat(branchOwn.statusCode()).as(branchOwn.body()).isEqualTo(202);
    assertThat(
            recordAt(
                    ingest.topics().milestones(), MAPPER.readTree(branchOwn.body()).at("/events/0"))
                .value())
        .isEqualTo(expected(own));

    long before = ingest.inputEndOffsets();
    HttpResponse<String> branchEvery =
        ingest.post("/v1/milestones", IngestHarness.EASTSIDE, everyBranch);
    assertThat(branchEvery.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(branchEvery))
        .containsExactly(
            Map.entry("branchId", "events for every branch (\"*\") need the admin token"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    HttpResponse<String> admin = ingest.post("/v1/milestones", IngestHarness.ADMIN, everyBranch);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(202);
    ConsumerRecord<String, MilestoneEvent> record =
        recordAt(ingest.topics().milestones(), MAPPER.readTree(admin.body()).at("/events/0"));
    assertThat(record.key()).isEqualTo("*");
    assertThat(record.value()).isEqualTo(expected(everyBranch));
  }

  @Test
  void incidentsAreReportedAcknowledgedAndResolved() throws Exception {
    String incidentId = uniqueId("incident");
    HttpResponse<String> reported =
        ingest.post(
            "/v1/incidents",
            IngestHarness.EASTSIDE,
            Samples.with(Samples.INCIDENT_REPORTED, changes("incidentId", incidentId)));
    HttpResponse<String> acknowledged =
        ingest.post(
            "/v1/incidents/" + incidentId + "/ack",
            IngestHarness.EASTSIDE,
            Samples.with(Samples.INCIDENT_ACKNOWLEDGED, changes("type", null, "incidentId", null)));
    HttpResponse<String> resolved =
        ingest.post(
            "/v1/incidents/" + incidentId + "/resolve",
            IngestHarness.EASTSIDE,
            Samples.with(Samples.INCIDENT_RESOLVED, changes("incidentId", incidentId)));

    for (HttpResponse<String> response : List.of(reported, acknowledged, resolved)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
    Topic<String, IncidentEvent> incidents = ingest.topics().incidents();
    assertThat(recordAt(incidents, MAPPER.readTree(reported.body()).at("/events/0")).value())
        .isEqualTo(
            expected(Samples.with(Samples.INCIDENT_REPORTED, changes("incidentId", incidentId))));
    assertThat(recordAt(incidents, MAPPER.readTree(acknowledged.body()).at("/events/0")).value())
        .isEqualTo(
            expected(
                Samples.with(Samples.INCIDENT_ACKNOWLEDGED, changes("incidentId", incidentId))));
    assertThat(recordAt(incidents, MAPPER.readTree(resolved.body()).at("/events/0")).value())
        .isEqualTo(
            expected(Samples.with(Samples.INCIDENT_RESOLVED, changes("incidentId", incidentId))));
  }

  @Test
  void channelPoliciesAreForTheAdminOnlyAndKeyedByChannel() throws Exception {
    String body = Samples.with(Samples.CHANNEL_POLICY, changes("branchId", null, "platform", null));
    long before = ingest.inputEndOffsets();

    HttpResponse<String> branch =
        ingest.put("/v1/channels/eastside/FACEBOOK/policy", IngestHarness.EASTSIDE, body);

    assertThat(branch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(branch))
        .containsExactly(Map.entry("$", "ChannelPolicy events need the admin token"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    HttpResponse<String> admin =
        ingest.put("/v1/channels/eastside/FACEBOOK/policy", IngestHarness.ADMIN, body);

    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(202);
    JsonNode event = MAPPER.readTree(admin.body()).at("/events/0");
    assertThat(event.get("id").asText()).isEqualTo("eastside/FACEBOOK");
    ConsumerRecord<String, ChannelPolicy> record =
        recordAt(ingest.topics().channelPolicies(), event);
    assertThat(record.key()).isEqualTo("eastside/FACEBOOK");
    assertThat(record.value()).isEqualTo(expected(Samples.CHANNEL_POLICY));
  }

  @Test
  void aPolicysSpacingAndWeeklyCeilingOutOfRangeAreRefusedFieldByField() throws Exception {
    long before = ingest.inputEndOffsets();
    String body =
        Samples.with(
            Samples.CHANNEL_POLICY,
            changes(
                "branchId",
                null,
                "platform",
                null,
                "minMinutesBetweenPosts",
                -5,
                "maxCampaignPostsPerWeek",
                1000));

    HttpResponse<String> refused =
        ingest.put("/v1/channels/eastside/FACEBOOK/policy", IngestHarness.ADMIN, body);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(fieldErrors(refused))
        .containsExactly(
            Map.entry(
                "minMinutesBetweenPosts",
                "must be from 0 to 1440 minutes (a day); 0 or left out: no spacing"),
            Map.entry(
                "maxCampaignPostsPerWeek",
                "must be from 1 to 100 campaign posts a week; left out: no ceiling"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void responsePlansAreForTheAdminOnlyAndMayBeForEveryBranch() throws Exception {
    String body = Samples.with(Samples.RESPONSE_PLAN, changes("branchId", null));

    HttpResponse<String> branch =
        ingest.put("/v1/response-plans/eastside", IngestHarness.EASTSIDE, body);
    HttpResponse<String> everyBranch =
        ingest.put("/v1/response-plans/*", IngestHarness.ADMIN, body);
    HttpResponse<String> encoded = ingest.put("/v1/response-plans/%2A", IngestHarness.ADMIN, body);

    assertThat(branch.statusCode()).isEqualTo(403);
    assertThat(everyBranch.statusCode()).as(everyBranch.body()).isEqualTo(202);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(202);
    ConsumerRecord<String, ResponsePlan> record =
        recordAt(
            ingest.topics().responsePlans(), MAPPER.readTree(everyBranch.body()).at("/events/0"));
    assertThat(record.key()).isEqualTo("*");
    assertThat(record.value()).isEqualTo(expected(Samples.RESPONSE_PLAN));
    assertThat(
            recordAt(
                    ingest.topics().responsePlans(),
                    MAPPER.readTree(encoded.body()).at("/events/0"))
                .key())
        .isEqualTo("*");
  }

  @Test
  void branchSettingsAreForTheAdminOnlyAndNameABadZoneOrWindowField() throws Exception {
    String body = Samples.with(Samples.BRANCH_SETTINGS, changes("branchId", null));
    String badZone =
        Samples.with(Samples.BRANCH_SETTINGS, changes("branchId", null, "zone", "Chicago"));
    String badWindow =
        Samples.with(
            Samples.BRANCH_SETTINGS,
            changes(
                "branchId",
                null,
                "postingWindow",
                Map.of("from", "21:00", "to", "8 pm"),
                "reportContacts",
                List.of("nobody")));
    long before = ingest.inputEndOffsets();

    HttpResponse<String> branch =
        ingest.put("/v1/branches/eastside/settings", IngestHarness.EASTSIDE, body);
    HttpResponse<String> zone =
        ingest.put("/v1/branches/eastside/settings", IngestHarness.ADMIN, badZone);
    HttpResponse<String> window =
        ingest.put("/v1/branches/eastside/settings", IngestHarness.ADMIN, badWindow);

    assertThat(branch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(branch))
        .containsExactly(Map.entry("$", "BranchSettings events need the admin token"));
    assertThat(zone.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(zone))
        .containsExactly(
            Map.entry(
                "zone",
                "not a time zone; use a name such as America/Chicago, Europe/London or UTC"));
    assertThat(window.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(window))
        .containsExactlyInAnyOrder(
            Map.entry("reportContacts[0]", "an e-mail address must look like name@library.org"),
            Map.entry("postingWindow.to", "must be a 24-hour local time HH:mm such as 09:00"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    HttpResponse<String> everyBranch =
        ingest.put("/v1/branches/*/settings", IngestHarness.ADMIN, body);

    assertThat(everyBranch.statusCode()).as(everyBranch.body()).isEqualTo(202);
    ConsumerRecord<String, BranchSettings> record =
        recordAt(
            ingest.topics().branchSettings(), MAPPER.readTree(everyBranch.body()).at("/events/0"));
    assertThat(record.key()).isEqualTo("*");
    assertThat(record.value())
        .isEqualTo(
            BranchSettings.newBuilder((BranchSettings) expected(Samples.BRANCH_SETTINGS))
                .setBranchId("*")
                .build());
  }

  @Test
  void officialsAreForTheAdminOnlyAndMayBeForEveryBranch() throws Exception {
    long before = ingest.inputEndOffsets();
    String body = Samples.with(Samples.OFFICIALS, changes("branchId", null, "type", null));

    HttpResponse<String> branch =
        ingest.put("/v1/officials/eastside", IngestHarness.EASTSIDE, body);
    assertThat(branch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(branch))
        .containsExactly(Map.entry("$", "Officials events need the admin token"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    HttpResponse<String> own = ingest.put("/v1/officials/eastside", IngestHarness.ADMIN, body);
    HttpResponse<String> everyBranch = ingest.put("/v1/officials/*", IngestHarness.ADMIN, body);

    assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
    assertThat(everyBranch.statusCode()).as(everyBranch.body()).isEqualTo(202);
    ConsumerRecord<String, Officials> record =
        recordAt(ingest.topics().officials(), MAPPER.readTree(own.body()).at("/events/0"));
    assertThat(record.key()).isEqualTo("eastside");
    assertThat(record.value()).isEqualTo(expected(Samples.OFFICIALS));
    ConsumerRecord<String, Officials> every =
        recordAt(ingest.topics().officials(), MAPPER.readTree(everyBranch.body()).at("/events/0"));
    assertThat(every.key()).isEqualTo("*");
    assertThat(every.value().getBranchId()).isEqualTo("*");
  }

  @Test
  void aDirectoryOfOfficialsWithBadFieldsIsRefusedFieldByField() throws Exception {
    long before = ingest.inputEndOffsets();
    String bad =
        """
        {"officials":[{"name":"Dana Reyes","office":"","handles":{"TWITTER":"@CountyExec",\
        "FACEBOOK":"county exec"}},{"office":"Board Chair"}]}""";

    HttpResponse<String> response = ingest.put("/v1/officials/eastside", IngestHarness.ADMIN, bad);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(fieldErrors(response).stream().map(Map.Entry::getKey))
        .containsExactlyInAnyOrder(
            "officials[0].office",
            "officials[0].handles.TWITTER",
            "officials[0].handles.FACEBOOK",
            "officials[1].name");
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  // --- auth

  @Test
  void withoutATokenOrWithAnUnknownOneNothingIsWritten() throws Exception {
    long before = ingest.inputEndOffsets();

    HttpResponse<String> none =
        ingest.send("POST", "/v1/events", null, "application/json", bytes(Samples.MILESTONE));
    HttpResponse<String> unknown =
        ingest.post("/v1/events", "not-a-token-of-this-system", Samples.MILESTONE);
    HttpResponse<String> hashAsToken =
        ingest.post(
            "/v1/events",
            org.librarycampaign.ingest.auth.TokenRegistry.hashed(IngestHarness.EASTSIDE),
            Samples.MILESTONE);
    HttpResponse<String> basic =
        ingest.send(
            HttpRequest.newBuilder(ingest.uri("/v1/events"))
                .header("Authorization", "Basic " + IngestHarness.ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.MILESTONE))
                .build());

    for (HttpResponse<String> response : List.of(none, unknown, hashAsToken, basic)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(MAPPER.readTree(response.body()).get("error").asText()).isEqualTo("unauthorized");
    }
    assertThat(MAPPER.readTree(none.body()).get("message").asText())
        .isEqualTo("send a token as 'Authorization: Bearer <token>'");
    assertThat(ingest.get("/v1/posts/p1/decision", null).statusCode()).isEqualTo(401);
    assertThat(ingest.get("/v1/posts/p1/decision", "not-a-token-of-this-system").statusCode())
        .isEqualTo(401);
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void aBranchTokenWritesNothingForAnotherBranchNotEvenPartOfABatch() throws Exception {
    long before = ingest.inputEndOffsets();
    String own = Samples.with(Samples.POST_DRAFTED, changes("postId", uniqueId("post")));
    String foreign = Samples.with(Samples.INCIDENT_REPORTED, changes("branchId", "westside"));

    HttpResponse<String> batch =
        ingest.post("/v1/events", IngestHarness.EASTSIDE, "[" + own + "," + foreign + "]");
    HttpResponse<String> route = ingest.post("/v1/incidents", IngestHarness.EASTSIDE, foreign);
    HttpResponse<String> policy =
        ingest.post("/v1/events", IngestHarness.EASTSIDE, Samples.CHANNEL_POLICY);

    assertThat(batch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(batch))
        .containsExactly(
            Map.entry("[1].branchId", "this token writes only for branch \"eastside\""));
    assertThat(route.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(route))
        .containsExactly(Map.entry("branchId", "this token writes only for branch \"eastside\""));
    assertThat(policy.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(policy))
        .containsExactly(Map.entry("branchId", "ChannelPolicy needs the admin token"));
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    HttpResponse<String> westside = ingest.post("/v1/incidents", IngestHarness.WESTSIDE, foreign);
    HttpResponse<String> admin = ingest.post("/v1/incidents", IngestHarness.ADMIN, foreign);
    assertThat(westside.statusCode()).as(westside.body()).isEqualTo(202);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(202);
  }

  @Test
  void anotherBranchsPostOrIncidentIsRefusedAndTheAdminKeepsItsRights() throws Exception {
    String postId = uniqueId("post");
    String incidentId = uniqueId("incident");
    // eastside owns both: the post has eastside's decision, the incident eastside's status
    ingest.produce(
        ingest.topics().postDecisions(), postId, decision(postId, DecisionStatus.APPROVED));
    ingest.produce(
        ingest.topics().incidentStatus(),
        incidentId,
        IncidentStatus.newBuilder()
            .setIncidentId(incidentId)
            .setBranchId("eastside")
            .setState(IncidentState.OPEN)
            .setSeverity(Severity.HIGH)
            .setSummary("flooded basement")
            .setTier(0)
            .setNotifiedCount(1)
            .setReportedAt(java.time.Instant.parse("2026-11-29T08:00:00Z"))
            .setUpdatedAt(java.time.Instant.parse("2026-11-29T08:00:00Z"))
            .build());
    String draft =
        Samples.with(
            Samples.POST_DRAFTED,
            changes("type", null, "postId", postId, "branchId", "westside", "revision", 2));
    String ack =
        Samples.with(
            Samples.INCIDENT_ACKNOWLEDGED,
            changes("type", null, "incidentId", null, "branchId", "westside"));
    String ackPath = "/v1/incidents/" + incidentId + "/ack";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ingest.post("/v1/posts", IngestHarness.WESTSIDE, draft).statusCode() == 403
                    && ingest.post(ackPath, IngestHarness.WESTSIDE, ack).statusCode() == 403);
    long before = ingest.inputEndOffsets();

    HttpResponse<String> westsideDraft = ingest.post("/v1/posts", IngestHarness.WESTSIDE, draft);
    HttpResponse<String> westsideAck = ingest.post(ackPath, IngestHarness.WESTSIDE, ack);

    assertThat(westsideDraft.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(westsideDraft))
        .containsExactly(Map.entry("postId", "post \"" + postId + "\" belongs to another branch"));
    assertThat(westsideAck.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(westsideAck))
        .containsExactly(
            Map.entry("incidentId", "incident \"" + incidentId + "\" belongs to another branch"));
    assertThat(ingest.inputEndOffsets()).as("nothing written").isEqualTo(before);

    String ownDraft =
        Samples.with(
            Samples.POST_DRAFTED,
            changes("type", null, "postId", postId, "branchId", "eastside", "revision", 2));
    HttpResponse<String> eastside = ingest.post("/v1/posts", IngestHarness.EASTSIDE, ownDraft);
    HttpResponse<String> admin = ingest.post("/v1/posts", IngestHarness.ADMIN, draft);
    assertThat(eastside.statusCode()).as(eastside.body()).isEqualTo(202);
    assertThat(admin.statusCode()).as("the admin token keeps its rights").isEqualTo(202);
  }

  // --- refused bodies

  @Test
  void invalidEventsAreAnsweredWithEveryBadFieldAndNothingIsWritten() throws Exception {
    long before = ingest.inputEndOffsets();
    String bad =
        Samples.with(
            Samples.POST_DRAFTED,
            changes(
                "platform", "MYSPACE",
                "scheduledAt", "next tuesday",
                "links", List.of("ftp://files.example.org/x"),
                "postId", "p 1"));

    HttpResponse<String> response =
        ingest.post(
            "/v1/events", IngestHarness.EASTSIDE, "[" + Samples.MILESTONE + "," + bad + "]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(response).stream().map(Map.Entry::getKey))
        .containsExactly("[1].postId", "[1].platform", "[1].links[0]", "[1].scheduledAt");
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void aBodyThatContradictsThePathIsRefused() throws Exception {
    long before = ingest.inputEndOffsets();

    HttpResponse<String> response =
        ingest.post(
            "/v1/posts/other-post/withdraw", IngestHarness.EASTSIDE, Samples.POST_WITHDRAWN);
    HttpResponse<String> wrongType =
        ingest.post("/v1/posts", IngestHarness.EASTSIDE, Samples.POST_WITHDRAWN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(response))
        .containsExactly(Map.entry("postId", "does not match the path, which says \"other-post\""));
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(wrongType).get(0).getKey()).isEqualTo("type");
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  @Test
  void aTickIsRefused() throws Exception {
    HttpResponse<String> response =
        ingest.post(
            "/v1/events",
            IngestHarness.ADMIN,
            "{\"type\":\"Tick\",\"at\":\"2026-12-01T00:00:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(fieldErrors(response).get(0).getKey()).isEqualTo("type");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
    long before = ingest.inputEndOffsets();
    byte[] large = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(large, (byte) ' ');
    System.arraycopy(bytes(Samples.MILESTONE), 0, large, 0, Samples.MILESTONE.length());

    HttpResponse<String> declared =
        ingest.send("POST", "/v1/events", IngestHarness.ADMIN, "application/json", large);
    HttpResponse<String> chunked =
        ingest.send(
            HttpRequest.newBuilder(ingest.uri("/v1/events"))
                .header("Authorization", "Bearer " + IngestHarness.ADMIN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(MAPPER.readTree(declared.body()).get("error").asText())
        .isEqualTo("payload_too_large");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);

    byte[] atTheLimit = java.util.Arrays.copyOf(large, 1024 * 1024);
    HttpResponse<String> limit =
        ingest.send(
            "POST", "/v1/milestones", IngestHarness.EASTSIDE, "application/json", atTheLimit);
    assertThat(limit.statusCode()).as(limit.body()).isEqualTo(202);
  }

  @Test
  void aBodyThatIsNotSentAsJsonIsRefused() throws Exception {
    long before = ingest.inputEndOffsets();

    HttpResponse<String> text =
        ingest.send(
            "POST", "/v1/events", IngestHarness.ADMIN, "text/plain", bytes(Samples.MILESTONE));
    HttpResponse<String> none =
        ingest.send("POST", "/v1/milestones", IngestHarness.ADMIN, null, bytes(Samples.MILESTONE));
    HttpResponse<String> latin1 =
        ingest.send(
            "PUT",
            "/v1/response-plans/*",
            IngestHarness.ADMIN,
            "application/json; charset=ISO-8859-1",
            bytes(Samples.RESPONSE_PLAN));

    for (HttpResponse<String> response : List.of(text, none, latin1)) {
      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(MAPPER.readTree(response.body()).get("error").asText())
          .isEqualTo("unsupported_media_type");
    }
    assertThat(ingest.inputEndOffsets()).isEqualTo(before);
  }

  // --- decisions

  @Test
  void theLatestDecisionOfAPostIsReadByItsBranchAndTheAdmin() throws Exception {
    String postId = uniqueId("post");
    String path = "/v1/posts/" + postId + "/decision";
    HttpResponse<String> before = ingest.get(path, IngestHarness.EASTSIDE);
    assertThat(before.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(before.body()).get("error").asText()).isEqualTo("not_found");

    PostDecision held = decision(postId, DecisionStatus.HELD);
    ingest.produce(ingest.topics().postDecisions(), postId, held);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ingest.get(path, IngestHarness.EASTSIDE).statusCode() == 200);
    PostDecision released =
        PostDecision.newBuilder(held).setStatus(DecisionStatus.APPROVED).setReleased(true).build();
    ingest.produce(ingest.topics().postDecisions(), postId, released);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> latest = ingest.get(path, IngestHarness.EASTSIDE);
              assertThat(latest.statusCode()).isEqualTo(200);
              assertThat(MAPPER.readTree(latest.body()))
                  .isEqualTo(MAPPER.readTree(json.write(released)));
            });
    HttpResponse<String> admin = ingest.get(path, IngestHarness.ADMIN);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(MAPPER.readTree(admin.body()).get("status").asText()).isEqualTo("APPROVED");
    HttpResponse<String> otherBranch = ingest.get(path, IngestHarness.WESTSIDE);
    assertThat(otherBranch.statusCode()).isEqualTo(403);
    assertThat(fieldErrors(otherBranch))
        .containsExactly(Map.entry("postId", "this token reads only branch \"westside\""));
  }

  // --- the document and the metrics

  @Test
  void theOpenApiDocumentIsServedWithoutAToken() throws Exception {
    HttpResponse<String> response = ingest.get("/v1/openapi.json", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode document = MAPPER.readTree(response.body());
    assertThat(document.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(document.get("paths").has("/v1/channels/{branchId}/{platform}/policy")).isTrue();
  }

  @Test
  void requestsAreCountedByRouteAndStatus() {
    ingest.post("/v1/milestones", "not-a-token-of-this-system", Samples.MILESTONE);

    HttpResponse<String> metrics = ingest.get("/metrics", null);

    assertThat(metrics.body())
        .contains(
            "campaign_ingest_requests_total{method=\"POST\",route=\"/v1/milestones\",status=\"401\"}")
        .contains(
            "campaign_ingest_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/milestones\",le=\"0.005\"}")
        .contains("campaign_ingest_events_accepted_total{type=\"PostDrafted\"}");
  }

  // --- helpers

  private static String uniqueId(String kind) {
    return kind + "-" + IDS.incrementAndGet() + "-" + System.nanoTime();
  }

  /** A map that may hold nulls (a null removes the field), in the given order. */
  private static Map<String, Object> changes(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private SpecificRecord expected(String line) {
    return json.parse(line).value();
  }

  private PostDecision decision(String postId, DecisionStatus status) {
    PostDecision sample = (PostDecision) json.parseAny(Samples.POST_DECISION).value();
    return PostDecision.newBuilder(sample).setPostId(postId).setStatus(status).build();
  }

  /** The record the answer says was written. */
  private <V extends SpecificRecord> ConsumerRecord<String, V> recordAt(
      Topic<String, V> topic, JsonNode written) {
    assertThat(written.get("topic").asText()).isEqualTo(topic.name());
    int partition = written.get("partition").asInt();
    long offset = written.get("offset").asLong();
    return ingest.records(topic).stream()
        .filter(r -> r.partition() == partition && r.offset() == offset)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no record at " + partition + "/" + offset + " of " + topic.name()));
  }

  private static List<Map.Entry<String, String>> fieldErrors(HttpResponse<String> response)
      throws Exception {
    JsonNode errors = MAPPER.readTree(response.body());
    assertThat(errors.isArray()).as(response.body()).isTrue();
    return java.util.stream.StreamSupport.stream(errors.spliterator(), false)
        .map(e -> Map.entry(e.get("field").asText(), e.get("message").asText()))
        .toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
