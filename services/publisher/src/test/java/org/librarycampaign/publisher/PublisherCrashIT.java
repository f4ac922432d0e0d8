package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.publisher.remote.FakeBluesky;
import org.librarycampaign.publisher.remote.FakeMastodon;
import org.librarycampaign.publisher.remote.WebhookReceiver;
import org.librarycampaign.testsupport.ServiceProcess;
import org.librarycampaign.testsupport.SharedStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 in the middle of a batch: the publisher runs as its own JVM (test-support's {@link
 * ServiceProcess}, what {@code campaign run publisher} does), on the shared real broker and
 * registry, publishing 30 approved posts to a slow Mastodon, Bluesky and webhook server in this
 * JVM; it is killed once some receipts are committed and started again on the same state. Counted
 * at the servers after their dedup (Idempotency-Key, record key): each revision exists exactly
 * once; revisions whose PUBLISHED receipt was committed before the kill are not sent again; every
 * revision has exactly one committed PUBLISHED receipt.
 */
class PublisherCrashIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(PublisherCrashIT.class);
  private static final int PER_CHANNEL = 10;
  private static final List<Platform> PLATFORMS =
      List.of(Platform.MASTODON, Platform.BLUESKY, Platform.OTHER);

  private final FakeMastodon mastodon = new FakeMastodon();
  private final FakeBluesky bluesky = new FakeBluesky();
  private final WebhookReceiver webhook = new WebhookReceiver();
  private final List<Process> processes = new ArrayList<>();

  /** Bluesky record key -> postId/revision. */
  private final Map<String, String> keyOfRecord = new HashMap<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    mastodon.close();
    bluesky.close();
    webhook.close();
  }

  @Test
  void killedMidBatchEachRevisionIsPublishedExactlyOnceWithCompleteReceipts() throws Exception {
    mastodon.slowDown(250);
    bluesky.slowDown(250);
    webhook.slowDown(250);
    String channel = PublisherSettings.CHANNEL + "eastside.";
    CampaignConfig config =
        SharedStack.get()
            .configFor("publisher-crash")
            .with(
                Map.ofEntries(
                    Map.entry(channel + "MASTODON.kind", "mastodon"),
                    Map.entry(channel + "MASTODON.url", mastodon.baseUrlForConfig()),
                    Map.entry(channel + "MASTODON.token", FakeMastodon.TOKEN),
                    Map.entry(channel + "BLUESKY.kind", "bluesky"),
                    Map.entry(channel + "BLUESKY.url", bluesky.baseUrlForConfig()),
                    Map.entry(channel + "BLUESKY.handle", FakeBluesky.HANDLE),
                    Map.entry(channel + "BLUESKY.app-password", FakeBluesky.PASSWORD),
                    Map.entry(channel + "OTHER.kind", "webhook"),
                    Map.entry(channel + "OTHER.url", webhook.baseUrlForConfig() + "/hook"),
                    Map.entry(channel + "OTHER.secret", WebhookReceiver.SECRET),
                    Map.entry(PublisherSettings.POLL_INTERVAL, "100ms")));
    TopicCatalogue catalogue = SharedStack.createTopics(config);

    Instant due = Instant.now().plusSeconds(2);
    List<PostDrafted> drafts = new ArrayList<>();
    for (int i = 0; i < PER_CHANNEL; i++) {
      for (Platform platform : PLATFORMS) {
        drafts.add(
            PostDrafted.newBuilder(
                    Posts.draft(
                        "crash-" + platform.name().toLowerCase(Locale.ROOT) + "-" + i,
                        1 + i % 2,
                        platform,
                        PostCategory.CONTENT,
                        due.plusMillis(50L * i)))
                .setMedia(List.of())
                .build());
      }
    }
    for (PostDrafted d : drafts) {
      keyOfRecord.put(
          org.librarycampaign.publisher.channel.BlueskyPublisher.recordKey(
              new org.librarycampaign.publisher.rules.PostState(
                  d.getPostId(),
                  d.getRevision(),
                  "eastside",
                  d.getPlatform().name(),
                  "CONTENT",
                  null,
                  "",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  d.getScheduledAt(),
                  null)),
          d.getPostId() + "/" + d.getRevision());
    }
    send(
        config,
        catalogue.posts(),
        drafts.stream().map(d -> (SpecificRecord) Posts.drafted(d)),
        d -> "eastside");
    send(
        config,
        catalogue.postDecisions(),
        drafts.stream()
            .map(d -> (SpecificRecord) Posts.decision(d, DecisionStatus.APPROVED, false)),
        d -> ((PostDecision) d).getPostId());

    Path logs =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "crash-it").toAbsolutePath()), "run-");
    try (Reader receipts = new Reader(config, catalogue.publications())) {
      Process first = start(config, logs.resolve("first.log"));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> published(receipts.poll()).size() >= 6);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Map<String, Long> callsAtKill = calls();
      Set<String> publishedBeforeKill = published(receipts.poll());
      LOGGER
          .atInfo()
          .addKeyValue("called", callsAtKill.size())
          .addKeyValue("committedPublished", publishedBeforeKill.size())
          .log("Publisher killed");
      assertThat(publishedBeforeKill.size())
          .as("the kill must fall in the middle of the batch")
          .isLessThan(drafts.size());

      Process second = start(config, logs.resolve("second.log"));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> published(receipts.poll()).size() == drafts.size());
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      receipts.poll();

      // at the remotes, after their dedup: every revision exactly once
      List<String> keys = drafts.stream().map(d -> d.getPostId() + "/" + d.getRevision()).toList();
      assertThat(mastodon.problems()).isEmpty();
      assertThat(bluesky.problems()).isEmpty();
      assertThat(webhook.problems()).isEmpty();
      assertThat(mastodon.statusesByKey.keySet())
          .containsExactlyInAnyOrderElementsOf(
              keys.stream().filter(k -> k.contains("mastodon")).toList());
      assertThat(webhook.postsByKey.keySet())
          .containsExactlyInAnyOrderElementsOf(
              keys.stream().filter(k -> k.contains("other")).toList());
      assertThat(bluesky.records.keySet().stream().map(keyOfRecord::get).toList())
          .containsExactlyInAnyOrderElementsOf(
              keys.stream().filter(k -> k.contains("bluesky")).toList());
      assertThat(mastodon.statusesByKey.values().stream().map(FakeMastodon.Status::id).distinct())
          .hasSize(PER_CHANNEL);

      // nothing whose PUBLISHED receipt was committed before the kill was sent again
      Map<String, Long> callsAtEnd = calls();
      for (String key : publishedBeforeKill) {
        assertThat(callsAtEnd.get(key)).as("calls for %s", key).isEqualTo(callsAtKill.get(key));
      }
      // receipts complete: exactly one committed PUBLISHED per revision, with its remote id
      Map<String, List<Publication>> byKey = new TreeMap<>();
      receipts
          .values()
          .forEach(
              p -> byKey.computeIfAbsent(p.getIdempotencyKey(), k -> new ArrayList<>()).add(p));
      assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
      assertThat(byKey.values())
          .allSatisfy(
              trail ->
                  assertThat(
                          trail.stream()
                              .filter(p -> p.getStatus() == PublicationStatus.PUBLISHED)
                              .map(Publication::getRemoteId)
                              .toList())
                      .hasSize(1)
                      .doesNotContainNull());
      long repeats = callsAtEnd.values().stream().mapToLong(c -> c - 1).sum();
      LOGGER
          .atInfo()
          .addKeyValue("revisions", keys.size())
          .addKeyValue("callsRepeatedAfterKill", repeats)
          .log("Crash test done");
    }
  }

  /** The calls each revision got at the servers (Bluesky's by record key, mapped back). */
  private Map<String, Long> calls() {
    Map<String, Long> counts = new TreeMap<>();
    List.copyOf(mastodon.statusCalls).forEach(k -> counts.merge(k, 1L, Long::sum));
    List.copyOf(webhook.calls).forEach(k -> counts.merge(k, 1L, Long::sum));
    List.copyOf(bluesky.createCalls)
        .forEach(rkey -> counts.merge(keyOfRecord.getOrDefault(rkey, rkey), 1L, Long::sum));
    return counts;
  }

  private static Set<String> published(List<Publication> receipts) {
    return receipts.stream()
        .filter(p -> p.getStatus() == PublicationStatus.PUBLISHED)
        .map(Publication::getIdempotencyKey)
        .collect(Collectors.toSet());
  }

  private static <V extends SpecificRecord> void send(
      CampaignConfig config,
      Topic<String, V> topic,
      java.util.stream.Stream<SpecificRecord> values,
      java.util.function.Function<SpecificRecord, String> key)
      throws Exception {
    Map<String, Object> props = new LinkedHashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(props, new StringSerializer(), topic.valueSerde().serializer())) {
      for (SpecificRecord value : values.toList()) {
        @SuppressWarnings("unchecked")
        V typed = (V) value;
        producer
            .send(new ProducerRecord<>(topic.name(), key.apply(value), typed))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** A read_committed reader of campaign.publications from its beginning. */
  private static final class Reader implements AutoCloseable {
    private final KafkaConsumer<String, Publication> consumer;
    private final List<Publication> seen = new ArrayList<>();

    Reader(CampaignConfig config, Topic<String, Publication> topic) {
      Map<String, Object> props = new LinkedHashMap<>(config.kafkaProperties());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), topic.valueSerde().deserializer());
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    List<Publication> poll() {
      for (ConsumerRecord<String, Publication> record : consumer.poll(Duration.ofMillis(200))) {
        seen.add(record.value());
      }
      return List.copyOf(seen);
    }

    List<Publication> values() {
      return List.copyOf(seen);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /** The publisher in a JVM of its own, on this JVM's class path, configured by environment. */
  private Process start(CampaignConfig config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ServiceProcess.class.getName(),
                PublisherService.NAME)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("CAMPAIGN_") || k.startsWith("KAFKA_"));
    environment.putAll(environmentOf(config));
    Process process = builder.start();
    processes.add(process);
    LOGGER
        .atInfo()
        .addKeyValue("pid", process.pid())
        .addKeyValue("log", log)
        .log("Publisher started");
    return process;
  }

  /** The config as environment variables that CampaignConfig maps back to the same keys. */
  private static Map<String, String> environmentOf(CampaignConfig config) {
    Map<String, String> environment = new HashMap<>();
    for (String key : config.describe().keySet()) {
      if (key.startsWith("campaign.") && !key.equals(CampaignConfig.HTTP_PORT)) {
        environment.put(
            key.toUpperCase(Locale.ROOT).replace("-", "__").replace('.', '_'),
            config.get(key).orElseThrow());
      }
    }
    environment.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
    environment.put("CAMPAIGN_HTTP_PORT", "0");
    // the killed instance stays in the consumer group until its session expires
    environment.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
    environment.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
    return environment;
  }
}
