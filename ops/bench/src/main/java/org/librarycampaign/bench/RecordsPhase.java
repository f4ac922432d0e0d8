package org.librarycampaign.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The records themselves: bytes per event in Avro (Confluent wire format, as on the topic) against
 * the JSON form (the platform's EventJson, as sent to the ingest API and written by {@code campaign
 * export}), and the rate a plain producer reaches with records of that size on this broker.
 */
final class RecordsPhase {

  private static final int SAMPLE = 2000;

  /** Average bytes per event of one type. */
  record Size(String type, double avroBytes, double jsonBytes) {
    double ratio() {
      return avroBytes / jsonBytes;
    }
  }

  /** The plain producer: records per second and the average record size. */
  record ProducerRate(long records, double seconds, double recordsPerSecond, double recordBytes) {}

  private final BenchStack stack;
  private final Workload workload;

  RecordsPhase(BenchStack stack, Workload workload) {
    this.stack = stack;
    this.workload = workload;
  }

  List<Size> sizes() {
    CampaignConfig config = stack.scenario("sizes", Map.of());
    TopicCatalogue catalogue = stack.createTopics(config);
    List<Size> sizes = new ArrayList<>();
    try (Producing producing = new Producing(config, catalogue)) {
      List<ParsedEvent> drafts = new ArrayList<>();
      List<ParsedEvent> incidents = new ArrayList<>();
      for (int i = 0; i < SAMPLE; i++) {
        drafts.add(workload.draft("size", i));
        incidents.add(workload.incident("size", i));
      }
      sizes.add(size("PostDrafted", drafts, producing));
      sizes.add(size("IncidentReported", incidents, producing));
      sizes.add(size("Milestone", workload.avoidEveryDraft(SAMPLE), producing));
      sizes.add(
          size(
              "ResponsePlan",
              List.of(workload.responsePlan(2, "https://hooks.example.org/crisis")),
              producing));
    }
    for (Size size : sizes) {
      System.out.printf(
          "  %-16s Avro %5.0f bytes, JSON %5.0f bytes: %.2f%n",
          size.type(), size.avroBytes(), size.jsonBytes(), size.ratio());
    }
    return sizes;
  }

  private Size size(String type, List<ParsedEvent> events, Producing producing) {
    long avro = 0;
    long json = 0;
    for (ParsedEvent event : events) {
      avro += producing.serialize(event).length;
      json += workload.json().write(event).getBytes(StandardCharsets.UTF_8).length;
    }
    return new Size(type, (double) avro / events.size(), (double) json / events.size());
  }

  /** Sends {@code records} PostDrafted values (serialized beforehand) as fast as it can. */
  ProducerRate producer(long records) throws Exception {
    CampaignConfig config = stack.scenario("raw", Map.of());
    TopicCatalogue catalogue = stack.createTopics(config);
    String topic = catalogue.prefix() + "bench.raw";
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    List<byte[]> values = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    long bytes = 0;
    try (Producing producing = new Producing(config, catalogue)) {
      for (int i = 0; i < SAMPLE; i++) {
        ParsedEvent draft = workload.draft("raw", i);
        values.add(producing.serialize(draft));
        keys.add(draft.key());
        bytes += values.get(i).length;
      }
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Producing.properties(config), new StringSerializer(), Producing.bytes())) {
      // the first records open connections and fetch metadata: not part of the rate
      for (int i = 0; i < SAMPLE; i++) {
        producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
      }
      producer.flush();
      long started = System.nanoTime();
      for (long i = 0; i < records; i++) {
        int sample = (int) (i % SAMPLE);
        producer.send(new ProducerRecord<>(topic, keys.get(sample), values.get(sample)));
      }
      producer.flush();
      double seconds = (System.nanoTime() - started) / 1e9;
      ProducerRate rate =
          new ProducerRate(records, seconds, records / seconds, (double) bytes / SAMPLE);
      System.out.printf(
          "  %-18s %,9d records of %.0f bytes in %6.2f s: %,9.0f records/s%n",
          "producer", records, rate.recordBytes(), seconds, rate.recordsPerSecond());
      return rate;
    }
  }
}
