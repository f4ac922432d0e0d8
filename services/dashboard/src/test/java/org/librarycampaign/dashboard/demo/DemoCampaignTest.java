package org.librarycampaign.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;

/** The demo feeder against a stand-in for the ingest API that checks what it is sent. */
class DemoCampaignTest {

  private static final String TOKEN = "test-admin-token-0123456789";
  private static final Instant START = Instant.parse("2026-12-02T14:03:27Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> ackRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger notReadyAnswers = new AtomicInteger();
  private final EventJson json = new EventJson();
  private Javalin ingest;
  private URI base;
  private int stillStarting;
  private String refuseType;

  @BeforeEach
  void start() {
    ingest =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.post("/v1/events", this::receiveEvents);
                  config.routes.get("/ack/{token}", ctx -> ackRequests.add("GET " + ctx.path()));
                  config.routes.post("/ack/{token}", ctx -> ackRequests.add("POST " + ctx.path()));
                })
            .start("127.0.0.1", 0);
    base = URI.create("http://127.0.0.1:" + ingest.port());
  }

  @AfterEach
  void stop() {
    ingest.stop();
  }

  /** The ingest API as the demo sees it: not ready for a while, then 202 or a refusal. */
  private void receiveEvents(Context ctx) throws Exception {
    authorizations.add(ctx.header("Authorization"));
    if (notReadyAnswers.get() < stillStarting) {
      notReadyAnswers.incrementAndGet();
      ctx.status(503).result("starting");
      return;
    }
    JsonNode body = MAPPER.readTree(ctx.body());
    for (JsonNode event : body) {
      if (event.path("type").asText().equals(refuseType)) {
        ctx.status(400).result("{\"errors\":[\"refused for the test\"]}");
        return;
      }
    }
    for (JsonNode event : body) {
      received.add(json.parse(event).type());
    }
    ctx.status(202).result("{\"accepted\":" + body.size() + "}");
  }

  private DemoCampaign.Options fast() {
    return new DemoCampaign.Options(Clock.fixed(START, ZoneOffset.UTC), ZoneId.of("UTC"), 0.001);
  }

  private static int eventsInScript() {
    return DemoScript.steps(START, ZoneId.of("UTC")).stream()
        .mapToInt(s -> s.events().size())
        .sum();
  }

  @Test
  void feedsEveryStepInOrderWithTheAdminTokenWaitingForTheApiToComeUp() throws Exception {
    stillStarting = 1;

    try (DemoCampaign demo = DemoCampaign.start(base, TOKEN, fast())) {
      assertThat(demo.awaitDone(Duration.ofSeconds(20))).isTrue();

      // started on Wednesday 2 Dec: the story's week is the coming one
      assertThat(demo.week()).isEqualTo(LocalDate.parse("2026-12-07"));
      assertThat(demo.sent()).isEqualTo(eventsInScript());
      assertThat(demo.failed()).isZero();
    }
    assertThat(received).hasSize(eventsInScript());
    assertThat(received.get(0)).isEqualTo("ChannelPolicy");
    assertThat(received.get(received.size() - 1)).isEqualTo("IncidentResolved");
    assertThat(notReadyAnswers.get()).isEqualTo(1);
    assertThat(authorizations).containsOnly("Bearer " + TOKEN);
  }

  @Test
  void aRefusedStepIsSkippedAndTheRestGoesOn() throws Exception {
    refuseType = "PostWithdrawn";

    try (DemoCampaign demo = DemoCampaign.start(base, TOKEN, fast())) {
      assertThat(demo.awaitDone(Duration.ofSeconds(20))).isTrue();

      assertThat(demo.failed()).isEqualTo(1);
      assertThat(demo.sent()).isEqualTo(eventsInScript() - 1);
    }
    assertThat(received).doesNotContain("PostWithdrawn").contains("IncidentResolved");
  }

  @Test
  void closingStopsTheFeed() throws Exception {
    DemoCampaign demo =
        DemoCampaign.start(
            base, TOKEN, new DemoCampaign.Options(Clock.systemUTC(), ZoneId.of("UTC"), 1.0));
    await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());

    demo.close();

    assertThat(demo.awaitDone(Duration.ofSeconds(5))).isTrue();
    assertThat(demo.sent()).isLessThan(eventsInScript());
  }

  @Test
  void theDirectorAcknowledgesByTappingTheLinkOfHerAlertFromTheOutbox(@TempDir Path outbox)
      throws Exception {
    String incident = DemoScript.incidentId(START);
    Path sms = Files.createDirectories(outbox.resolve("SMS"));
    // the director's tier 1 alert, and an alert of someone else that must not be tapped
    Files.writeString(
        sms.resolve("director.json"),
        "{\"outbox\":\"NOT SENT\",\"incidentId\":\""
            + incident
            + "\",\"kind\":\"ALERT\",\"tier\":1,\"recipient\":{\"responderId\":\"priya-shah\"},"
            + "\"ackUrl\":\""
            + base
            + "/ack/director-link\"}");
    Files.writeString(
        sms.resolve("other.json"),
        "{\"incidentId\":\""
            + incident
            + "\",\"kind\":\"ALERT\",\"tier\":0,\"recipient\":{\"responderId\":\"ana-ruiz\"},"
            + "\"ackUrl\":\""
            + base
            + "/ack/other-link\"}");

    try (DemoCampaign demo = DemoCampaign.start(base, TOKEN, fast(), outbox)) {
      assertThat(demo.awaitDone(Duration.ofSeconds(20))).isTrue();
      assertThat(demo.sent()).isEqualTo(eventsInScript());
    }
    assertThat(ackRequests).containsExactly("GET /ack/director-link", "POST /ack/director-link");
    assertThat(received).doesNotContain("IncidentAcknowledged").contains("IncidentResolved");
    assertThat(received).hasSize(eventsInScript() - 1);
  }

  @Test
  void theAdminTokenComesFromTheIngestTokensFileUnlessItIsOnlyAHash(@TempDir Path dir)
      throws Exception {
    Path clear = dir.resolve("clear.properties");
    Files.writeString(
        clear,
        "# made by campaign up\nadmin=sha256:"
            + "a".repeat(64)
            + ","
            + TOKEN
            + "\nbranch.eastside=abcdefghijklmnopqrstu\n");
    Path hashed = dir.resolve("hashed.properties");
    Files.writeString(hashed, "admin=sha256:" + "b".repeat(64) + "\n");

    assertThat(DemoCampaign.adminToken(clear)).hasValue(TOKEN);
    assertThat(DemoCampaign.adminToken(hashed)).isEmpty();
    assertThat(DemoCampaign.adminToken(dir.resolve("missing.properties"))).isEmpty();
    assertThat(
            DemoCampaign.tokensFile(
                CampaignConfig.of(Map.of(CampaignConfig.DATA_DIR, dir.toString()))))
        .isEqualTo(dir.resolve("ingest-tokens.properties"));
    assertThat(
            DemoCampaign.tokensFile(
                CampaignConfig.of(Map.of("campaign.ingest.tokens-file", clear.toString()))))
        .isEqualTo(clear);
  }
}
