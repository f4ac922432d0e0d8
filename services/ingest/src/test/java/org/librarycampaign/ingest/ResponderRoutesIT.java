package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import library.campaign.events.BranchSettings;
import library.campaign.events.ContactChannel;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEscalationRequested;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponseChannel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.librarycampaign.ingest.respond.Incidents;
import org.librarycampaign.ingest.respond.ResponderRoutes;
import org.librarycampaign.ingest.respond.TwilioSignature;
import org.librarycampaign.platform.ack.AckClaim;
import org.librarycampaign.platform.ack.AckLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.OpsServer;

/**
 * The acknowledge links, the SMS endpoint and the timeline of the ingest API with a real HTTP
 * client, against the real broker and registry. The crisis service's records (notifications,
 * statuses) are written to their topics as crisis writes them; what the routes write is read back
 * from {@code campaign.incidents}.
 */
class ResponderRoutesIT {

  private static final String PUBLIC_URL = "https://campaign.example.org";
  private static final String SMS_TOKEN = "it-sms-gateway-auth-token";
  private static final String ACK_KEYS = "k1:it-ack-secret-0123456789";
  private static final String DANA = "+15550100";

  private static IngestHarness ingest;
  private static AckLinks links;

  @BeforeAll
  static void start() {
    ingest =
        IngestHarness.start(
            "responders",
            Map.of(
                "campaign.public.url", PUBLIC_URL,
                "campaign.ingest.sms.auth-token", SMS_TOKEN,
                "campaign.ack.keys", ACK_KEYS,
                "campaign.ingest.zone", "America/Chicago"));
    links = AckLinks.from(CampaignConfig.of(Map.of(AckLinks.KEYS, ACK_KEYS)));
  }

  @AfterAll
  static void stop() {
    ingest.close();
  }

  @Test
  void aLinkShowsThePageAcknowledgesOnceAndThenSaysWhoAcknowledged() {
    Notification alert =
        Incidents.alert("it-link", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);
    Notification deputy =
        Incidents.alert("it-link", 1, "deputy", "Jo Park", ContactChannel.WEBHOOK, "https://h", 15);
    crisisWrote(alert, deputy);
    crisisWrote(Incidents.status("it-link", IncidentState.ESCALATED, alert, deputy));
    String token = links.sign(links.claim("westside", "it-link", 0, "manager", Instant.now()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ingest.get("/ack/" + token, null).statusCode() == 200);
    HttpResponse<String> page = ingest.get("/ack/" + token, null);
    assertThat(page.headers().firstValue("Content-Type").map(v -> v.replace(" ", "")))
        .contains("text/html;charset=utf-8");
    assertThat(page.body())
        .contains("<button type=\"submit\">Acknowledge as Dana Reyes</button>")
        .contains("<li>Jo Park (tier 1)</li>");
    assertThat(acknowledgements("it-link")).as("a GET writes nothing").isEmpty();

    HttpResponse<String> tapped = ingest.send("POST", "/ack/" + token, null, null, null);
    assertThat(tapped.statusCode()).isEqualTo(200);
    assertThat(tapped.body()).contains("<h1>Thank you, Dana Reyes</h1>");
    List<IncidentAcknowledged> written = acknowledgements("it-link");
    assertThat(written)
        .singleElement()
        .satisfies(
            ack -> {
              assertThat(ack.getBranchId()).isEqualTo("westside");
              assertThat(ack.getBy()).isEqualTo("Dana Reyes");
              assertThat(ack.getVia()).isEqualTo(ResponseChannel.LINK);
            });

    // crisis acknowledges it; a second tap then says who and when, and writes nothing
    crisisWrote(
        IncidentStatus.newBuilder(Incidents.status("it-link", IncidentState.ACKNOWLEDGED, alert))
            .setAcknowledgedBy("Dana Reyes")
            .setAcknowledgedAt(Instant.parse("2026-12-01T15:05:00Z"))
            .setAcknowledgedVia(ResponseChannel.LINK)
            .build());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ingest
                    .send("POST", "/ack/" + token, null, null, null)
                    .body()
                    .contains("<h1>Already acknowledged</h1>"));
    assertThat(ingest.send("POST", "/ack/" + token, null, null, null).body())
        .contains(
            "was acknowledged by <strong>Dana Reyes</strong> on <time"
                + " datetime=\"2026-12-01T15:05:00Z\">Tue 1 Dec 2026, 09:05 CST</time> (with the"
                + " link of a notification)");
    assertThat(acknowledgements("it-link")).hasSize(1);
  }

  @Test
  void aBranchWithAZoneOfItsOwnReadsItsPagesInIt() {
    ingest.produce(
        ingest.topics().branchSettings(),
        "northgate",
        BranchSettings.newBuilder().setBranchId("northgate").setZone("Europe/Berlin").build());
    Notification alert =
        Notification.newBuilder(
                Incidents.alert(
                    "it-zone", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0))
            .setBranchId("northgate")
            .build();
    crisisWrote(alert);
    crisisWrote(
        IncidentStatus.newBuilder(Incidents.status("it-zone", IncidentState.OPEN, alert))
            .setBranchId("northgate")
            .build());
    String token = links.sign(links.claim("northgate", "it-zone", 0, "manager", Instant.now()));

    // reported at 15:00 UTC: 16:00 in Berlin, where campaign.ingest.zone would say 09:00 CST
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ingest.get("/ack/" + token, null).body())
                    .contains(
                        "<dt>Reported</dt><dd><time datetime=\"2026-12-01T15:00:00Z\">Tue 1 Dec"
                            + " 2026, 16:00 CET</time></dd>"));
  }

  @Test
  void aChangedOrExpiredLinkGetsA403PageAndWritesNothing() {
    String token = links.sign(links.claim("westside", "it-bad", 0, "manager", Instant.now()));
    String otherResponder =
        links.sign(links.claim("westside", "it-bad", 0, "deputy", Instant.now()));
    String forged =
        token.substring(0, token.lastIndexOf('.'))
            + otherResponder.substring(otherResponder.lastIndexOf('.'));
    String expired =
        links.sign(
            new AckClaim("westside", "it-bad", 0, "manager", Instant.now().minusSeconds(60)));

    HttpResponse<String> changed = ingest.send("POST", "/ack/" + forged, null, null, null);
    assertThat(changed.statusCode()).isEqualTo(403);
    assertThat(changed.body())
        .contains("<h1>This link is not valid</h1>")
        .contains("it was changed");
    HttpResponse<String> old = ingest.send("POST", "/ack/" + expired, null, null, null);
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(old.body()).contains("<h1>This link has expired</h1>");
    assertThat(acknowledgements("it-bad")).isEmpty();
  }

  @Test
  void smsRepliesAreCheckedAndActedOn() throws Exception {
    Notification toAck = Incidents.sms("it-sms-1", "manager", DANA);
    Notification toEscalate = Incidents.sms("it-sms-2", "manager", "+1 (555) 0100");
    crisisWrote(toAck, toEscalate);
    crisisWrote(Incidents.status("it-sms-1", IncidentState.OPEN, toAck));
    crisisWrote(Incidents.status("it-sms-2", IncidentState.OPEN, toEscalate));
    int ackCode = org.librarycampaign.platform.ack.ReplyCodes.number("it-sms-1");
    int escalateCode = org.librarycampaign.platform.ack.ReplyCodes.number("it-sms-2");
    assertThat(ackCode).isNotEqualTo(escalateCode);

    // a wrong signature: 403, nothing written
    HttpResponse<String> unsigned = sms(form(DANA, ackCode + "A"), "bm90IGEgc2lnbmF0dXJl");
    assertThat(unsigned.statusCode()).isEqualTo(403);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> sms(form(DANA, "help")).body().contains("Open: "));
    HttpResponse<String> acknowledged = sms(form(DANA, ackCode + "a"));
    assertThat(acknowledged.statusCode()).isEqualTo(200);
    assertThat(acknowledged.headers().firstValue("Content-Type").map(v -> v.replace(" ", "")))
        .contains("text/xml;charset=utf-8");
    assertThat(acknowledged.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thank you, Dana Reyes:"
                + " incident it-sms-1 (westside, HIGH) is acknowledged; escalation"
                + " stops.</Message></Response>");
    assertThat(acknowledgements("it-sms-1"))
        .singleElement()
        .satisfies(ack -> assertThat(ack.getVia()).isEqualTo(ResponseChannel.SMS));

    HttpResponse<String> escalated = sms(form(DANA, escalateCode + "E"));
    assertThat(escalated.body()).contains("Incident it-sms-2 (westside, HIGH) is escalated now");
    assertThat(events("it-sms-2", IncidentEscalationRequested.class))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.getBy()).isEqualTo("Dana Reyes");
              assertThat(request.getVia()).isEqualTo(ResponseChannel.SMS);
            });
    assertThat(acknowledgements("it-sms-2")).isEmpty();

    // a number never alerted: counted, answered with nothing
    double before = unknownNumbers();
    HttpResponse<String> stranger = sms(form("+15559999", "ACK"));
    assertThat(stranger.statusCode()).isEqualTo(200);
    assertThat(stranger.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    assertThat(unknownNumbers()).isEqualTo(before + 1);
  }

  @Test
  void theTimelineIsForTheOwningBranchOrTheAdmin() throws Exception {
    Notification alert =
        Incidents.alert("it-time", 0, "manager", "Dana Reyes", ContactChannel.EMAIL, "d@x", 0);
    crisisWrote(alert);
    crisisWrote(Incidents.status("it-time", IncidentState.OPEN, alert));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ingest.get("/v1/incidents/it-time", IngestHarness.WESTSIDE).statusCode() == 200);
    JsonNode body =
        new ObjectMapper()
            .readTree(ingest.get("/v1/incidents/it-time", IngestHarness.ADMIN).body());
    assertThat(body.path("state").asText()).isEqualTo("OPEN");
    assertThat(body.path("zone").asText()).isEqualTo("America/Chicago");
    assertThat(body.path("reportedAt").asText()).isEqualTo("2026-12-01T09:00:00-06:00");
    assertThat(body.path("timeline").get(1).path("notificationId").asText())
        .isEqualTo("it-time/0/manager/EMAIL");
    assertThat(ingest.get("/v1/incidents/it-time", IngestHarness.EASTSIDE).statusCode())
        .isEqualTo(403);
    assertThat(ingest.get("/v1/incidents/it-time", null).statusCode()).isEqualTo(401);
    assertThat(ingest.get("/v1/incidents/nope", IngestHarness.ADMIN).statusCode()).isEqualTo(404);
  }

  private static void crisisWrote(Notification... notifications) {
    for (Notification n : notifications) {
      ingest.produce(ingest.topics().notifications(), n.getNotificationId(), n);
    }
  }

  private static void crisisWrote(IncidentStatus status) {
    ingest.produce(ingest.topics().incidentStatus(), status.getIncidentId(), status);
  }

  private static List<IncidentAcknowledged> acknowledgements(String incidentId) {
    return events(incidentId, IncidentAcknowledged.class);
  }

  private static <T> List<T> events(String incidentId, Class<T> type) {
    return ingest.records(ingest.topics().incidents()).stream()
        .map(ConsumerRecord::value)
        .map(IncidentEvent::getEvent)
        .filter(type::isInstance)
        .map(type::cast)
        .filter(e -> e.toString().contains("\"incidentId\": \"" + incidentId + "\""))
        .toList();
  }

  private static Map<String, List<String>> form(String from, String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("MessageSid", List.of("SM" + Math.abs(body.hashCode())));
    form.put("From", List.of(from));
    form.put("To", List.of("+15550000"));
    form.put("Body", List.of(body));
    return form;
  }

  private static HttpResponse<String> sms(Map<String, List<String>> form) {
    return sms(form, TwilioSignature.sign(SMS_TOKEN, PUBLIC_URL + "/sms/inbound", form));
  }

  private static HttpResponse<String> sms(Map<String, List<String>> form, String signature) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(e.getValue().get(0), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return ingest.send(
        HttpRequest.newBuilder(ingest.uri("/sms/inbound"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(TwilioSignature.HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static double unknownNumbers() {
    Counter counter =
        OpsServer.prometheus()
            .find(ResponderRoutes.SMS_REPLIES)
            .tag("outcome", "unknown_number")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
