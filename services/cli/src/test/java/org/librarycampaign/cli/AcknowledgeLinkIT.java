package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import library.campaign.events.ResponseChannel;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.crisis.CrisisSettings;
import org.librarycampaign.dispatcher.DispatcherService;
import org.librarycampaign.dispatcher.DispatcherSettings;
import org.librarycampaign.ingest.IngestService;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The loop of issue 14 item 1 end to end, on the real broker and registry: crisis alerts, the
 * dispatcher delivers a real e-mail (GreenMail) and a real webhook POST, and the one-tap link from
 * each, tapped over HTTP, writes IncidentAcknowledged via LINK and stops the escalation. A third
 * incident nobody acknowledges is the control: its tier 1 alert shows that the deadline passed and
 * was checked, and the two acknowledged ones got none.
 */
class AcknowledgeLinkIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/ack/[A-Za-z0-9_.-]+");
  private static final String UNIT = "5s";
  private static final int TIER_0_TIMEOUT = 6; // units: 30 s to tap before tier 1 is due

  private final List<RunningService> services = new ArrayList<>();
  private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer hookServer;
  private OpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).close();
    }
    if (hookServer != null) {
      hookServer.stop(0);
    }
  }

  @Test
  void aLinkFromAnEmailAndOneFromAWebhookPayloadAcknowledgeAndStopTheEscalation() throws Exception {
    hookServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hookServer.createContext(
        "/hook",
        exchange -> {
          hooks.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    hookServer.start();
    int port = freePort();
    CampaignConfig config =
        SharedStack.get()
            .configFor("ack-link")
            .with(
                Map.ofEntries(
                    Map.entry("campaign.public.url", "http://localhost:" + port),
                    Map.entry("campaign.ack.keys", "it1:end-to-end-ack-secret-0001"),
                    Map.entry(CrisisSettings.ACK_TIMEOUT_UNIT, UNIT),
                    Map.entry(CrisisSettings.ESCALATION_CHECK_INTERVAL, "250ms"),
                    Map.entry(DispatcherSettings.SMTP_HOST, "127.0.0.1"),
                    Map.entry(
                        DispatcherSettings.SMTP_PORT, Integer.toString(SMTP.getSmtp().getPort())),
                    Map.entry(DispatcherSettings.SMTP_SECURITY, "none"),
                    Map.entry(DispatcherSettings.SMTP_FROM, "alerts@library.example"),
                    Map.entry(DispatcherSettings.WEBHOOK_SECRET, "end-to-end-webhook-secret"),
                    Map.entry(DispatcherSettings.POLL_INTERVAL, "100ms"),
                    Map.entry("campaign.ingest.dev-tokens", "true")));
    TopicCatalogue topics = SharedStack.createTopics(config);
    Readiness readiness = new Readiness();
    ServiceContext context = new ServiceContext(config, topics, readiness);
    RunningService crisis = new CrisisService().start(context);
    services.add(crisis);
    RunningService dispatcher = new DispatcherService().start(context);
    services.add(dispatcher);
    RunningService ingest = new IngestService().start(context);
    services.add(ingest);
    server =
        OpsServer.start(
            port, readiness, List.of(crisis::addRoutes, dispatcher::addRoutes, ingest::addRoutes));
    await().atMost(Duration.ofSeconds(120)).until(readiness::isReady);

    String hook = "http://127.0.0.1:" + hookServer.getAddress().getPort() + "/hook";
    send(
        config,
        topics,
        "{\"type\":\"ResponsePlan\",\"branchId\":\"westside\",\"steps\":[\"Hold campaign posts\"],"
            + "\"tiers\":[{\"ackTimeoutMinutes\":"
            + TIER_0_TIMEOUT
            + ",\"responders\":["
            + "{\"responderId\":\"dana\",\"name\":\"Dana Reyes\",\"role\":\"Branch manager\","
            + "\"minSeverity\":\"LOW\",\"contacts\":[{\"channel\":\"EMAIL\","
            + "\"address\":\"dana@library.example\"}]},"
            + "{\"responderId\":\"chat\",\"name\":\"Branch chat\",\"role\":\"Chat room\","
            + "\"minSeverity\":\"LOW\",\"contacts\":[{\"channel\":\"WEBHOOK\",\"address\":\""
            + hook
            + "\"}]}]},"
            + "{\"ackTimeoutMinutes\":60,\"responders\":["
            + "{\"responderId\":\"alex\",\"name\":\"Alex Kim\",\"role\":\"Director\","
            + "\"minSeverity\":\"LOW\",\"contacts\":[{\"channel\":\"EMAIL\","
            + "\"address\":\"alex@library.example\"}]}]}]}");
    for (String incident : List.of("it-mail", "it-hook", "it-control")) {
      send(
          config,
          topics,
          "{\"type\":\"IncidentReported\",\"incidentId\":\""
              + incident
              + "\",\"branchId\":\"westside\",\"severity\":\"HIGH\",\"category\":\"SAFETY\","
              + "\"summary\":\"Smoke in the reading room\",\"reportedAt\":\"2026-12-01T15:00:00Z\"}");
    }

    // the link in Dana's real e-mail
    MimeMessage mail =
        await().atMost(Duration.ofSeconds(60)).until(() -> mailFor("it-mail"), m -> m != null);
    Matcher inMail = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
    assertThat(inMail.find()).as("a link in the e-mail").isTrue();
    String mailLink = inMail.group();
    HttpResponse<String> page = get(mailLink);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Acknowledge as Dana Reyes").contains("Hold campaign posts");
    HttpResponse<String> tapped = post(mailLink);
    assertThat(tapped.statusCode()).isEqualTo(200);
    assertThat(tapped.body()).contains("Thank you, Dana Reyes");

    // the ackUrl of the chat room's real webhook payload
    JsonNode payload =
        await().atMost(Duration.ofSeconds(60)).until(() -> hookFor("it-hook"), p -> p != null);
    String hookLink = payload.path("ackUrl").asText();
    assertThat(hookLink).matches(LINK);
    assertThat(payload.path("text").asText()).contains(hookLink);
    HttpResponse<String> tappedByBot = post(hookLink);
    assertThat(tappedByBot.statusCode()).isEqualTo(200);
    assertThat(tappedByBot.body()).contains("Thank you, Branch chat");

    // both acknowledgements say LINK, and crisis took them
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, IncidentStatus> status = latestStatus(config, topics);
              for (String incident : List.of("it-mail", "it-hook")) {
                assertThat(status.get(incident)).as(incident).isNotNull();
                assertThat(status.get(incident).getState()).isEqualTo(IncidentState.ACKNOWLEDGED);
                assertThat(status.get(incident).getAcknowledgedVia())
                    .isEqualTo(ResponseChannel.LINK);
              }
            });
    List<IncidentAcknowledged> acks =
        read(config, topics.incidents()).stream()
            .map(IncidentEvent::getEvent)
            .filter(IncidentAcknowledged.class::isInstance)
            .map(IncidentAcknowledged.class::cast)
            .toList();
    assertThat(acks)
        .extracting(a -> a.getIncidentId() + " " + a.getBy() + " " + a.getVia())
        .containsExactlyInAnyOrder("it-mail Dana Reyes LINK", "it-hook Branch chat LINK");

    // a second tap says who acknowledged
    assertThat(post(mailLink).body()).contains("Already acknowledged").contains("Dana Reyes");

    // the control incident reaches tier 1 once the deadline has passed; the others do not
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                read(config, topics.notifications()).stream()
                    .anyMatch(n -> n.getNotificationId().equals("it-control/1/alex/EMAIL")));
    assertThat(read(config, topics.notifications()))
        .extracting(Notification::getNotificationId)
        .noneMatch(id -> id.startsWith("it-mail/1/") || id.startsWith("it-hook/1/"));
  }

  private MimeMessage mailFor(String incidentId) throws Exception {
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      String[] header = message.getHeader("X-Campaign-Incident-Id");
      if (header != null && Arrays.asList(header).contains(incidentId)) {
        return message;
      }
    }
    return null;
  }

  private JsonNode hookFor(String incidentId) {
    return hooks.stream()
        .filter(h -> h.path("incidentId").asText().equals(incidentId))
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static void send(CampaignConfig config, TopicCatalogue topics, String line) {
    ParsedEvent event = new EventJson().parse(line);
    Serializer<SpecificRecord> values =
        (Serializer<SpecificRecord>) topics.get(event.topic()).valueSerde().serializer();
    String topic = topics.name(event.topic());
    Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(topic, event.key(), values.serialize(topic, event.value())));
      producer.flush();
    }
  }

  private static Map<String, IncidentStatus> latestStatus(
      CampaignConfig config, TopicCatalogue topics) {
    Map<String, IncidentStatus> latest = new java.util.HashMap<>();
    read(config, topics.incidentStatus()).forEach(s -> latest.put(s.getIncidentId(), s));
    return latest;
  }

  /** Every record of a topic so far, as a read_committed consumer sees them. */
  private static <V> List<V> read(CampaignConfig config, Topic<String, V> topic) {
    Deserializer<V> values = topic.valueSerde().deserializer();
    Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<V> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(r -> out.add(values.deserialize(r.topic(), r.value())));
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
