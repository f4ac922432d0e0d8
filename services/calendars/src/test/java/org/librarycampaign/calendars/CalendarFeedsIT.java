package org.librarycampaign.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import library.campaign.events.Stance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The poller against a real HTTP server in this JVM serving an .ics, and the real broker and
 * registry: it imports, stays idempotent, waits out an outage without cancelling anything, and
 * cancels an event that leaves the feed.
 */
class CalendarFeedsIT {

  private static final DateTimeFormatter ICS_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final AtomicReference<String> served = new AtomicReference<>();
  private HttpServer server;
  private RunningService service;

  @BeforeAll
  static void countMeters() {
    // the global registry counts nothing until a registry is added (the ops server adds one)
    Metrics.addRegistry(new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void pollsTheFeedIntoMilestonesAndWaitsOutAnOutage() throws IOException {
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
    String fair = event("fair@city.example", "Book fair", day.plus(Duration.ofHours(15)));
    String parade = event("parade@city.example", "Parade", day.plus(Duration.ofHours(39)));
    served.set(calendar(fair, parade));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/events.ics",
        exchange -> {
          String body = served.get();
          byte[] bytes =
              (body == null ? "down for maintenance" : body).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
          exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    String feed = SharedStack.uniqueName("city").replace('.', '-');
    CampaignConfig config =
        SharedStack.get()
            .configFor("calendar-feeds")
            .with(
                Map.of(
                    CalendarFeedsSettings.INTERVAL,
                    "300ms",
                    CalendarFeedsSettings.PREFIX + feed + ".url",
                    "http://localhost:" + server.getAddress().getPort() + "/events.ics",
                    CalendarFeedsSettings.PREFIX + feed + ".branch",
                    "riverside",
                    CalendarFeedsSettings.PREFIX + feed + ".stance",
                    "AVOID"));
    TopicCatalogue topics = SharedStack.createTopics(config);

    service = new CalendarFeedsService().start(new ServiceContext(config, topics, new Readiness()));

    await().atMost(Duration.ofSeconds(60)).until(() -> milestones(config, topics).size() == 2);
    List<MilestoneEvent> first = milestones(config, topics);
    assertThat(first)
        .extracting(
            MilestoneEvent::getTitle,
            MilestoneEvent::getRevision,
            MilestoneEvent::getKind,
            MilestoneEvent::getStance,
            MilestoneEvent::getBranchId,
            MilestoneEvent::getCancelled)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Book fair", 1, MilestoneKind.COMMUNITY_EVENT, Stance.AVOID, "riverside", false),
            org.assertj.core.groups.Tuple.tuple(
                "Parade", 1, MilestoneKind.COMMUNITY_EVENT, Stance.AVOID, "riverside", false));
    assertThat(first)
        .allSatisfy(m -> assertThat(m.getMilestoneId()).startsWith("ics:" + feed + ":riverside:"));

    // the same feed again and again: nothing new
    double imported = polls(feed, "imported");
    await().atMost(Duration.ofSeconds(30)).until(() -> polls(feed, "imported") >= imported + 3);
    assertThat(milestones(config, topics)).hasSize(2);

    // an outage: retried, never cancellations
    served.set(null);
    double unavailable = polls(feed, "unavailable");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> polls(feed, "unavailable") >= unavailable + 3);
    assertThat(milestones(config, topics)).hasSize(2);

    // back, without the parade: the parade is cancelled, once
    served.set(calendar(fair));
    await().atMost(Duration.ofSeconds(30)).until(() -> milestones(config, topics).size() == 3);
    MilestoneEvent cancelled = milestones(config, topics).get(2);
    assertThat(cancelled.getTitle()).isEqualTo("Parade");
    assertThat(cancelled.getRevision()).isEqualTo(2);
    assertThat(cancelled.getCancelled()).isTrue();
    double after = polls(feed, "imported");
    await().atMost(Duration.ofSeconds(30)).until(() -> polls(feed, "imported") >= after + 3);
    assertThat(milestones(config, topics)).hasSize(3);
  }

  private static double polls(String feed, String outcome) {
    Counter counter =
        Metrics.globalRegistry
            .find(CalendarFeedsService.POLLS)
            .tags("feed", feed, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static String event(String uid, String title, Instant start) {
    return String.join(
        "\r\n",
        "BEGIN:VEVENT",
        "UID:" + uid,
        "DTSTAMP:20261001T000000Z",
        "DTSTART:" + ICS_TIME.format(start),
        "DTEND:" + ICS_TIME.format(start.plus(Duration.ofHours(3))),
        "SUMMARY:" + title,
        "END:VEVENT");
  }

  private static String calendar(String... events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//calendars//EN\r\n"
        + String.join("\r\n", events)
        + "\r\nEND:VCALENDAR\r\n";
  }

  /** Every record of the topic, in the order written (one partition key: the branch). */
  private static List<MilestoneEvent> milestones(CampaignConfig config, TopicCatalogue topics) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, MilestoneEvent> consumer =
        new KafkaConsumer<>(
            props,
            topics.milestones().keySerde().deserializer(),
            topics.milestones().valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topics.milestones().name()).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<MilestoneEvent> records = new ArrayList<>();
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> records.add(record.value()));
      }
      return records;
    }
  }
}
