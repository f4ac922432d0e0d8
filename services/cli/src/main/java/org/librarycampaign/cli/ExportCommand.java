package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the records of a topic as JSON lines, the same form emit takes (committed records",
      "only). Without --follow it stops once it has read what the topic held when it started."
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Parameters(
      index = "0",
      paramLabel = "TOPIC",
      description = "e.g. campaign.post-decisions (with or without the configured prefix).")
  String topicName;

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record (default: the end).")
  boolean fromBeginning;

  @Option(names = "--follow", description = "Keep printing new records until stopped.")
  boolean follow;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  long max = Long.MAX_VALUE;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      description =
          "Stop when nothing arrives for this long (e.g. 5s, 500ms; default 5s; with --follow: never).")
  String idleTimeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CampaignConfig config = cluster.config();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    Topic<String, ? extends SpecificRecord> topic = catalogue.get(resolve(catalogue));
    PrintWriter out = spec.commandLine().getOut();
    EventJson json = new EventJson();
    Duration idle =
        idleTimeout != null
            ? CampaignConfig.parseDuration(idleTimeout)
            : follow ? Duration.ofDays(3650) : Duration.ofSeconds(5);
    Deserializer<? extends SpecificRecord> decoder = topic.valueSerde().deserializer();
    PrintWriter err = spec.commandLine().getErr();
    try (KafkaConsumer<String, byte[]> consumer = consumer(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
      long printed = 0;
      long lastRecordAt = System.nanoTime();
      while (printed < max) {
        var records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, byte[]> record : records) {
          if (record.value() == null) {
            continue;
          }
          try {
            out.println(json.write(decoder.deserialize(record.topic(), record.value())));
            printed++;
          } catch (SerializationException e) {
            err.printf(
                "skipped partition %d offset %d: %s%n",
                record.partition(), record.offset(), e.getMessage());
          }
          if (printed >= max) {
            break;
          }
        }
        out.flush();
        if (!records.isEmpty()) {
          lastRecordAt = System.nanoTime();
        }
        if (!follow && caughtUp(consumer, endAtStart)) {
          break;
        }
        if (System.nanoTime() - lastRecordAt > idle.toNanos()) {
          break;
        }
      }
    }
    return 0;
  }

  private CampaignTopic resolve(TopicCatalogue catalogue) {
    try {
      return catalogue.idOf(topicName);
    } catch (IllegalArgumentException notFullName) {
      try {
        return CampaignTopic.byBaseName(topicName.toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(notFullName.getMessage());
      }
    }
  }

  static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  static KafkaConsumer<String, byte[]> consumer(CampaignConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
