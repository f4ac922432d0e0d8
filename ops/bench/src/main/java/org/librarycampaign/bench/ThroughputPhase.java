package org.librarycampaign.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import library.campaign.events.PostDrafted;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.streams.BranchRouting;
import org.librarycampaign.platform.streams.OwnershipGate;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * Each topology alone over pre-produced input, on the same broker and registry, under the services'
 * own Streams settings (exactly-once v2): pass-through with byte serdes, pass-through with the Avro
 * serde and the registry (the reference), and governance, conflicts and crisis as their services
 * start them through the SPI. The repeats are interleaved, so that a change in the machine's load
 * weighs on every topology alike.
 */
final class ThroughputPhase {

  /** How many outputs one input record makes, and how to count them. */
  private enum Counting {
    RECORDS,
    DISTINCT_KEYS
  }

  private record Subject(
      String name, String outputTopic, Counting counting, int outputsPerInput, Starter starter) {}

  @FunctionalInterface
  private interface Starter {
    AutoCloseable start(CampaignConfig config, TopicCatalogue catalogue, Readiness readiness);
  }

  static final int RESPONDERS = 2;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  private final BenchStack stack;
  private final Workload workload;
  private final Settings settings;
  private final Path stateRoot;
  private final Set<String> only;

  ThroughputPhase(BenchStack stack, Workload workload, Settings settings, Path stateRoot) {
    this(stack, workload, settings, stateRoot, Set.of());
  }

  /**
   * @param only the topologies to run by name (governance, passthrough_avro, ...); empty for all
   */
  ThroughputPhase(
      BenchStack stack, Workload workload, Settings settings, Path stateRoot, Set<String> only) {
    this.stack = stack;
    this.workload = workload;
    this.settings = settings;
    this.stateRoot = stateRoot;
    this.only = Set.copyOf(only);
  }

  /** Every run of every topology, by topology name, warm-up first. */
  Map<String, List<Measured>> run() throws Exception {
    CampaignConfig posts = stack.scenario("tp", Map.of());
    TopicCatalogue postsCatalogue = stack.createTopics(posts);
    String copies = postsCatalogue.prefix() + "bench.pass-through";
    try (Admin admin = Admin.create(posts.kafkaProperties())) {
      admin.createTopics(Set.of(new NewTopic(copies, 3, (short) 1))).all().get();
    }
    // crisis runs get topics of their own with exactly their window's incidents (crisisInput)
    CampaignConfig incidents = stack.scenario("cr", Map.of());

    System.out.printf(
        "  producing %,d drafts (and up to %,d incidents for each crisis run, before it)%n",
        settings.drafts(), settings.incidents());
    try (Producing producer = new Producing(posts, postsCatalogue)) {
      workload.avoidEveryDraft(settings.drafts()).forEach(producer::send);
      producer.flush();
      for (long i = 0; i < settings.drafts(); i++) {
        producer.send(workload.draft("tp", i));
      }
    }

    List<Subject> all =
        List.of(
            new Subject(
                "passthrough_bytes",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) ->
                    streams("pt-bytes", bytesPassThrough(catalogue, copies), config, catalogue)
                        .start(readiness)),
            new Subject(
                "passthrough_avro",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) ->
                    streams("pt-avro", avroPassThrough(catalogue, copies), config, catalogue)
                        .start(readiness)),
            // the two ways to put a branch's records in one place
            // (docs/ARCHITECTURE.md#ownership-and-placement)
            new Subject(
                "passthrough_branch_route",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) ->
                    streams("pt-route", routedPassThrough(catalogue, copies), config, catalogue)
                        .start(readiness)),
            new Subject(
                "passthrough_misplaced_check",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) -> {
                  // with the partition counts, as the services run it: placed records skip the hop
                  Properties props = StreamsSettings.forService(config, "pt-check", catalogue);
                  props.put(
                      BranchRouting.PARTITIONS_CONFIG,
                      Map.of(catalogue.posts().name(), partitionsOf(config, catalogue)));
                  return new StreamsService("pt-check", routedPassThrough(catalogue, copies), props)
                      .start(readiness);
                }),
            // the two ownership gates alone (docs/ARCHITECTURE.md#ownership-and-placement): the
            // in-task gate (a store read and, for a new id, a write), and the output gate (a
            // repartition by id, then the same store work)
            new Subject(
                "passthrough_in_task_gate",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) ->
                    streams("pt-in-task-gate", inTaskGated(catalogue, copies), config, catalogue)
                        .start(readiness)),
            new Subject(
                "passthrough_output_gate",
                copies,
                Counting.RECORDS,
                1,
                (config, catalogue, readiness) ->
                    streams("pt-output-gate", outputGated(catalogue, copies), config, catalogue)
                        .start(readiness)),
            new Subject(
                "governance",
                postsCatalogue.postDecisions().name(),
                Counting.DISTINCT_KEYS,
                1,
                (config, catalogue, readiness) ->
                    ServiceRunner.start("governance", config, catalogue, readiness)),
            new Subject(
                "conflicts",
                postsCatalogue.conflicts().name(),
                Counting.DISTINCT_KEYS,
                1,
                (config, catalogue, readiness) ->
                    ServiceRunner.start("conflicts", config, catalogue, readiness)),
            new Subject(
                "crisis",
                null, // the run's own notifications topic (crisisInput)
                Counting.RECORDS,
                RESPONDERS,
                (config, catalogue, readiness) ->
                    ServiceRunner.start("crisis", config, catalogue, readiness)));
    List<Subject> subjects =
        all.stream().filter(s -> only.isEmpty() || only.contains(s.name())).toList();

    Map<String, List<Measured>> results = new LinkedHashMap<>();
    Map<String, Double> estimates = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      CampaignConfig base = subject.name().equals("crisis") ? incidents : posts;
      long available = subject.name().equals("crisis") ? settings.incidents() : settings.drafts();
      Measured warm =
          measure(subject, base, "warmup", Math.min(available, settings.warmupRecords()));
      // the warm-up runs with a cold JIT: the measured runs went 1.5 to 2.5 times as fast
      estimates.put(subject.name(), 2 * fastest(warm));
      results.computeIfAbsent(subject.name(), k -> new ArrayList<>()).add(warm);
      print(warm, "warm-up");
    }
    for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
      for (Subject subject : subjects) {
        CampaignConfig base = subject.name().equals("crisis") ? incidents : posts;
        long available = subject.name().equals("crisis") ? settings.incidents() : settings.drafts();
        long wanted = (long) (estimates.get(subject.name()) * settings.windowSeconds());
        long records = Math.max(settings.warmupRecords(), Math.min(available, wanted));
        Measured measured = measure(subject, base, "r" + repeat, records);
        estimates.put(subject.name(), fastest(measured));
        results.get(subject.name()).add(measured);
        print(measured, "repeat " + repeat);
      }
    }
    return results;
  }

  /** The higher of a run's whole and steady rates: the window is sized by it. */
  private static double fastest(Measured run) {
    return Math.max(run.recordsPerSecond(), run.steadyRecordsPerSecond());
  }

  private static void print(Measured run, String which) {
    System.out.printf(
        "  %-18s %-9s %,9d records in %6.2f s: %,9.0f records/s%n",
        run.name(), which, run.inputRecords(), run.seconds(), run.recordsPerSecond());
  }

  private Measured measure(Subject subject, CampaignConfig base, String runId, long inputRecords)
      throws Exception {
    String id = subject.name() + "-" + runId;
    String outputTopic = subject.outputTopic();
    if (subject.name().equals("crisis")) {
      base = crisisInput(runId, inputRecords);
      outputTopic = TopicCatalogue.forConfig(base).notifications().name();
    }
    CampaignConfig config =
        base.with(
            Map.of(
                CampaignConfig.APPLICATION_ID_PREFIX,
                base.applicationId("") + id + "-",
                CampaignConfig.STATE_DIR,
                stateRoot.resolve(id).toString()));
    // a catalogue of its own: its serdes start with empty caches, as a new process would
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    long target = inputRecords * subject.outputsPerInput();
    try (OutputCounter counter = new OutputCounter(config, outputTopic, (k, t) -> {})) {
      LongSupplier count =
          subject.counting() == Counting.RECORDS ? counter::records : counter::distinctKeys;
      Readiness readiness = new Readiness();
      Measured measured;
      try (AutoCloseable running = subject.starter().start(config, catalogue, readiness)) {
        long started = ServiceRunner.awaitReady(readiness);
        counter.await(count, Math.max(1, target / 10), RUN_TIMEOUT);
        long tenthAt = System.nanoTime();
        long callsAtTenth = stack.registryRequests();
        long outputsAtTenth = count.getAsLong();
        long finished = counter.await(count, target, RUN_TIMEOUT);
        long calls = stack.registryRequests() - callsAtTenth;
        double seconds = (finished - started) / 1e9;
        long steadyInputs = (target - outputsAtTenth) / subject.outputsPerInput();
        measured =
            new Measured(
                subject.name(),
                inputRecords,
                seconds,
                inputRecords / seconds,
                steadyInputs / ((finished - tenthAt) / 1e9),
                calls,
                steadyInputs);
      }
      // after the clean stop: its last commit is in, and the service has read past the window's
      // inputs by then (it keeps reading until stopped), so the appends are divided by the input
      // records it committed, not by the window's
      String prefix = base.applicationId("") + id + "-";
      Map<String, Long> byTopic = internalAppends(config, prefix);
      long appends = byTopic.values().stream().mapToLong(Long::longValue).sum();
      long consumed = Math.max(1, committedInputs(config, prefix));
      System.out.printf(
          "  %-18s %-9s %.2f appends per input to its own topics (%,d appends, %,d inputs read;"
              + " changelogs, repartitions, commit markers included)%s%n",
          subject.name(),
          runId,
          (double) appends / consumed,
          appends,
          consumed,
          breakdown(byTopic, prefix, consumed));
      return measured;
    }
  }

  /**
   * The input records the run's consumer groups committed, on topics that are not the run's own
   * (its repartition topics are read by the same groups).
   */
  private static long committedInputs(CampaignConfig config, String prefix) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      long total = 0;
      for (var group : admin.listConsumerGroups().all().get()) {
        if (!group.groupId().startsWith(prefix)) {
          continue;
        }
        for (var entry :
            admin
                .listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata()
                .get()
                .entrySet()) {
          if (!entry.getKey().topic().startsWith(prefix) && entry.getValue() != null) {
            total += entry.getValue().offset();
          }
        }
      }
      return total;
    }
  }

  /**
   * The topics' shares of the appends per input, largest first, each named without the run's
   * prefix; topics under 0.01 per input are left out. Empty for a topology without topics of its
   * own.
   */
  private static String breakdown(Map<String, Long> byTopic, String prefix, long inputRecords) {
    String shares =
        byTopic.entrySet().stream()
            .filter(e -> (double) e.getValue() / inputRecords >= 0.01)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(
                e ->
                    String.format(
                        "%s %.2f",
                        e.getKey().substring(prefix.length()),
                        (double) e.getValue() / inputRecords))
            .collect(Collectors.joining(", "));
    return shares.isEmpty() ? "" : String.format("%n      by topic: %s", shares);
  }

  /**
   * Every record (commit markers included), by topic, in the topics whose names start with the
   * run's application id prefix: its changelogs, repartition topics and, for governance, the
   * hashtag view. The service's output topics are shared by the runs and not counted.
   */
  private static Map<String, Long> internalAppends(CampaignConfig config, String prefix)
      throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Set<String> topics =
          admin.listTopics().names().get().stream()
              .filter(name -> name.startsWith(prefix))
              .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get()
          .forEach(
              (name, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<String, Long> byTopic = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach(
              (partition, offset) -> byTopic.merge(partition.topic(), offset.offset(), Long::sum));
      return byTopic;
    }
  }

  /**
   * A scenario of its own for one crisis run ({@code cr-<run>}), its incident topic holding exactly
   * {@code incidents} reports (and one plan), produced before the service starts. Crisis writes its
   * outputs through a second stage (the output gates' repartitions), which the stream thread serves
   * one record per task turn like the first: with more input waiting than the window, the first
   * stage would read on through it before the window's notifications came out, and the run would
   * time that backlog instead of the window (docs/PERFORMANCE.md, crisis and conflicts).
   */
  private CampaignConfig crisisInput(String runId, long incidents) throws Exception {
    CampaignConfig config = stack.scenario("cr-" + runId, Map.of());
    TopicCatalogue catalogue = stack.createTopics(config);
    try (Producing producer = new Producing(config, catalogue)) {
      producer.send(workload.responsePlan(RESPONDERS, "http://127.0.0.1:9/unused"));
      producer.flush();
      for (long i = 0; i < incidents; i++) {
        producer.send(workload.incident("cr-" + runId, i));
      }
    }
    return config;
  }

  private static StreamsService streams(
      String name, Topology topology, CampaignConfig config, TopicCatalogue catalogue) {
    return new StreamsService(name, topology, StreamsSettings.forService(config, name, catalogue));
  }

  private static Topology bytesPassThrough(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            catalogue.posts().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-posts"))
        .to(copies, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy-posts"));
    return builder.build();
  }

  private static Topology avroPassThrough(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .to(
            copies,
            Produced.with(catalogue.posts().keySerde(), catalogue.posts().valueSerde())
                .withName("copy-posts"));
    return builder.build();
  }

  /**
   * Avro pass-through through the services' branch route: without the partition counts (the {@code
   * passthrough_branch_route} subject) every record takes the route's internal topic; with them
   * ({@code passthrough_misplaced_check}, as the services run it) only misplaced ones do.
   */
  private static Topology routedPassThrough(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    BranchRouting.byBranch(
            builder.stream(catalogue.posts().name(), catalogue.posts().consumed()),
            catalogue.posts(),
            "bench-posts",
            "bench")
        .to(
            copies,
            Produced.with(catalogue.posts().keySerde(), catalogue.posts().valueSerde())
                .withName("copy-posts"));
    return builder.build();
  }

  /** Avro pass-through through an in-task ownership gate by post id, as governance's posts. */
  private static Topology inTaskGated(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    OwnershipGate.inTask(
            builder.stream(catalogue.posts().name(), catalogue.posts().consumed()),
            "bench-post",
            "postId")
        .to(
            copies,
            Produced.with(catalogue.posts().keySerde(), catalogue.posts().valueSerde())
                .withName("copy-posts"));
    return builder.build();
  }

  /**
   * Avro pass-through through an output gate by post id, as governance's decisions: repartitioned
   * by post id, gated, then keyed by branch again for the copy.
   */
  private static Topology outputGated(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(OwnershipGate.ownersStoreBuilder("bench-output"));
    OwnershipGate.beforeWriting(
            builder.stream(catalogue.posts().name(), catalogue.posts().consumed()),
            catalogue.posts(),
            "bench-output",
            OwnershipGate.ownersStore("bench-output"),
            "postId",
            event -> ((PostDrafted) event.getEvent()).getPostId(),
            event -> ((PostDrafted) event.getEvent()).getBranchId())
        .to(
            copies,
            Produced.with(catalogue.posts().keySerde(), catalogue.posts().valueSerde())
                .withName("copy-posts"));
    return builder.build();
  }

  private static int partitionsOf(CampaignConfig config, TopicCatalogue catalogue) {
    String posts = catalogue.posts().name();
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      return admin
          .describeTopics(List.of(posts))
          .allTopicNames()
          .get()
          .get(posts)
          .partitions()
          .size();
    } catch (Exception e) {
      throw new IllegalStateException("cannot describe " + posts, e);
    }
  }

  /** Sizes of one run: how much input, how long a measured window, how many repeats. */
  record Settings(
      long drafts, long incidents, long warmupRecords, double windowSeconds, int repeats) {}
}
