package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import library.campaign.events.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.ServiceTopic;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    description = "Lists dead letters, or sends them back to where they came from.",
    subcommands = {DeadLettersCommand.List.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand {

  /** Header on a replayed record: which dead letter (partition-offset) it came back from. */
  static final String HEADER_REPLAY_OF = "campaign.replay.of";

  /**
   * The transactional id of replays, under the application id prefix: a replay cut short is aborted
   * (never a record sent without its marker), and two replays at once fence each other.
   */
  static final String TRANSACTIONAL_ID_SUFFIX = "dead-letter-replay";

  /** Which dead letters a command looks at. */
  static final class Selection {
    @Option(
        names = "--since",
        paramLabel = "TIME",
        description =
            "Only dead letters that failed at or after TIME (2026-12-03T10:00:00Z), or"
                + " within the last DURATION (2h, 30m).")
    String since;

    @Option(
        names = "--reason",
        paramLabel = "R",
        description =
            "Only dead letters whose stage, error class or message contains R"
                + " (case-insensitive), e.g. DESERIALIZATION, SchemaRegistry.")
    String reason;

    @Option(
        names = "--topic",
        paramLabel = "T",
        description = "Only dead letters from source topic T (with or without the prefix).")
    String topic;

    boolean selects(DeadLetter letter, String prefix, Instant now) {
      if (since != null && letter.getFailedAt().isBefore(sinceInstant(now))) {
        return false;
      }
      if (topic != null
          && !letter.getSourceTopic().equals(topic)
          && !letter.getSourceTopic().equals(prefix + topic)) {
        return false;
      }
      if (reason != null) {
        String wanted = reason.toLowerCase(Locale.ROOT);
        return (letter.getStage() + " " + letter.getErrorClass() + " " + letter.getErrorMessage())
            .toLowerCase(Locale.ROOT)
            .contains(wanted);
      }
      return true;
    }

    private Instant sinceInstant(Instant now) {
      try {
        return Instant.parse(since);
      } catch (RuntimeException notAnInstant) {
        try {
          return now.minus(CampaignConfig.parseDuration(since));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(
              "--since takes an instant (2026-12-03T10:00:00Z) or a duration (2h): " + since);
        }
      }
    }
  }

  /** A dead letter as read: where it is on the dead-letter topic, and what it holds. */
  record Letter(int partition, long offset, DeadLetter value) {
    String marker() {
      return partition + "-" + offset;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Prints the selected dead letters, one a line (committed records only).")
  static final class List implements Callable<Integer> {
    @Mixin ClusterOptions cluster;
    @Mixin Selection selection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CampaignConfig config = cluster.config();
      TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
      Set<String> replayed = readMarkers(config, catalogue);
      PrintWriter out = spec.commandLine().getOut();
      Instant now = Instant.now();
      for (Letter letter : readLetters(config, catalogue)) {
        if (selection.selects(letter.value(), catalogue.prefix(), now)) {
          DeadLetter value = letter.value();
          out.printf(
              "%s %s %s %s@%d %s %s%s%n",
              letter.marker(),
              value.getFailedAt(),
              value.getStage(),
              value.getSourceTopic(),
              value.getOffset(),
              value.getErrorClass(),
              value.getErrorMessage().replace('\n', ' '),
              replayed.contains(letter.marker()) ? " (replayed)" : "");
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Sends each selected dead letter's original key and bytes back to its source topic, once:",
        "what was sent is recorded on the dead-letter-replays topic, in the same transaction,",
        "so a second run sends nothing again. Dead letters not selected stay replayable later."
      })
  static final class Replay implements Callable<Integer> {
    @Mixin ClusterOptions cluster;
    @Mixin Selection selection;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CampaignConfig config = cluster.config();
      TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
      String markers = catalogue.name(ServiceTopic.DEAD_LETTER_REPLAYS);
      Set<String> replayed = readMarkers(config, catalogue);
      Set<String> knownTopics = new HashSet<>();
      for (var id : org.librarycampaign.platform.topics.CampaignTopic.values()) {
        knownTopics.add(catalogue.name(id));
      }
      PrintWriter out = spec.commandLine().getOut();
      Instant now = Instant.now();
      int sent = 0;
      int already = 0;
      int skipped = 0;
      try (KafkaProducer<byte[], byte[]> producer = transactionalProducer(config)) {
        producer.initTransactions();
        for (Letter letter : readLetters(config, catalogue)) {
          DeadLetter value = letter.value();
          if (!selection.selects(value, catalogue.prefix(), now)) {
            continue;
          }
          if (replayed.contains(letter.marker())) {
            already++;
            continue;
          }
          if (!knownTopics.contains(value.getSourceTopic())) {
            // an internal topic (changelog, repartition) is the service's own: not replayed
            out.printf(
                "skipped %s: source topic %s is not a topic of this system%n",
                letter.marker(), value.getSourceTopic());
            skipped++;
            continue;
          }
          RecordHeaders headers = new RecordHeaders();
          headers.add(HEADER_REPLAY_OF, letter.marker().getBytes(StandardCharsets.UTF_8));
          producer.beginTransaction();
          producer.send(
              new ProducerRecord<>(
                  value.getSourceTopic(),
                  null,
                  bytes(value.getKey()),
                  bytes(value.getValue()),
                  headers));
          producer.send(
              new ProducerRecord<>(
                  markers,
                  letter.marker().getBytes(StandardCharsets.UTF_8),
                  ("replayed to " + value.getSourceTopic() + " at " + Instant.now())
                      .getBytes(StandardCharsets.UTF_8)));
          producer.commitTransaction();
          replayed.add(letter.marker());
          sent++;
          out.printf(
              "replayed %s to %s (%s at offset %d)%n",
              letter.marker(), value.getSourceTopic(), value.getStage(), value.getOffset());
        }
      }
      out.printf("%d replayed, %d replayed before, %d skipped%n", sent, already, skipped);
      out.flush();
      return 0;
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  static java.util.List<Letter> readLetters(CampaignConfig config, TopicCatalogue catalogue) {
    Topic<String, DeadLetter> topic = catalogue.deadLetters();
    java.util.List<Letter> letters = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(config, topic.name())) {
      if (record.value() != null) {
        letters.add(
            new Letter(
                record.partition(),
                record.offset(),
                topic.valueSerde().deserializer().deserialize(topic.name(), record.value())));
      }
    }
    return letters;
  }

  static Set<String> readMarkers(CampaignConfig config, TopicCatalogue catalogue) {
    Set<String> markers = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record :
        readAll(config, catalogue.name(ServiceTopic.DEAD_LETTER_REPLAYS))) {
      if (record.key() != null) {
        markers.add(new String(record.key(), StandardCharsets.UTF_8));
      }
    }
    return markers;
  }

  /** Every committed record the topic holds now, from the oldest; no consumer group. */
  private static java.util.List<ConsumerRecord<byte[], byte[]>> readAll(
      CampaignConfig config, String topicName) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    java.util.List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      java.util.List<TopicPartition> partitions =
          consumer.partitionsFor(topicName, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static KafkaProducer<byte[], byte[]> transactionalProducer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.applicationId(TRANSACTIONAL_ID_SUFFIX));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
