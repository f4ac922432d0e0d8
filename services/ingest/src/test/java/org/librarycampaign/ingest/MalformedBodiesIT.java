package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentReported;
import library.campaign.events.IncidentResolved;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostWithdrawn;
import library.campaign.events.ResponsePlan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.avro.Schema;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * Fuzz test: malformed requests of many kinds against the running service and the real broker. Each
 * one gets the 4xx it deserves (never a 5xx, never a 202), a 400 names the bad fields, and at the
 * end the input topics are still empty for a read_committed consumer.
 */
class MalformedBodiesIT {

  private static final int TRIES = 300;
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AtomicInteger SENT = new AtomicInteger();

  private static IngestHarness ingest;

  /** One request that must be refused, and the status it must be refused with. */
  record Malformed(
      String kind,
      String method,
      String path,
      String token,
      String contentType,
      byte[] body,
      int status) {
    @Override
    public String toString() {
      String text = new String(body, StandardCharsets.UTF_8);
      return kind
          + " "
          + method
          + " "
          + path
          + " -> "
          + status
          + ": "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  /** Where a type is sent besides /v1/events, and which fields its path fills in. */
  record TypeRoute(String method, String path, Map<String, String> pathFields, Schema schema) {}

  private static final Map<String, TypeRoute> ROUTES =
      Map.of(
          "PostDrafted", new TypeRoute("POST", "/v1/posts", Map.of(), PostDrafted.getClassSchema()),
          "PostWithdrawn",
              new TypeRoute(
                  "POST",
                  "/v1/posts/p1/withdraw",
                  Map.of("postId", "p1"),
                  PostWithdrawn.getClassSchema()),
          "Milestone",
              new TypeRoute("POST", "/v1/milestones", Map.of(), MilestoneEvent.getClassSchema()),
          "IncidentReported",
              new TypeRoute("POST", "/v1/incidents", Map.of(), IncidentReported.getClassSchema()),
          "IncidentAcknowledged",
              new TypeRoute(
                  "POST",
                  "/v1/incidents/i1/ack",
                  Map.of("incidentId", "i1"),
                  IncidentAcknowledged.getClassSchema()),
          "IncidentResolved",
              new TypeRoute(
                  "POST",
                  "/v1/incidents/i1/resolve",
                  Map.of("incidentId", "i1"),
                  IncidentResolved.getClassSchema()),
          "ChannelPolicy",
              new TypeRoute(
                  "PUT",
                  "/v1/channels/eastside/FACEBOOK/policy",
                  Map.of("branchId", "eastside", "platform", "FACEBOOK"),
                  ChannelPolicy.getClassSchema()),
          "ResponsePlan",
              new TypeRoute(
                  "PUT",
                  "/v1/response-plans/*",
                  Map.of("branchId", "*"),
                  ResponsePlan.getClassSchema()),
          "Officials",
              new TypeRoute(
                  "PUT",
                  "/v1/officials/eastside",
                  Map.of("branchId", "eastside"),
                  library.campaign.events.Officials.getClassSchema()));

  @BeforeContainer
  static void start() {
    ingest =
        IngestHarness.start(
            "ingest-fuzz", Map.of(IngestSettings.MAX_BODY_BYTES, Integer.toString(MAX_BODY_BYTES)));
  }

  @AfterContainer
  static void nothingWasWritten() {
    try {
      assertThat(SENT.get()).as("malformed requests sent").isGreaterThanOrEqualTo(200);
      assertThat(ingest.inputEndOffsets()).isZero();
      for (CampaignTopic topic : IngestHarness.INPUT_TOPICS) {
        assertThat(ingest.records(ingest.topics().get(topic))).as(topic.baseName()).isEmpty();
      }
    } finally {
      ingest.close();
    }
  }

  @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, seed = "20261127")
  void everyMalformedRequestIsRefusedWithA4xxAndWritesNothing(
      @ForAll("malformed") Malformed request) throws Exception {
    HttpResponse<String> response =
        ingest.send(
            request.method(),
            request.path(),
            request.token(),
            request.contentType(),
            request.body());
    SENT.incrementAndGet();
    Statistics.label("refused with").collect(request.status());
    Statistics.label("kind").collect(request.kind().split(" ")[0]);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(request.status());
    JsonNode answer = MAPPER.readTree(response.body());
    if (request.status() == 400 || request.status() == 403) {
      assertThat(answer.isArray()).as(response.body()).isTrue();
      assertThat(answer).isNotEmpty();
      answer.forEach(
          error -> {
            assertThat(error.get("field").asText()).isNotEmpty();
            assertThat(error.get("message").asText()).isNotEmpty();
          });
    } else {
      assertThat(answer.get("error").asText()).as(response.body()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<Malformed> malformed() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, missingField()),
        Tuple.of(5, wrongKind()),
        Tuple.of(3, badEnum()),
        Tuple.of(3, badId()),
        Tuple.of(3, badInstant()),
        Tuple.of(2, badNumber()),
        Tuple.of(2, badAddress()),
        Tuple.of(2, unknownField()),
        Tuple.of(3, truncated()),
        Tuple.of(3, garbage()),
        Tuple.of(2, notAnEvent()),
        Tuple.of(2, mixedBatch()),
        Tuple.of(1, ruleBreaking()),
        Tuple.of(1, contradictsThePath()),
        Tuple.of(1, duplicateMember()),
        Tuple.of(1, tooLarge()),
        Tuple.of(1, notJson()),
        Tuple.of(1, badToken()),
        Tuple.of(1, forbidden()));
  }

  // --- bodies with bad fields: 400 -------------------------------------------------------------

  private Arbitrary<Malformed> missingField() {
    return types()
        .flatMap(
            type -> {
              List<String> required = new ArrayList<>(List.of("type"));
              ROUTES.get(type).schema().getFields().stream()
                  .filter(f -> !f.hasDefaultValue())
                  .forEach(f -> required.add(f.name()));
              return Arbitraries.of(required)
                  .map(
                      field -> {
                        ObjectNode event = sample(type);
                        event.remove(field);
                        // a route for one type would fill the type and the path's fields back in
                        return toEvents("missing " + field, event, 400);
                      });
            });
  }

  private Arbitrary<Malformed> wrongKind() {
    return types()
        .flatMap(
            type -> {
              List<String> fields = new ArrayList<>();
              sample(type).fieldNames().forEachRemaining(fields::add);
              return Combinators.combine(
                      Arbitraries.of(fields), Arbitraries.integers().between(0, 3), routeChoice())
                  .as(
                      (field, pick, viaRoute) -> {
                        ObjectNode event = sample(type);
                        JsonNode value = event.get(field);
                        List<JsonNode> wrong = wrongValuesFor(value);
                        event.set(field, wrong.get(pick % wrong.size()));
                        return send("wrong kind of " + field, type, event, viaRoute, 400);
                      });
            });
  }

  private Arbitrary<Malformed> badEnum() {
    return types()
        .flatMap(
            type -> {
              List<String> enums =
                  ROUTES.get(type).schema().getFields().stream()
                      .filter(f -> isEnum(f.schema()))
                      .map(Schema.Field::name)
                      .toList();
              if (enums.isEmpty()) {
                return Arbitraries.just((Malformed) null);
              }
              return Combinators.combine(
                      Arbitraries.of(enums),
                      Arbitraries.of(
                          "MYSPACE", "facebook", "", " HIGH", "UNKNOWN_SYMBOL", "Campaign"),
                      routeChoice())
                  .as(
                      (field, symbol, viaRoute) -> {
                        ObjectNode event = sample(type);
                        event.put(field, symbol);
                        return send("bad enum " + field, type, event, viaRoute, 400);
                      });
            })
        .filter(m -> m != null);
  }

  private Arbitrary<Malformed> badId() {
    Arbitrary<String> badIds =
        Arbitraries.oneOf(
            Arbitraries.of(
                "", " ", "a b", "a/b", "tab\tid", "new\nline", "x".repeat(129), "\u00a0nbsp"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> s + "/" + s));
    return types()
        .flatMap(
            type -> {
              List<String> ids = new ArrayList<>();
              sample(type)
                  .fieldNames()
                  .forEachRemaining(
                      f -> {
                        if (f.endsWith("Id") && sample(type).get(f).isTextual()) {
                          ids.add(f);
                        }
                      });
              return Combinators.combine(Arbitraries.of(ids), badIds, routeChoice())
                  .as(
                      (field, id, viaRoute) -> {
                        ObjectNode event = sample(type);
                        event.put(field, id);
                        return send("bad id " + field, type, event, viaRoute, 400);
                      });
            });
  }

  private Arbitrary<Malformed> badInstant() {
    Arbitrary<String> instants =
        Arbitraries.of(
            "2026-13-01T00:00:00Z",
            "2026-12-01T15:00:00",
            "2026-12-01",
            "yesterday",
            "",
            "2026-12-01 15:00:00Z",
            "1764601200000",
            "+999999999-12-31T23:59:59Z");
    return types()
        .flatMap(
            type -> {
              List<String> fields =
                  ROUTES.get(type).schema().getFields().stream()
                      .filter(f -> f.schema().getLogicalType() != null)
                      .map(Schema.Field::name)
                      .toList();
              if (fields.isEmpty()) {
                return Arbitraries.just((Malformed) null);
              }
              return Combinators.combine(Arbitraries.of(fields), instants, routeChoice())
                  .as(
                      (field, instant, viaRoute) -> {
                        ObjectNode event = sample(type);
                        event.put(field, instant);
                        return send("bad instant " + field, type, event, viaRoute, 400);
                      });
            })
        .filter(m -> m != null);
  }

  private Arbitrary<Malformed> badNumber() {
    List<String[]> cases =
        List.of(
            new String[] {"PostDrafted", "revision", "0"},
            new String[] {"PostDrafted", "revision", "-1"},
            new String[] {"PostDrafted", "revision", "2147483648"},
            new String[] {"PostDrafted", "revision", "1.5"},
            new String[] {"PostDrafted", "revision", "1e400"},
            new String[] {"PostDrafted", "revision", "123456789012345678901234567890"},
            new String[] {"Milestone", "revision", "0"},
            new String[] {"Milestone", "bufferMinutes", "-1"},
            new String[] {"ChannelPolicy", "contentPerCampaign", "0"},
            new String[] {"ChannelPolicy", "maxPostsPerDay", "-3"},
            new String[] {"ChannelPolicy", "maxPostsPerDay", "NaN"});
    return Combinators.combine(Arbitraries.of(cases), routeChoice())
        .as(
            (c, viaRoute) -> {
              String text = sample(c[0]).toString();
              String body =
                  text.replaceFirst("\"" + c[1] + "\":[^,}]+", "\"" + c[1] + "\":" + c[2]);
              return sendText("bad number " + c[1], c[0], body, viaRoute, 400);
            });
  }

  private Arbitrary<Malformed> badAddress() {
    Arbitrary<String> urls =
        Arbitraries.of(
            "ftp://files.example.org/a",
            "not a url",
            "/relative/path",
            "http://",
            "javascript:alert(1)",
            "");
    return Combinators.combine(Arbitraries.integers().between(0, 3), urls, routeChoice())
        .as(
            (where, url, viaRoute) -> {
              if (where <= 1) {
                ObjectNode post = sample("PostDrafted");
                if (where == 0) {
                  ((ArrayNode) post.get("links")).set(0, NODES.textNode(url));
                } else {
                  ((ObjectNode) post.at("/media/0")).put("url", url);
                }
                return send("bad url", "PostDrafted", post, viaRoute, 400);
              }
              ObjectNode plan = sample("ResponsePlan");
              ((ObjectNode) plan.at("/tiers/0/responders/0/contacts/" + (where - 2)))
                  .put("address", where == 2 ? url.replace(":", "") : url);
              return send("bad contact address", "ResponsePlan", plan, viaRoute, 400);
            });
  }

  private Arbitrary<Malformed> unknownField() {
    return Combinators.combine(
            types(),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "zz" + s),
            routeChoice())
        .as(
            (type, field, viaRoute) -> {
              ObjectNode event = sample(type);
              event.put(field, "surplus");
              return send("unknown field", type, event, viaRoute, 400);
            });
  }

  private Arbitrary<Malformed> truncated() {
    return types()
        .flatMap(
            type -> {
              String text = sample(type).toString();
              return Combinators.combine(
                      Arbitraries.integers().between(0, text.length() - 1), routeChoice())
                  .as(
                      (length, viaRoute) ->
                          sendText("truncated", type, text.substring(0, length), viaRoute, 400));
            });
  }

  private Arbitrary<Malformed> garbage() {
    Arbitrary<byte[]> bytes =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
    return Combinators.combine(bytes, anyWriteRoute())
        .as(
            (body, route) ->
                new Malformed(
                    "garbage",
                    route[0],
                    route[1],
                    IngestHarness.ADMIN,
                    "application/json",
                    body,
                    400));
  }

  private Arbitrary<Malformed> notAnEvent() {
    return Combinators.combine(
            Arbitraries.of(
                "0",
                "\"PostDrafted\"",
                "null",
                "true",
                "[]",
                "[1]",
                "[[]]",
                "{}",
                "[null]",
                "{\"type\":null}",
                "{\"type\":42}",
                "{\"type\":\"PostDecision\"}",
                "{\"type\":\"Tick\",\"at\":\"2026-12-01T00:00:00Z\"}",
                "[{\"type\":\"Tick\",\"at\":\"2026-12-01T00:00:00Z\"}]",
                "[".repeat(3000) + "]".repeat(3000),
                "{\"type\":\"PostDrafted\",\"hashtags\":" + "[".repeat(600) + "]".repeat(600) + "}",
                "\"\\ud800\"",
                "{\"\\ud800\":1,\"type\":\"Milestone\"}"),
            routeChoice())
        .as(
            (body, viaRoute) ->
                new Malformed(
                    "not an event",
                    "POST",
                    // a route for one type fills "{}" in: a ResponsePlan needs nothing else
                    viaRoute ? "/v1/posts" : "/v1/events",
                    IngestHarness.ADMIN,
                    "application/json",
                    body.getBytes(StandardCharsets.UTF_8),
                    400));
  }

  private Arbitrary<Malformed> mixedBatch() {
    return Combinators.combine(
            Arbitraries.of(ROUTES.keySet().stream().sorted().toList())
                .list()
                .ofMinSize(0)
                .ofMaxSize(5),
            missingField(),
            Arbitraries.integers().between(0, 5))
        .as(
            (validTypes, bad, position) -> {
              ArrayNode batch = NODES.arrayNode();
              validTypes.forEach(type -> batch.add(sample(type)));
              JsonNode badEvent = readTree(bad.body());
              batch.insert(Math.min(position, batch.size()), badEvent);
              return new Malformed(
                  "batch with " + bad.kind(),
                  "POST",
                  "/v1/events",
                  IngestHarness.ADMIN,
                  "application/json",
                  batch.toString().getBytes(StandardCharsets.UTF_8),
                  400);
            });
  }

  private Arbitrary<Malformed> ruleBreaking() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), routeChoice())
        .as(
            (which, viaRoute) ->
                switch (which) {
                  case 0 -> {
                    ObjectNode milestone = sample("Milestone");
                    milestone.put("endsAt", milestone.get("startsAt").asText());
                    yield send(
                        "milestone ends when it starts", "Milestone", milestone, viaRoute, 400);
                  }
                  case 1 -> {
                    ObjectNode post = sample("PostDrafted");
                    post.put("branchId", "*");
                    yield send("post for every branch", "PostDrafted", post, viaRoute, 400);
                  }
                  case 2 -> {
                    ObjectNode policy = sample("ChannelPolicy");
                    policy.put("zone", "Mars/Olympus_Mons");
                    yield send("unknown zone", "ChannelPolicy", policy, viaRoute, 400);
                  }
                  default -> {
                    ObjectNode plan = sample("ResponsePlan");
                    ((ObjectNode) plan.at("/tiers/0")).put("ackTimeoutMinutes", 0);
                    yield send("no ack timeout", "ResponsePlan", plan, viaRoute, 400);
                  }
                });
  }

  private Arbitrary<Malformed> contradictsThePath() {
    return Arbitraries.of(
            "PostDrafted",
            "PostWithdrawn",
            "IncidentAcknowledged",
            "IncidentResolved",
            "ChannelPolicy",
            "ResponsePlan",
            "Milestone",
            "IncidentReported")
        .flatMap(
            type ->
                Arbitraries.of(
                        ROUTES.keySet().stream()
                            .filter(other -> !other.equals(type))
                            .sorted()
                            .toList())
                    .map(
                        otherType -> {
                          TypeRoute route = ROUTES.get(type);
                          ObjectNode event = sample(type);
                          if (route.pathFields().isEmpty()) {
                            event.put("type", otherType); // a route for one type refuses another
                          } else {
                            route.pathFields().keySet().forEach(f -> event.put(f, "not-" + f));
                          }
                          return new Malformed(
                              "contradicts the path",
                              route.method(),
                              route.path(),
                              IngestHarness.ADMIN,
                              "application/json",
                              event.toString().getBytes(StandardCharsets.UTF_8),
                              400);
                        }));
  }

  private Arbitrary<Malformed> duplicateMember() {
    return types()
        .map(
            type -> {
              String text = sample(type).toString();
              String body = "{\"type\":\"" + type + "\"," + text.substring(1);
              return sendText("duplicate type member", type, body, false, 400);
            });
  }

  // --- refused before the body is read: 413, 415, 401, 403 -------------------------------------

  private Arbitrary<Malformed> tooLarge() {
    return Combinators.combine(types(), Arbitraries.integers().between(1, 4096), routeChoice())
        .as(
            (type, extra, viaRoute) -> {
              ObjectNode event = sample(type);
              String text = event.toString();
              String padded = text + " ".repeat(MAX_BODY_BYTES - text.length() + extra);
              return sendText("too large", type, padded, viaRoute, 413);
            });
  }

  private Arbitrary<Malformed> notJson() {
    return Combinators.combine(
            types(),
            Arbitraries.of(
                null,
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16",
                "application/jsonl",
                "json"),
            routeChoice())
        .as(
            (type, contentType, viaRoute) -> {
              Malformed valid =
                  send("content type " + contentType, type, sample(type), viaRoute, 415);
              return new Malformed(
                  valid.kind(),
                  valid.method(),
                  valid.path(),
                  valid.token(),
                  contentType,
                  valid.body(),
                  415);
            });
  }

  private Arbitrary<Malformed> badToken() {
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            Arbitraries.just((String) null),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(60).withCharRange('!', '~'),
            Arbitraries.just(IngestHarness.ADMIN + "x"),
            Arbitraries.just(IngestHarness.EASTSIDE.substring(1)));
    return Combinators.combine(types(), tokens, routeChoice())
        .as(
            (type, token, viaRoute) -> {
              Malformed valid = send("bad token", type, sample(type), viaRoute, 401);
              return new Malformed(
                  valid.kind(),
                  valid.method(),
                  valid.path(),
                  token,
                  valid.contentType(),
                  valid.body(),
                  401);
            })
        .filter(
            m ->
                !IngestHarness.ADMIN.equals(m.token())
                    && !IngestHarness.EASTSIDE.equals(m.token())
                    && !IngestHarness.WESTSIDE.equals(m.token()));
  }

  private Arbitrary<Malformed> forbidden() {
    return Combinators.combine(types(), routeChoice())
        .as(
            (type, viaRoute) -> {
              ObjectNode event = sample(type);
              Malformed asAdmin = send("another branch's " + type, type, event, viaRoute, 403);
              return new Malformed(
                  asAdmin.kind(),
                  asAdmin.method(),
                  asAdmin.path(),
                  IngestHarness.WESTSIDE,
                  asAdmin.contentType(),
                  asAdmin.body(),
                  403);
            });
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private static Arbitrary<String> types() {
    return Arbitraries.of(ROUTES.keySet().stream().sorted().toList());
  }

  private static Arbitrary<Boolean> routeChoice() {
    return Arbitraries.of(true, false);
  }

  /** {method, path} of any route that writes. */
  private static Arbitrary<String[]> anyWriteRoute() {
    List<String[]> routes = new ArrayList<>();
    routes.add(new String[] {"POST", "/v1/events"});
    ROUTES.values().stream()
        .sorted((a, b) -> a.path().compareTo(b.path()))
        .forEach(r -> routes.add(new String[] {r.method(), r.path()}));
    return Arbitraries.of(routes);
  }

  private static ObjectNode sample(String type) {
    return Samples.object(Samples.byType().get(type));
  }

  private static Malformed toEvents(String kind, ObjectNode event, int status) {
    return new Malformed(
        kind,
        "POST",
        "/v1/events",
        IngestHarness.ADMIN,
        "application/json",
        event.toString().getBytes(StandardCharsets.UTF_8),
        status);
  }

  /** To /v1/events, or to the type's own route (with the admin token, which may send anything). */
  private static Malformed send(
      String kind, String type, ObjectNode event, boolean viaRoute, int status) {
    return sendText(kind, type, event.toString(), viaRoute, status);
  }

  private static Malformed sendText(
      String kind, String type, String body, boolean viaRoute, int status) {
    if (!viaRoute) {
      return new Malformed(
          kind,
          "POST",
          "/v1/events",
          IngestHarness.ADMIN,
          "application/json",
          body.getBytes(StandardCharsets.UTF_8),
          status);
    }
    TypeRoute route = ROUTES.get(type);
    return new Malformed(
        kind,
        route.method(),
        route.path(),
        IngestHarness.ADMIN,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        status);
  }

  /** Values of a JSON kind other than that of the given (valid) value; never null. */
  private static List<JsonNode> wrongValuesFor(JsonNode value) {
    if (value.isTextual()) {
      return List.of(
          NODES.numberNode(42), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode());
    }
    if (value.isIntegralNumber()) {
      return List.of(
          NODES.textNode("1"), NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode());
    }
    if (value.isBoolean()) {
      return List.of(
          NODES.textNode("true"), NODES.numberNode(0), NODES.objectNode(), NODES.arrayNode());
    }
    if (value.isArray()) {
      return List.of(
          NODES.textNode("x"), NODES.numberNode(1), NODES.objectNode(), NODES.booleanNode(false));
    }
    // null (an optional string left empty)
    return List.of(
        NODES.numberNode(7), NODES.objectNode(), NODES.arrayNode(), NODES.booleanNode(true));
  }

  private static boolean isEnum(Schema schema) {
    return schema.getType() == Schema.Type.ENUM
        || (schema.getType() == Schema.Type.UNION
            && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.ENUM));
  }

  private static JsonNode readTree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
