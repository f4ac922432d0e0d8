package org.librarycampaign.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.InvalidEventException;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "emit",
    mixinStandardHelpOptions = true,
    description = {
      "Sends JSON lines (one event per line, as in the README) to the cluster as Avro events,",
      "each to its topic with its key. Stops at the first bad line with exit code 2, saying",
      "which line and what is wrong; the lines before it have been sent. Tick lines (plan mode's",
      "clock) are skipped."
    })
final class EmitCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", paramLabel = "FILE", description = "File of JSON lines, or - for stdin.")
  String file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CampaignConfig config = cluster.config();
    PrintWriter err = spec.commandLine().getErr();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    EventJson json = new EventJson();
    boolean fromStdin = "-".equals(file);
    long total = fromStdin ? -1 : countLines(Path.of(file));
    Progress progress = new Progress(err, total, System.console() != null);
    Counts counts = new Counts();
    AtomicReference<Exception> sendFailure = new AtomicReference<>();
    try (BufferedReader reader = open(fromStdin);
        KafkaProducer<String, SpecificRecord> producer = producer(config, catalogue)) {
      String line;
      while ((line = reader.readLine()) != null) {
        counts.lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        ParsedEvent event;
        try {
          event = json.parse(line);
        } catch (InvalidEventException e) {
          producer.flush();
          progress.finish();
          err.println("line " + counts.lineNumber + ": " + e.getMessage());
          err.println(counts.summary(sendFailure.get()) + "; stopped at line " + counts.lineNumber);
          throw new BadInputException("line " + counts.lineNumber + " is not a valid event");
        }
        if (event.isTick()) {
          counts.ticks++;
          continue;
        }
        producer.send(
            new ProducerRecord<>(catalogue.name(event.topic()), event.key(), event.value()),
            (metadata, error) -> {
              if (error != null) {
                sendFailure.compareAndSet(null, error);
              }
            });
        counts.sent++;
        progress.update(counts.lineNumber);
      }
      producer.flush();
    }
    progress.finish();
    if (sendFailure.get() != null) {
      err.println(counts.summary(sendFailure.get()));
      return 1;
    }
    err.println(counts.summary(null));
    return 0;
  }

  private static final class Counts {
    long lineNumber;
    long sent;
    long ticks;

    String summary(Exception failure) {
      String text = "sent " + sent + " event" + (sent == 1 ? "" : "s");
      if (ticks > 0) {
        text += ", skipped " + ticks + " Tick line" + (ticks == 1 ? "" : "s") + " (plan mode only)";
      }
      if (failure != null) {
        text += "; the broker refused some: " + failure.getMessage();
      }
      return text;
    }
  }

  private BufferedReader open(boolean fromStdin) throws IOException {
    return fromStdin
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }

  private static long countLines(Path path) throws IOException {
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  @SuppressWarnings("unchecked")
  static KafkaProducer<String, SpecificRecord> producer(
      CampaignConfig config, TopicCatalogue catalogue) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    Serializer<SpecificRecord> values = new RoutingSerializer(catalogue);
    return new KafkaProducer<>(props, catalogue.posts().keySerde().serializer(), values);
  }

  /** Serializes each value with the serde of the topic it is sent to. */
  private record RoutingSerializer(TopicCatalogue catalogue) implements Serializer<SpecificRecord> {
    @Override
    @SuppressWarnings("unchecked")
    public byte[] serialize(String topic, SpecificRecord data) {
      Serializer<SpecificRecord> serializer =
          (Serializer<SpecificRecord>)
              catalogue.get(catalogue.idOf(topic)).valueSerde().serializer();
      return serializer.serialize(topic, data);
    }
  }
}
