package org.librarycampaign.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Produced;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import org.librarycampaign.testsupport.SharedStack;

/**
 * Governance throughput against a pass-through topology that reads the same input topics with the
 * same Avro serdes and writes the events back out, both under the shared Streams settings
 * (exactly-once) on the same broker, one after the other, in one run: each runs once to warm the
 * JIT up and once measured. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -q -o -pl services/governance test-compile exec:java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.librarycampaign.governance.GovernanceBenchmark \
 *   -Dexec.args="--drafts 20000 --weeks 52"
 * </pre>
 *
 * <p>Each rate is the input records committed between the first and the last commit seen, over that
 * time. The CPU figure is this JVM's (which holds the broker too) over the same time: on a shared
 * machine it says more than the wall clock.
 */
public final class GovernanceBenchmark {

  private static final EventJson JSON = new EventJson();

  private GovernanceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int drafts = 20_000;
    int weeks = 52;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--drafts" -> drafts = Integer.parseInt(args[i + 1]);
        case "--weeks" -> weeks = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; use --drafts N --weeks W");
      }
    }
    CampaignConfig config = SharedStack.get().configFor("governance-bench");
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    String copies = catalogue.prefix() + "bench.pass-through";
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      new TopicAdmin(admin, catalogue, TopicSpecs.load(Optional.empty())).createMissing();
      admin.createTopics(Set.of(new NewTopic(copies, 3, (short) 1))).all().get();
    }
    BusyWeeks scenario = new BusyWeeks(7, Instant.parse("2026-11-20T08:00:00Z"), weeks);
    List<String> lines = new ArrayList<>(BusyWeeks.policies());
    lines.addAll(scenario.hashtagSeeds());
    lines.addAll(scenario.drafts(drafts));
    long inputRecords = produce(config, catalogue, lines);
    System.out.printf(
        "input: %d records (%d drafts over %d weeks, five branches) on %s%n",
        inputRecords, drafts, weeks, config.bootstrapServers());

    // each topology runs twice over the same input, under its own application ids: the first run
    // warms the JIT up, the second is measured
    double passThrough = 0;
    double governance = 0;
    for (String run : List.of("warmup-", "")) {
      CampaignConfig runConfig =
          config.with(
              Map.of(
                  CampaignConfig.APPLICATION_ID_PREFIX,
                  config.applicationId("") + run,
                  CampaignConfig.STATE_DIR,
                  config.stateDir().resolve(run.isEmpty() ? "measured" : "warmup").toString()));
      HashtagViewTopic.ensureExists(runConfig);
      passThrough =
          measure(
              runConfig,
              catalogue,
              "bench-pass-through",
              passThrough(catalogue, copies),
              inputRecords);
      governance =
          measure(
              runConfig,
              catalogue,
              GovernanceService.NAME,
              GovernanceTopology.buildTopology(runConfig, catalogue),
              inputRecords);
    }

    System.out.printf("pass-through: %,10.0f records/s%n", passThrough);
    System.out.printf("governance:   %,10.0f records/s%n", governance);
    System.out.printf("ratio:        %10.2f (target >= 0.5)%n", governance / passThrough);
    System.exit(0);
  }

  private static Topology passThrough(TopicCatalogue catalogue, String copies) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(catalogue.posts().name(), catalogue.posts().consumed())
        .to(
            copies,
            Produced.with(catalogue.posts().keySerde(), catalogue.posts().valueSerde())
                .withName("copy-posts"));
    builder.stream(catalogue.incidents().name(), catalogue.incidents().consumed())
        .to(
            copies,
            Produced.with(catalogue.incidents().keySerde(), catalogue.incidents().valueSerde())
                .withName("copy-incidents"));
    return builder.build();
  }

  /**
   * Runs a topology over the whole input; its rate in input records per second, in the steady
   * state: between the first and the last commit seen, so that start-up and the commit interval
   * weigh the same for every topology.
   */
  private static double measure(
      CampaignConfig config, TopicCatalogue catalogue, String name, Topology topology, long records)
      throws Exception {
    Properties props = StreamsSettings.forService(config, name, catalogue);
    String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Map<TopicPartition, Long> appendedBefore = allEndOffsets(admin);
      Map<TopicPartition, Long> ends = endOffsets(admin, catalogue);
      long total = ends.values().stream().mapToLong(Long::longValue).sum();
      long firstSeen = 0;
      long firstCommitted = 0;
      long firstCpu = 0;
      long lastSeen;
      long lastCpu;
      try (KafkaStreams streams = new KafkaStreams(topology, props)) {
        streams.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
          long committed = committedRecords(admin, applicationId, ends);
          long now = System.nanoTime();
          if (firstSeen == 0 && committed > 0) {
            firstSeen = now;
            firstCommitted = committed;
            firstCpu = processCpuNanos();
          }
          if (committed >= total) {
            lastSeen = now;
            lastCpu = processCpuNanos();
            break;
          }
          if (now > deadline) {
            throw new IllegalStateException(name + " did not finish in 2 minutes");
          }
          Thread.sleep(10);
        }
      }
      if (firstCommitted >= total) {
        throw new IllegalStateException(
            name + " took the whole input in one commit; use more drafts");
      }
      long measured = total - firstCommitted;
      double seconds = (lastSeen - firstSeen) / 1e9;
      double cpuSeconds = (lastCpu - firstCpu) / 1e9;
      long appended = appendedSince(admin, appendedBefore);
      System.out.printf(
          "%s: %d of %d records between its first and last commit, in %.2f s; %.2f s of CPU in this"
              + " JVM (broker included), %.0f µs per record; %.2f records appended to the log per"
              + " input record (outputs, changelogs, repartitions, transaction markers)%n",
          name,
          measured,
          records,
          seconds,
          cpuSeconds,
          cpuSeconds * 1e6 / measured,
          (double) appended / records);
      return measured / seconds;
    }
  }

  private static long committedRecords(Admin admin, String group, Map<TopicPartition, Long> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return ends.keySet().stream()
        .map(committed::get)
        .filter(java.util.Objects::nonNull)
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }

  /** The end offset of every partition of every topic on the broker. */
  private static Map<TopicPartition, Long> allEndOffsets(Admin admin) throws Exception {
    Set<String> topics = admin.listTopics().names().get();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /** Offsets appended to every log since the snapshot; the inputs were all written before. */
  private static long appendedSince(Admin admin, Map<TopicPartition, Long> before)
      throws Exception {
    long appended = 0;
    for (Map.Entry<TopicPartition, Long> end : allEndOffsets(admin).entrySet()) {
      if (!end.getKey().topic().startsWith("__")) {
        appended += end.getValue() - before.getOrDefault(end.getKey(), 0L);
      }
    }
    return appended;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, TopicCatalogue catalogue)
      throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic : List.of(catalogue.posts().name(), catalogue.incidents().name())) {
      admin
          .describeTopics(Set.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  @SuppressWarnings("unchecked")
  private static long produce(CampaignConfig config, TopicCatalogue catalogue, List<String> lines) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    long count = 0;
    Instant clock = Instant.EPOCH;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (String line : lines) {
        ParsedEvent event = JSON.parse(line);
        if (event.eventTime() != null && event.eventTime().isAfter(clock)) {
          clock = event.eventTime();
        }
        String topic = catalogue.name(event.topic());
        Serializer<SpecificRecord> values =
            (Serializer<SpecificRecord>) catalogue.get(event.topic()).valueSerde().serializer();
        producer.send(
            new ProducerRecord<>(
                topic,
                null,
                clock.toEpochMilli(),
                event.key(),
                values.serialize(topic, event.value())));
        if (event.topic() != CampaignTopic.CHANNEL_POLICIES) {
          count++;
        }
      }
      producer.flush();
    }
    return count;
  }
}
