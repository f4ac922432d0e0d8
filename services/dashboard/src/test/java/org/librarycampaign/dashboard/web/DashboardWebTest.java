package org.librarycampaign.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.board.Board;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.dashboard.store.ViewUnavailableException;

/** The page, the JSON API and the live stream over HTTP, on a board the test controls. */
class DashboardWebTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final AtomicReference<Facts> facts = new AtomicReference<>(Facts.none());
  private final AtomicReference<Boolean> available = new AtomicReference<>(true);
  private static final String PASSWORD = "correct horse battery";

  /** Keeps the session cookie, as a browser does. */
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private final HttpClient anonymous = HttpClient.newHttpClient();
  @TempDir Path dataDir;
  private DashboardWeb web;
  private Javalin app;
  private String base;

  @BeforeEach
  void start() throws Exception {
    BoardSource source =
        (week, branch) -> {
          if (!available.get()) {
            throw new ViewUnavailableException("the dashboard's views are rebalancing", null);
          }
          return Board.build(
              facts.get(), NOW, ZONE, week, branch, "/data/outbox", "/data/outbox-posts");
        };
    web =
        DashboardWeb.start(
            source,
            new DashboardSettings(
                ZONE,
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Path.of("/data/outbox"),
                dataDir.resolve("viewers.properties"),
                false,
                Duration.ofHours(1)),
            viewers());
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  web.addRoutes(config.routes);
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    assertThat(logIn(http, "alice", PASSWORD).statusCode()).isEqualTo(303);
  }

  private Viewers viewers() throws Exception {
    Path file = dataDir.resolve("viewers.properties");
    Files.writeString(
        file,
        "alice=" + Viewers.hashed(PASSWORD, new SecureRandom()) + "\nbob=another-long-password\n");
    return Viewers.read(file);
  }

  @AfterEach
  void stop() {
    web.close();
    app.stop();
  }

  @Test
  void thePageAndItsAssetsComeFromTheJar() throws Exception {
    HttpResponse<String> page = get("/");
    HttpResponse<String> script = get("/assets/dashboard.js");
    HttpResponse<String> styles = get("/assets/dashboard.css");
    HttpResponse<String> missing = get("/assets/index.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains(
            "<html lang=\"en\">",
            "id=\"balance\"",
            "id=\"held\"",
            "id=\"calendar\"",
            "id=\"incidents\"",
            "id=\"outbox\"",
            "id=\"dead-letters\"",
            "id=\"officials\"",
            "/assets/dashboard.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body())
        .contains("new EventSource(\"/api/stream\"", "renderOfficials(board.officials");
    assertThat(styles.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void withoutALoginThePageRedirectsToTheFormAndTheApiAndStreamAre401() throws Exception {
    HttpResponse<String> page = send(anonymous, "/");
    HttpResponse<String> incidents = send(anonymous, "/api/incidents");
    HttpResponse<String> stream = send(anonymous, "/api/stream");
    HttpResponse<String> form = send(anonymous, "/login");
    HttpResponse<String> script = send(anonymous, "/assets/dashboard.js");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login");
    assertThat(incidents.statusCode()).isEqualTo(401);
    assertThat(incidents.body()).doesNotContain("responders");
    assertThat(stream.statusCode()).isEqualTo(401);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("<form method=\"post\" action=\"/login\">");
    assertThat(script.statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginSetsAStrictHttpOnlyCookieAndLoggingOutEndsIt() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> wrongPassword = logIn(browser, "alice", "not the password");
    HttpResponse<String> unknownUser = logIn(browser, "mallory", PASSWORD);
    HttpResponse<String> before = send(browser, "/api/incidents");
    HttpResponse<String> plainPassword = logIn(browser, "bob", "another-long-password");
    HttpResponse<String> after = send(browser, "/api/incidents");
    HttpResponse<String> logOut =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> afterLogout = send(browser, "/api/incidents");

    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).contains("Wrong user name or password.");
    assertThat(unknownUser.statusCode()).isEqualTo(401);
    assertThat(before.statusCode()).isEqualTo(401);
    assertThat(plainPassword.statusCode()).isEqualTo(303);
    assertThat(plainPassword.headers().firstValue("Location")).hasValue("/");
    assertThat(plainPassword.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            cookie ->
                assertThat(cookie)
                    .startsWith(Login.COOKIE + "=")
                    .contains("; HttpOnly")
                    .contains("; SameSite=Strict")
                    .contains("; Path=/"));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(logOut.statusCode()).isEqualTo(303);
    assertThat(afterLogout.statusCode()).isEqualTo(401);
  }

  @Test
  void theApiAnswersEachPartOfTheBoardAsJson() throws Exception {
    facts.set(
        Facts.builder()
            .decisions(
                List.of(
                    new DecisionFact(
                        "k1",
                        1,
                        "westside",
                        "westside/FACEBOOK",
                        "CAMPAIGN",
                        "budget-2027",
                        NOW.plusSeconds(3600),
                        "HELD",
                        false,
                        List.of(new DecisionFact.Reason("RATIO_LIMIT", "Needs content.", null, 3)),
                        List.of(),
                        null,
                        NOW)))
            .build());

    HttpResponse<String> board = get("/api/board");
    HttpResponse<String> held = get("/api/held");
    HttpResponse<String> calendar = get("/api/calendar?week=2026-12-09");

    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(board.body())
        .startsWith("{\"zone\":\"Europe/Amsterdam\",\"today\":\"2026-12-02\",\"zones\":{")
        .contains("\"westside/FACEBOOK\":\"Europe/Amsterdam\"")
        .contains(
            "\"abbreviations\":{\"Europe/Amsterdam\":{\"60\":\"CET\",\"120\":\"CEST\"}},\"summary\":")
        .contains("\"held\":1");
    assertThat(held.body())
        .startsWith("[{\"postId\":\"k1\"")
        .contains("\"release\":\"Approving 3 more content posts on westside/FACEBOOK");
    assertThat(calendar.body()).startsWith("{\"weekStart\":\"2026-12-07\"");
    for (String part : List.of("balance", "incidents", "outbox", "dead-letters")) {
      assertThat(get("/api/" + part).statusCode()).as(part).isEqualTo(200);
    }
  }

  @Test
  void theCalendarOfOneBranchIsInItsZoneAndABadBranchIs400() throws Exception {
    HttpResponse<String> eastside = get("/api/calendar?branch=eastside");
    HttpResponse<String> bad = get("/api/calendar?branch=..%2Fetc");

    assertThat(eastside.statusCode()).isEqualTo(200);
    assertThat(eastside.body())
        .startsWith(
            "{\"weekStart\":\"2026-11-30\",\"weekEnd\":\"2026-12-06\",\"zone\":\"Europe/Amsterdam\","
                + "\"branch\":\"eastside\",");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .isEqualTo("{\"error\":\"branch must be a branch id such as eastside, got '../etc'\"}");
  }

  @Test
  void aBadWeekIs400AndUnreadableViewsAre503() throws Exception {
    HttpResponse<String> badWeek = get("/api/calendar?week=next");
    available.set(false);
    HttpResponse<String> unavailable = get("/api/board");

    assertThat(badWeek.statusCode()).isEqualTo(400);
    assertThat(badWeek.body())
        .isEqualTo("{\"error\":\"week must be a date such as 2026-11-30, got 'next'\"}");
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(unavailable.body()).contains("rebalancing");
  }

  @Test
  void theStreamSendsTheBoardAtOnceAndAgainOnlyWhenItChanges() throws Exception {
    BlockingQueue<String> lines = stream("/api/stream");

    await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: board"));
    String first = nextData(lines);
    assertThat(first).contains("\"held\":0");

    facts.set(
        Facts.builder()
            .decisions(
                List.of(
                    new DecisionFact(
                        "k1",
                        1,
                        "westside",
                        "westside/FACEBOOK",
                        "CAMPAIGN",
                        null,
                        NOW,
                        "HELD",
                        false,
                        List.of(),
                        List.of(),
                        null,
                        NOW)))
            .build());

    String second = nextData(lines);
    assertThat(second).contains("\"held\":1").contains("\"postId\":\"k1\"");
    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(2))
        .until(() -> lines.stream().noneMatch(line -> line.startsWith("data:")));
  }

  @Test
  void whileTheViewsAreUnreadableTheStreamSaysItIsWaiting() throws Exception {
    available.set(false);
    BlockingQueue<String> lines = stream("/api/stream?week=2026-12-09");

    await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: waiting"));
    assertThat(nextData(lines)).contains("rebalancing");

    available.set(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: board"));
    assertThat(nextData(lines)).contains("\"weekStart\":\"2026-12-07\"");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(http, path);
  }

  private HttpResponse<String> send(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> logIn(HttpClient client, String user, String password)
      throws Exception {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(URI.create(base + Login.PATH))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private BlockingQueue<String> stream(String path) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> readInto(response.body(), lines));
    return lines;
  }

  private static void readInto(Stream<String> body, BlockingQueue<String> lines) {
    Thread reader = new Thread(() -> body.forEach(lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The data of the next event, dropping what comes before it. */
  private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
    while (true) {
      String line = lines.poll(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(line).as("a data line within 5 s").isNotNull();
      if (line.startsWith("data:")) {
        return line.substring("data:".length()).trim();
      }
    }
  }
}
