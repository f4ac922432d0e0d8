package org.librarycampaign.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.board.Board;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.dashboard.review.Review;
import org.librarycampaign.dashboard.review.ReviewDesk;
import org.librarycampaign.dashboard.review.ReviewNotWrittenException;

/** The review form over HTTP: who may send it, its CSRF token, field errors, what is written. */
class ReviewRoutesTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  private static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Review> written = new ArrayList<>();
  private final AtomicBoolean brokerAway = new AtomicBoolean();
  @TempDir Path dataDir;
  private DashboardWeb web;
  private Javalin app;
  private String base;

  private final Facts facts =
      Facts.builder()
          .posts(
              List.of(
                  new PostFact(
                      "held-1",
                      4,
                      "eastside",
                      "FACEBOOK",
                      "CAMPAIGN",
                      "budget-2027",
                      "Fund our library",
                      List.of(),
                      List.of(),
                      List.of(),
                      0,
                      NOW.plusSeconds(86_400),
                      "jlee",
                      NOW.minusSeconds(3600),
                      false,
                      null,
                      null)))
          .decisions(
              List.of(
                  new DecisionFact(
                      "held-1",
                      4,
                      "eastside",
                      "eastside/FACEBOOK",
                      "CAMPAIGN",
                      "budget-2027",
                      NOW.plusSeconds(86_400),
                      "HELD",
                      false,
                      List.of(new DecisionFact.Reason("CRISIS_PAUSE", "Crisis.", null, null)),
                      List.of(),
                      null,
                      NOW.minusSeconds(3000))))
          .build();

  @BeforeEach
  void start() throws Exception {
    Path file = dataDir.resolve("viewers.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "director=" + Viewers.hashed(PASSWORD, new SecureRandom()),
            "lead=" + PASSWORD,
            "viewer=" + PASSWORD,
            "reviewer.director=*",
            "reviewer.lead=westside, northgate",
            ""));
    ReviewDesk desk =
        new ReviewDesk() {
          @Override
          public Facts facts() {
            return facts;
          }

          @Override
          public void write(Review review) {
            if (brokerAway.get()) {
              throw new ReviewNotWrittenException("Kafka did not take it (timeout)", null);
            }
            written.add(review);
          }
        };
    web =
        DashboardWeb.start(
            (week, branch) ->
                Board.build(facts, NOW, ZONE, week, branch, "/data/outbox", "/data/outbox-posts"),
            new DashboardSettings(
                ZONE,
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Path.of("/data/outbox"),
                file,
                false,
                Duration.ofHours(1)),
            Viewers.read(file),
            desk,
            Clock.fixed(NOW, ZoneOffset.UTC));
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  web.addRoutes(config.routes);
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    web.close();
    app.stop();
  }

  @Test
  void meNamesTheUserTheBranchesTheyReviewAndTheSessionsCsrfToken() throws Exception {
    HttpClient director = logIn("director");
    HttpClient lead = logIn("lead");
    HttpClient viewer = logIn("viewer");

    JsonNode directorMe = me(director);
    JsonNode leadMe = me(lead);
    JsonNode viewerMe = me(viewer);

    assertThat(directorMe.get("user").asText()).isEqualTo("director");
    assertThat(directorMe.get("reviews").toString()).isEqualTo("[\"*\"]");
    assertThat(directorMe.get("csrfToken").asText()).hasSizeGreaterThan(40);
    assertThat(leadMe.get("reviews").toString()).isEqualTo("[\"northgate\",\"westside\"]");
    assertThat(viewerMe.get("reviews").toString()).isEqualTo("[]");
    assertThat(leadMe.get("csrfToken").asText()).isNotEqualTo(directorMe.get("csrfToken").asText());
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aReviewerApprovesWithTheTokenAndTheReviewIsWrittenAsThem() throws Exception {
    HttpClient director = logIn("director");
    String token = me(director).get("csrfToken").asText();

    HttpResponse<String> answer =
        post(
            director,
            Map.of(
                "csrf", token,
                "postId", "held-1",
                "revision", "4",
                "action", "APPROVE",
                "reason", "The statement does not mention the book",
                "reviewer", "someone else"));

    assertThat(answer.statusCode()).isEqualTo(202);
    Review expected =
        new Review(
            "held-1",
            4,
            "eastside",
            "FACEBOOK",
            "APPROVE",
            "The statement does not mention the book",
            "director",
            NOW,
            null);
    assertThat(written).containsExactly(expected);
    assertThat(JSON.readTree(answer.body()).get("reviewer").asText()).isEqualTo("director");
  }

  @Test
  void withoutTheTokenOrWithAnotherSessionsTokenNothingIsWritten() throws Exception {
    HttpClient director = logIn("director");
    HttpClient lead = logIn("lead");
    String leadsToken = me(lead).get("csrfToken").asText();
    Map<String, String> review =
        Map.of("postId", "held-1", "revision", "4", "action", "REJECT", "reason", "off message");

    HttpResponse<String> none = post(director, review);
    Map<String, String> withLeadsToken = new LinkedHashMap<>(review);
    withLeadsToken.put("csrf", leadsToken);
    HttpResponse<String> foreign = post(director, withLeadsToken);

    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.body()).contains("CSRF token is missing or stale");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(written).isEmpty();
  }

  @Test
  void aViewerOrAReviewerOfOtherBranchesIsRefused() throws Exception {
    for (String user : List.of("viewer", "lead")) {
      HttpClient client = logIn(user);
      HttpResponse<String> answer =
          post(
              client,
              Map.of(
                  "csrf", me(client).get("csrfToken").asText(),
                  "postId", "held-1",
                  "revision", "4",
                  "action", "APPROVE",
                  "reason", "fine by me"));

      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(JSON.readTree(answer.body()).get("error").asText())
          .isEqualTo(user + " does not review the posts of eastside");
    }
    assertThat(written).isEmpty();
  }

  @Test
  void badFieldsAre400WithAMessagePerFieldAndAStaleRevisionIs409() throws Exception {
    HttpClient director = logIn("director");
    String token = me(director).get("csrfToken").asText();

    HttpResponse<String> bad =
        post(director, Map.of("csrf", token, "postId", "held-1", "revision", "x", "action", "OK"));
    HttpResponse<String> stale =
        post(
            director,
            Map.of(
                "csrf", token,
                "postId", "held-1",
                "revision", "3",
                "action", "REJECT",
                "reason", "off message"));

    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode errors = JSON.readTree(bad.body()).get("errors");
    assertThat(errors.get("revision").asText())
        .isEqualTo("revision must be a whole number, got 'x'");
    assertThat(errors.get("action").asText())
        .isEqualTo("action must be APPROVE, REJECT or RESCHEDULE, got 'OK'");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(stale.body()).get("errors").get("revision").asText())
        .startsWith("revision 3 is no longer the post's latest (4)");
    assertThat(written).isEmpty();
  }

  @Test
  void aReviewKafkaDidNotTakeIs503SoTheReviewerSendsItAgain() throws Exception {
    HttpClient director = logIn("director");
    brokerAway.set(true);

    HttpResponse<String> answer =
        post(
            director,
            Map.of(
                "csrf", me(director).get("csrfToken").asText(),
                "postId", "held-1",
                "revision", "4",
                "action", "REJECT",
                "reason", "off message"));

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(answer.body()).contains("send it again");
  }

  private HttpClient logIn(String user) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(base + Login.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", user, "password", PASSWORD))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(303);
    return client;
  }

  private JsonNode me(HttpClient client) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> post(HttpClient client, Map<String, String> fields)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "/api/reviews"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
