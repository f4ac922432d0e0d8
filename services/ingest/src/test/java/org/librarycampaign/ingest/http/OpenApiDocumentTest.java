package org.librarycampaign.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.json.EventJson;

class OpenApiDocumentTest {

  private final ObjectNode document = OpenApiDocument.build(1024, 500);

  @Test
  void listsEveryRouteOfTheIssue() {
    Map<String, List<String>> operations = new TreeMap<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            operations
                                .computeIfAbsent(path.getKey(), p -> new ArrayList<>())
                                .add(method)));

    assertThat(operations)
        .containsOnly(
            Map.entry("/v1/events", List.of("post")),
            Map.entry("/v1/posts", List.of("post")),
            Map.entry("/v1/posts/{postId}/withdraw", List.of("post")),
            Map.entry("/v1/posts/{postId}/review", List.of("post")),
            Map.entry("/v1/milestones", List.of("post")),
            Map.entry("/v1/incidents", List.of("post")),
            Map.entry("/v1/incidents/{incidentId}/ack", List.of("post")),
            Map.entry("/v1/incidents/{incidentId}/resolve", List.of("post")),
            Map.entry("/v1/channels/{branchId}/{platform}/policy", List.of("put")),
            Map.entry("/v1/response-plans/{branchId}", List.of("put")),
            Map.entry("/v1/branches/{branchId}/settings", List.of("put")),
            Map.entry("/v1/officials/{branchId}", List.of("put")),
            Map.entry("/v1/posts/{postId}/decision", List.of("get")),
            Map.entry("/v1/openapi.json", List.of("get")),
            Map.entry("/ack/{token}", List.of("get", "post")),
            Map.entry("/sms/inbound", List.of("post")),
            Map.entry("/v1/incidents/{incidentId}", List.of("get")));
  }

  @Test
  void theRespondersRoutesNeedNoTokenAndTheTimelineDoes() {
    for (String pointer :
        List.of(
            "/paths/~1ack~1{token}/get",
            "/paths/~1ack~1{token}/post",
            "/paths/~1sms~1inbound/post")) {
      assertThat(document.at(pointer + "/security").isArray()).as(pointer).isTrue();
      assertThat(document.at(pointer + "/security").isEmpty()).as(pointer).isTrue();
    }
    assertThat(document.at("/paths/~1v1~1incidents~1{incidentId}/get").has("security")).isFalse();
    assertThat(statuses("/paths/~1ack~1{token}/post/responses"))
        .containsExactly("200", "403", "429", "503");
    assertThat(document.at("/paths/~1ack~1{token}/get/responses/200/content").has("text/html"))
        .isTrue();
    assertThat(statuses("/paths/~1sms~1inbound/post/responses"))
        .containsExactly("200", "400", "403", "429", "503");
    assertThat(
            document
                .at("/paths/~1sms~1inbound/post/requestBody/content")
                .has("application/x-www-form-urlencoded"))
        .isTrue();
    assertThat(document.at("/paths/~1sms~1inbound/post/parameters/0/name").asText())
        .isEqualTo("X-Twilio-Signature");
    assertThat(statuses("/paths/~1v1~1incidents~1{incidentId}/get/responses"))
        .containsExactly("200", "401", "403", "404", "429", "503");
    assertThat(
            document
                .at(
                    "/components/schemas/IncidentTimeline/properties/timeline/items/properties/what/enum")
                .toString())
        .isEqualTo(
            "[\"reported\",\"escalated\",\"notified\",\"repeated\",\"fallback\","
                + "\"acknowledged\",\"resolved\",\"resolution-notice\"]");
  }

  private List<String> statuses(String pointer) {
    List<String> statuses = new ArrayList<>();
    document.at(pointer).fieldNames().forEachRemaining(statuses::add);
    return statuses;
  }

  @Test
  void everyRouteButTheDocumentNeedsABearerToken() {
    assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
    assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
    assertThat(document.at("/paths/~1v1~1openapi.json/get/security").isEmpty()).isTrue();
    assertThat(document.at("/paths/~1v1~1events/post").has("security")).isFalse();
  }

  @Test
  void everyWriteRouteListsItsAnswers() {
    for (Route route : Route.values()) {
      JsonNode responses =
          document
              .get("paths")
              .get(route.path())
              .get(route.method().name().toLowerCase())
              .get("responses");
      List<String> statuses = new ArrayList<>();
      responses.fieldNames().forEachRemaining(statuses::add);
      if (route.writes()) {
        assertThat(statuses)
            .as(route.path())
            .containsExactly("202", "400", "401", "403", "408", "413", "415", "429", "503");
      } else if (route == Route.POST_DECISION) {
        assertThat(statuses).containsExactly("200", "401", "403", "404", "429", "503");
      } else {
        assertThat(statuses).containsExactly("200");
      }
    }
    assertThat(document.at("/components/responses/TooLarge/description").asText())
        .contains("1024 bytes")
        .contains("more than 500 events");
  }

  @Test
  void describesEveryEventTypeThatCanBeSentIn() {
    List<String> expected = new ArrayList<>(new EventJson().inputTypes());
    expected.remove("Tick");

    assertThat(OpenApiDocument.inputTypes().keySet()).containsExactlyElementsOf(expected);
    for (String type : expected) {
      assertThat(document.at("/components/schemas/" + type + "/properties/type/enum/0").asText())
          .isEqualTo(type);
    }
    assertThat(document.at("/components/schemas/PostDrafted/required").toString())
        .isEqualTo(
            "[\"postId\",\"revision\",\"branchId\",\"platform\",\"category\",\"text\",\"scheduledAt\",\"draftedAt\"]");
    assertThat(
            document.at("/components/schemas/PostDrafted/properties/scheduledAt/format").asText())
        .isEqualTo("date-time");
    assertThat(document.at("/components/schemas/Platform/enum").toString())
        .contains("\"FACEBOOK\"");
    for (String pacing : List.of("minMinutesBetweenPosts", "maxCampaignPostsPerWeek")) {
      assertThat(document.at("/components/schemas/ChannelPolicy/properties/" + pacing).isObject())
          .as(pacing)
          .isTrue();
    }
  }

  @Test
  void isAValidOpenApiDocument() {
    SwaggerParseResult parsed =
        new OpenAPIV3Parser().readContents(document.toString(), null, new ParseOptions());

    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSize(document.get("paths").size());
    assertThat(parsed.getOpenAPI().getComponents().getSchemas())
        .containsKeys("Event", "EventsBody", "PostDecision");
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              member -> {
                if (member.getKey().equals("$ref")) {
                  refs.add(member.getValue().asText());
                } else {
                  collectRefs(member.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> collectRefs(element, refs));
    }
  }
}
