package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.dispatcher.DispatcherService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.ingest.IngestService;
import org.librarycampaign.localruntime.LocalKafkaCluster;
import org.librarycampaign.localruntime.RegistryProcess;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine;

/**
 * Scale-out without Docker: three broker processes (replication 3, min.insync.replicas 2, as {@code
 * ops/topics-cluster.yaml} lays the topics out), two {@code campaign run} JVMs of every Streams
 * service (governance, conflicts, crisis, dispatcher) and one of ingest. The generated multi-branch
 * {@link ScaleOutScenario} goes in through ingest's HTTP API with branch tokens (the admin token
 * for policies, plans and {@code *} milestones), in two halves; between them one instance of each
 * Streams service is stopped, governance and crisis with {@code kill -9}, conflicts and dispatcher
 * with SIGTERM. Then the outputs equal what the topology harness ({@code campaign plan}) gives for
 * the same lines ({@link PipelineOutputs}), every notification has a DELIVERED receipt, and the
 * webhook receiver and the outbox got exactly the plan's notifications. It prints the events, the
 * stops, each service's takeover time and the memory (RSS) of every JVM.
 */
class ScaleOutIT {

  private static final Path CLUSTER_TOPICS = Path.of("../../ops/topics-cluster.yaml");
  private static final String WEBHOOK_SECRET = "scale-out-webhook-secret";

  /** The Streams services, each stopped one way: kill -9 (true) or SIGTERM (false). */
  private static final Map<String, Boolean> KILLED = new LinkedHashMap<>();

  static {
    KILLED.put(GovernanceService.NAME, true);
    KILLED.put(ConflictsService.NAME, false);
    KILLED.put(CrisisService.NAME, true);
    KILLED.put(DispatcherService.NAME, false);
  }

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  /** One {@code campaign run} JVM. */
  private record Instance(String service, int port, Process process, Path log) {
    String memberPrefix() {
      return "it-host-" + service + "-" + port;
    }
  }

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void twoInstancesOfEveryServiceSurviveStoppedInstancesAndMatchThePlan() throws Exception {
    long started = System.nanoTime();
    try (WebhookReceiver webhooks = WebhookReceiver.start(WEBHOOK_SECRET);
        LocalKafkaCluster kafka = LocalKafkaCluster.startProcesses(dir.resolve("kafka"), 3);
        RegistryProcess registry =
            RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, dir.resolve("registry"))) {
      progress(started, "3 brokers and the registry ready");
      ScaleOutScenario scenario = ScaleOutScenario.generate(webhooks.url());
      PipelineOutputs expected =
          PipelineOutputs.planned(scenario.lines(), ScaleOutScenario.SETTINGS);
      CampaignConfig config =
          CampaignConfig.of(
              Map.of(
                  CampaignConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                  CampaignConfig.REGISTRY_URL, registry.confluentApiUrl(),
                  CampaignConfig.DATA_DIR, dir.resolve("data").toString(),
                  CampaignConfig.STATE_DIR, dir.resolve("state").toString()));
      // as an operator lays out a cluster: the topics, and every subject registered once (eight
      // instances registering the same new subjects at once would race in the registry)
      campaign(
          "topics",
          "--create",
          CLUSTER_TOPICS.toString(),
          "--bootstrap",
          config.bootstrapServers(),
          "--registry",
          config.registryUrl());

      Map<String, String> tokens = tokens();
      Instance ingest =
          start(
              config,
              IngestService.NAME,
              Map.of("CAMPAIGN_INGEST_TOKENS__FILE", tokensFile(tokens).toString()));
      awaitReady(List.of(ingest));
      progress(started, "ingest ready");
      int requests = send(ingest, tokens, scenario.setup());

      // the global stores (policies, plans) are read whole before a Streams service runs
      List<Instance> instances = new ArrayList<>();
      for (String service : KILLED.keySet()) {
        for (int i = 0; i < 2; i++) {
          instances.add(start(config, service, streamsEnvironment(service)));
        }
      }
      awaitReady(instances);
      progress(started, "8 Streams instances ready");
      long readyAt = System.nanoTime();

      requests += send(ingest, tokens, scenario.firstHalf());
      progress(started, "first half sent");
      await("every service has written something before the stops")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  Stream.of(
                          CampaignTopic.POST_DECISIONS,
                          CampaignTopic.CONFLICTS,
                          CampaignTopic.NOTIFICATIONS,
                          CampaignTopic.NOTIFICATION_RECEIPTS)
                      .allMatch(topic -> endOffsets(config, topic) > 0));

      Map<String, Long> rssMb = new LinkedHashMap<>();
      Map<String, Long> stoppedAt = new LinkedHashMap<>();
      Map<String, Long> exitedAt = new ConcurrentHashMap<>();
      Map<String, Instance> survivors = new LinkedHashMap<>();
      for (String service : KILLED.keySet()) {
        List<Instance> pair = instances.stream().filter(i -> i.service().equals(service)).toList();
        Instance stopped = pair.get(0);
        survivors.put(service, pair.get(1));
        rssMb.put(service + " (stopped)", CampaignRunProcess.residentMegabytes(stopped.process()));
        stoppedAt.put(service, System.nanoTime());
        stopped.process().onExit().thenRun(() -> exitedAt.put(service, System.nanoTime()));
        if (KILLED.get(service)) {
          stopped.process().destroyForcibly();
        } else {
          stopped.process().destroy();
        }
      }
      requests += send(ingest, tokens, scenario.secondHalf());
      long sentAt = System.nanoTime();
      progress(started, "one instance of each stopped, second half sent");

      Map<String, Long> takeoverMs = awaitTakeovers(config, survivors, stoppedAt);
      progress(started, "survivors own every task " + takeoverMs);

      PipelineOutputs outputs;
      try (OutputReader reader = new OutputReader(config)) {
        await("the outputs equal the plan's")
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () -> {
                  PipelineOutputs read = reader.read();
                  assertThat(read.differences(expected)).isEmpty();
                  assertThat(read.receipts)
                      .containsOnlyKeys(expected.notifications.keySet())
                      .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("DELIVERED"));
                });
        outputs = reader.read();
      }
      long matchedMs = (System.nanoTime() - sentAt) / 1_000_000;
      assertThat(outputs.comparable()).isEqualTo(expected.comparable());

      Set<String> webhookIds = expected.notificationIds("WEBHOOK");
      await("every webhook at the receiver")
          .atMost(Duration.ofSeconds(30))
          .until(() -> webhooks.received().keySet().equals(webhookIds));
      assertThat(webhooks.badSignatures()).isZero();
      Set<String> outboxIds = new TreeSet<>(outbox(config, "EMAIL"));
      outboxIds.addAll(outbox(config, "SMS"));
      Set<String> expectedOutbox = new TreeSet<>(expected.notificationIds("EMAIL"));
      expectedOutbox.addAll(expected.notificationIds("SMS"));
      assertThat(outboxIds).isEqualTo(expectedOutbox);

      for (Instance survivor : survivors.values()) {
        assertThat(survivor.process().isAlive()).as(log(survivor)).isTrue();
        rssMb.put(survivor.service(), CampaignRunProcess.residentMegabytes(survivor.process()));
      }
      rssMb.put(IngestService.NAME, CampaignRunProcess.residentMegabytes(ingest.process()));
      // last, the dashboard, for its memory figure with every output there to read
      Instance dashboard = start(config, DashboardService.NAME, Map.of());
      awaitReady(List.of(dashboard));
      rssMb.put(DashboardService.NAME, CampaignRunProcess.residentMegabytes(dashboard.process()));
      int redelivered =
          webhooks.received().values().stream().mapToInt(Integer::intValue).sum()
              - webhookIds.size();

      System.out.printf(
          "scale-out: %d events in %d ingest requests (%d branches), 3 brokers, 2 instances each of"
              + " %s, 1 ingest, 1 dashboard; all ready %d s after the start%n",
          scenario.lines().size(),
          requests,
          ScaleOutScenario.branches().size(),
          String.join(", ", KILLED.keySet()),
          (readyAt - started) / 1_000_000_000);
      KILLED.forEach(
          (service, killed) ->
              System.out.printf(
                  "scale-out: %-10s one instance stopped with %-7s (process gone after %5d ms);"
                      + " the survivor owned every task %6d ms after the signal%n",
                  service,
                  killed ? "kill -9" : "SIGTERM",
                  (exitedAt.getOrDefault(service, stoppedAt.get(service)) - stoppedAt.get(service))
                      / 1_000_000,
                  takeoverMs.get(service)));
      System.out.printf(
          "scale-out: outputs equal the plan %d ms after the second half was sent: %d decisions"
              + " (%d posts), %d conflicts in force (%d ever detected), %d amplify gaps open,"
              + " %d notifications (%d webhooks, %d redelivered after a stop; %d in the outbox),"
              + " %d DELIVERED receipts, %d incidents; %d s in all%n",
          matchedMs,
          outputs.decisions.size(),
          outputs.decidedPosts(),
          outputs.conflicts.size(),
          outputs.conflictsEverDetected.size(),
          outputs.openGaps.size(),
          outputs.notifications.size(),
          webhookIds.size(),
          redelivered,
          outboxIds.size(),
          outputs.receipts.size(),
          outputs.incidents.size(),
          (System.nanoTime() - started) / 1_000_000_000);
      System.out.println(
          "scale-out: RSS (MB, -Xmx256m -XX:+UseSerialGC) "
              + rssMb.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
  }

  private static void progress(long started, String what) {
    System.out.printf("scale-out: %5.1f s %s%n", (System.nanoTime() - started) / 1e9, what);
  }

  private static void campaign(String... args) {
    StringWriter err = new StringWriter();
    CommandLine campaign = CampaignCommand.commandLine();
    campaign.setOut(new PrintWriter(new StringWriter(), true));
    campaign.setErr(new PrintWriter(err, true));
    assertThat(campaign.execute(args)).as(err.toString()).isZero();
  }

  private Map<String, String> streamsEnvironment(String service) {
    Map<String, String> env = new HashMap<>();
    env.put("CAMPAIGN_TOPICS_FILE", CLUSTER_TOPICS.toAbsolutePath().toString());
    // a killed static member leaves the group when its session times out: keep it short
    env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
    if (service.equals(CrisisService.NAME)) {
      // the annex plans' first tier (1 unit) falls due in a second, the other tiers never
      env.put(
          "CAMPAIGN_CRISIS_ACK__TIMEOUT__UNIT",
          ScaleOutScenario.SETTINGS.get("campaign.crisis.ack-timeout-unit"));
    }
    if (service.equals(DispatcherService.NAME)) {
      env.put("CAMPAIGN_DISPATCHER_WEBHOOK_SECRET", WEBHOOK_SECRET);
    }
    return env;
  }

  private Instance start(CampaignConfig config, String service, Map<String, String> environment)
      throws IOException {
    int port = freePort();
    Path log = dir.resolve(service + "-" + port + ".log");
    Map<String, String> env = new HashMap<>(environment);
    env.put("CAMPAIGN_PUBLIC_URL", ScaleOutScenario.SETTINGS.get("campaign.public.url"));
    Process process = CampaignRunProcess.start(service, config, port, log, env);
    processes.add(process);
    return new Instance(service, port, process, log);
  }

  private void awaitReady(List<Instance> instances) {
    await("ready: " + instances.stream().map(Instance::service).toList())
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (Instance instance : instances) {
                assertThat(instance.process().isAlive()).as(log(instance)).isTrue();
                assertThat(status(get(instance.port(), "/ready")))
                    .as(instance.service() + " " + instance.port())
                    .isEqualTo(200);
              }
            });
  }

  /**
   * Waits until each stopped instance's group holds its survivor only, and returns how long that
   * took after the stop, per service.
   */
  private static Map<String, Long> awaitTakeovers(
      CampaignConfig config, Map<String, Instance> survivors, Map<String, Long> stoppedAt) {
    Map<String, Long> takeoverMs = new LinkedHashMap<>();
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      await("each survivor owns every task of its service")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                for (Instance survivor : survivors.values()) {
                  String service = survivor.service();
                  if (!takeoverMs.containsKey(service)
                      && onlyMember(admin, config.applicationId(service), survivor)) {
                    takeoverMs.put(
                        service, (System.nanoTime() - stoppedAt.get(service)) / 1_000_000);
                  }
                }
                return takeoverMs.size() == survivors.size();
              });
    }
    return takeoverMs;
  }

  private static boolean onlyMember(Admin admin, String group, Instance survivor) throws Exception {
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    List<String> members =
        description.members().stream()
            .map(MemberDescription::groupInstanceId)
            .map(id -> id.orElse(""))
            .toList();
    return !members.isEmpty()
        && members.stream().allMatch(m -> m.startsWith(survivor.memberPrefix() + "-"));
  }

  private static Map<String, String> tokens() {
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(ScaleOutScenario.ADMIN, "scale-out-admin-token-0123456789");
    for (String branch : ScaleOutScenario.branches()) {
      tokens.put(branch, "scale-out-" + branch + "-token-0123456789");
    }
    return tokens;
  }

  private Path tokensFile(Map<String, String> tokens) throws IOException {
    List<String> lines = new ArrayList<>();
    tokens.forEach(
        (caller, token) ->
            lines.add(
                (caller.equals(ScaleOutScenario.ADMIN) ? "admin" : "branch." + caller)
                    + "="
                    + token));
    return Files.write(dir.resolve("ingest-tokens.properties"), lines);
  }

  /** Sends each request in turn, each with its caller's token; returns how many. */
  private static int send(
      Instance ingest, Map<String, String> tokens, List<ScaleOutScenario.Request> requests) {
    HttpClient client = HttpClient.newHttpClient();
    for (ScaleOutScenario.Request request : requests) {
      HttpRequest post =
          HttpRequest.newBuilder(URI.create("http://localhost:" + ingest.port() + "/v1/events"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + tokens.get(request.caller()))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "[" + String.join(",", request.events()) + "]"))
              .build();
      // 429 and 503 are waited out (a request sent again is harmless: ids are the sender's);
      // any other refusal is a bug in the scenario
      await("ingest accepts " + request.caller() + "'s " + request.events().size() + " events")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                HttpResponse<String> response =
                    client.send(post, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status != 202 && status != 429 && status != 503) {
                  throw new IllegalStateException(
                      "ingest answered " + status + ": " + response.body());
                }
                return status == 202;
              });
    }
    return requests.size();
  }

  /**
   * Reads the committed outputs as they come, one consumer per topic from the beginning, into one
   * {@link PipelineOutputs}: each {@link #read} adds what was committed since the last.
   */
  private static final class OutputReader implements AutoCloseable {
    private final PipelineOutputs outputs = new PipelineOutputs();
    private final Map<CampaignTopic, KafkaConsumer<String, ? extends SpecificRecord>> consumers =
        new EnumMap<>(CampaignTopic.class);

    OutputReader(CampaignConfig config) {
      TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
      for (CampaignTopic topic :
          List.of(
              CampaignTopic.POST_DECISIONS,
              CampaignTopic.CONFLICTS,
              CampaignTopic.NOTIFICATIONS,
              CampaignTopic.INCIDENT_STATUS,
              CampaignTopic.NOTIFICATION_RECEIPTS)) {
        consumers.put(
            topic,
            open(config, catalogue.name(topic), catalogue.get(topic).valueSerde().deserializer()));
      }
    }

    private static <V extends SpecificRecord> KafkaConsumer<String, V> open(
        CampaignConfig config, String topic, Deserializer<V> values) {
      Map<String, Object> props = new HashMap<>(config.kafkaProperties());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      KafkaConsumer<String, V> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), values);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return consumer;
    }

    /** Everything committed so far, partition by partition (the order per key kept). */
    PipelineOutputs read() {
      consumers.forEach(this::drain);
      return outputs;
    }

    private void drain(
        CampaignTopic topic, KafkaConsumer<String, ? extends SpecificRecord> consumer) {
      Set<TopicPartition> partitions = consumer.assignment();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, ? extends SpecificRecord> record :
            consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            outputs.add(topic, TopologyHarness.json(record.value()));
          }
        }
      }
    }

    @Override
    public void close() {
      consumers.values().forEach(KafkaConsumer::close);
    }
  }

  /** Records in a topic (committed or not): a sign that a service has got to work. */
  private static long endOffsets(CampaignConfig config, CampaignTopic topic) {
    String name = TopicCatalogue.forConfig(config).name(topic);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            config.kafkaProperties(), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(name).stream()
              .map(p -> new TopicPartition(name, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The notification ids in the dispatcher's outbox for one channel (one file per id). */
  private static List<String> outbox(CampaignConfig config, String channel) throws IOException {
    Path folder = config.dataDir().resolve("outbox").resolve(channel);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(
              name ->
                  URLDecoder.decode(name.substring(0, name.length() - 5), StandardCharsets.UTF_8))
          .toList();
    }
  }

  private static Optional<HttpResponse<Void>> get(int port, String path) {
    try {
      return Optional.of(
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static int status(Optional<HttpResponse<Void>> response) {
    return response.map(HttpResponse::statusCode).orElse(-1);
  }

  private static String log(Instance instance) {
    try {
      return Files.readString(instance.log());
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
