package org.librarycampaign.ingest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The ingest service as {@code campaign up} runs it (its routes on a real HTTP server), against the
 * shared real broker and schema registry, with topics of its own; plus a real HTTP client and the
 * means to read what reached the topics.
 */
public final class IngestHarness implements AutoCloseable {

  public static final String ADMIN = "admin-token-for-tests-0001";
  public static final String EASTSIDE = "eastside-token-for-tests-01";
  public static final String WESTSIDE = "westside-token-for-tests-01";

  /** Eastside's reviewer: the branch's rights, and reviews of its posts. */
  public static final String EASTSIDE_REVIEWER = "eastside-reviewer-token-for-tests";

  /** The topics a request can write to. */
  public static final List<CampaignTopic> INPUT_TOPICS =
      List.of(
          CampaignTopic.POSTS,
          CampaignTopic.MILESTONES,
          CampaignTopic.INCIDENTS,
          CampaignTopic.CHANNEL_POLICIES,
          CampaignTopic.RESPONSE_PLANS,
          CampaignTopic.ROTATION_OVERRIDES,
          CampaignTopic.BRANCH_SETTINGS,
          CampaignTopic.OFFICIALS);

  private final CampaignConfig config;
  private final TopicCatalogue topics;
  private final RunningService service;
  private final OpsServer http;
  private final HttpClient client;
  private final URI base;

  private IngestHarness(
      CampaignConfig config, TopicCatalogue topics, RunningService service, OpsServer http) {
    this.config = config;
    this.topics = topics;
    this.service = service;
    this.http = http;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.base = URI.create("http://localhost:" + http.port());
  }

  /** Starts it with a tokens file holding {@link #ADMIN}, {@link #EASTSIDE}, {@link #WESTSIDE}. */
  public static IngestHarness start(String name, Map<String, String> settings) {
    SharedStack stack = SharedStack.get();
    Map<String, String> overrides = new HashMap<>(settings);
    overrides.put(IngestSettings.TOKENS_FILE, writeTokensFile().toString());
    // tests of other behaviours send requests as fast as they can; the limit has its own test
    overrides.putIfAbsent(IngestSettings.RATE_PER_SECOND, "100000");
    overrides.putIfAbsent(IngestSettings.RATE_BURST, "100000");
    CampaignConfig config = stack.configFor(name).with(overrides);
    TopicCatalogue topics = SharedStack.createTopics(config);
    Readiness readiness = new Readiness();
    RunningService service =
        new IngestService().start(new ServiceContext(config, topics, readiness));
    OpsServer http = OpsServer.start(0, readiness, List.of(service::addRoutes));
    await().atMost(Duration.ofSeconds(60)).until(readiness::isReady);
    return new IngestHarness(config, topics, service, http);
  }

  private static Path writeTokensFile() {
    try {
      Path file = Files.createTempFile("ingest-tokens", ".properties");
      Files.writeString(
          file,
          "admin="
              + ADMIN
              + "\nbranch.eastside="
              + org.librarycampaign.ingest.auth.TokenRegistry.hashed(EASTSIDE)
              + "\nbranch.westside="
              + WESTSIDE
              + "\nreviewer.eastside="
              + EASTSIDE_REVIEWER
              + "\n");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CampaignConfig config() {
    return config;
  }

  public TopicCatalogue topics() {
    return topics;
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  public HttpResponse<String> post(String path, String token, String json) {
    return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> put(String path, String token, String json) {
    return send("PUT", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  /** Any request; a null token, content type or body is left out. */
  public HttpResponse<String> send(
      String method, String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        // a pooled connection the server had closed (after refusing a request without reading its
        // body): the request got no byte of answer, so it was not handled; send it once more
        if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
          throw e;
        }
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient client() {
    return client;
  }

  /** Every record of a topic so far, decoded, as a read_committed consumer sees them. */
  public <V extends SpecificRecord> List<ConsumerRecord<String, V>> records(
      Topic<String, V> topic) {
    Deserializer<V> values = topic.valueSerde().deserializer();
    List<ConsumerRecord<String, V>> decoded = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end");
        }
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r ->
                    decoded.add(
                        new ConsumerRecord<>(
                            r.topic(),
                            r.partition(),
                            r.offset(),
                            r.key(),
                            values.deserialize(r.topic(), r.value()))));
      }
    }
    return decoded;
  }

  /** The sum of the end offsets (read_committed) of every input topic: grows with every write. */
  public long inputEndOffsets() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (CampaignTopic id : INPUT_TOPICS) {
        consumer.partitionsFor(topics.name(id)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .forEach(partitions::add);
      }
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Writes a record the way a processor would (for the decision view). */
  public <V extends SpecificRecord> void produce(Topic<String, V> topic, String key, V value) {
    Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)));
      producer.flush();
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void close() {
    try {
      http.close();
    } finally {
      service.close();
    }
  }
}
