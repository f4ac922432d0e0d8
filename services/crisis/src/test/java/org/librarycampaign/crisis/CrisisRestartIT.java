package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import library.campaign.events.IncidentState;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The crisis service on a real broker and registry, exactly-once: it is stopped while an incident
 * waits for its tier 1 deadline, its local state is wiped (as on a new machine), and it is started
 * again. The tier 1 alert is written exactly once, read with read_committed.
 *
 * <p>A tier's ack timeout is counted in units of 1 s here ({@code
 * campaign.crisis.ack-timeout-unit}), so that "10 minutes" is 10 seconds of real wall-clock time.
 */
class CrisisRestartIT {

  private static final String PLAN =
      Lines.q(
          "{'type':'ResponsePlan','branchId':'*','steps':['Hold all campaign posts'],'tiers':["
              + "{'ackTimeoutMinutes':6,'responders':[{'responderId':'manager','name':'Dana Reyes',"
              + "'role':'Branch manager','minSeverity':'LOW','contacts':["
              + "{'channel':'EMAIL','address':'dana@library.example'},"
              + "{'channel':'SMS','address':'+15550100'}]}]},"
              + "{'ackTimeoutMinutes':600,'responders':[{'responderId':'deputy','name':'Jo Park',"
              + "'role':'Deputy director','minSeverity':'LOW','contacts':["
              + "{'channel':'WEBHOOK','address':'https://chat.example/hooks/crisis'}]}]},"
              + "{'ackTimeoutMinutes':600,'responders':[{'responderId':'board','name':'Pat Lee',"
              + "'role':'Board chair','minSeverity':'LOW','contacts':["
              + "{'channel':'SMS','address':'+15550199'}]}]}]}");

  private final EventJson json = new EventJson();
  private CampaignConfig config;
  private TopicCatalogue topics;
  private KafkaProducer<String, byte[]> producer;
  private RunningService crisis;

  @BeforeEach
  void createTopics() {
    config =
        SharedStack.get()
            .configFor("crisis-restart")
            .with(
                Map.of(
                    CrisisSettings.ACK_TIMEOUT_UNIT,
                    "1s",
                    CrisisSettings.ESCALATION_CHECK_INTERVAL,
                    "200ms",
                    // a closed Streams client does not leave its group: let the broker drop it
                    // after 6 s (its minimum) rather than the default 45 s before the restart
                    // gets its tasks
                    "session.timeout.ms",
                    "6000",
                    "heartbeat.interval.ms",
                    "1000"));
    topics = SharedStack.createTopics(config);
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer =
        new KafkaProducer<>(
            props, topics.incidents().keySerde().serializer(), new ByteArraySerializer());
  }

  @AfterEach
  void stop() {
    if (crisis != null) {
      crisis.close();
    }
    producer.close();
  }

  @Test
  void aDeadlineThatPassesWhileTheServiceIsDownFiresOnceAfterTheRestart() {
    // the plan is read into a global store, which a starting service loads to its end before it
    // processes anything: sent after the start, it could reach the store after the incident,
    // which would then be UNROUTED (seen once in CI on a busy 2-core machine)
    send(PLAN);
    crisis = start();
    send(Lines.reported("i-restart", "westside", "HIGH", Instant.now().toString()));

    try (TopicReader<Notification> notifications = new TopicReader<>(topics.notifications());
        TopicReader<IncidentStatus> statuses = new TopicReader<>(topics.incidentStatus())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> statuses.read().stream().anyMatch(s -> s.getState() == IncidentState.OPEN));
      Instant deadline = statuses.read().get(0).getUpdatedAt().plusSeconds(6);
      crisis.close();
      crisis = null;
      assertThat(ids(notifications.read()))
          .as("stopped before the tier 1 deadline")
          .containsExactlyInAnyOrder("i-restart/0/manager/EMAIL", "i-restart/0/manager/SMS");

      // down across the deadline, and the local state gone as on a new machine
      await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deadline));
      deleteRecursively(config.stateDir());
      crisis = start();

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ids(notifications.read()).contains("i-restart/1/deputy/WEBHOOK"));
      send(Lines.resolved("i-restart", "westside", "dana", Instant.now().toString()));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> statuses.read().stream().anyMatch(s -> s.getState() == IncidentState.RESOLVED));

      assertThat(ids(notifications.read()))
          .as("each exactly once")
          .containsExactlyInAnyOrder(
              "i-restart/0/manager/EMAIL",
              "i-restart/0/manager/SMS",
              "i-restart/1/deputy/WEBHOOK",
              "i-restart/resolved/manager/EMAIL",
              "i-restart/resolved/manager/SMS",
              "i-restart/resolved/deputy/WEBHOOK");
      assertThat(statuses.read())
          .extracting(IncidentStatus::getState, IncidentStatus::getTier)
          .containsExactly(
              tuple(IncidentState.OPEN, 0),
              tuple(IncidentState.ESCALATED, 1),
              tuple(IncidentState.RESOLVED, 1));
    }
  }

  private RunningService start() {
    Readiness readiness = new Readiness();
    RunningService running =
        new CrisisService().start(new ServiceContext(config, topics, readiness));
    await().atMost(Duration.ofSeconds(60)).until(readiness::isReady);
    return running;
  }

  /** Sends a JSON line to its topic with its key, as {@code campaign emit} does. */
  @SuppressWarnings("unchecked")
  private void send(String line) {
    ParsedEvent event = json.parse(line);
    Topic<String, SpecificRecord> topic = (Topic<String, SpecificRecord>) topics.get(event.topic());
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event.value());
    try {
      producer.send(new ProducerRecord<>(topic.name(), event.key(), value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot send " + line, e);
    }
  }

  private static List<String> ids(List<Notification> notifications) {
    return notifications.stream().map(Notification::getNotificationId).toList();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything committed on a topic so far, read_committed, from the beginning. */
  private final class TopicReader<V extends SpecificRecord> implements AutoCloseable {
    private final KafkaConsumer<String, V> consumer;
    private final List<V> values = new ArrayList<>();

    TopicReader(Topic<String, V> topic) {
      Map<String, Object> props = new HashMap<>(config.kafkaProperties());
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      Deserializer<V> values = topic.valueSerde().deserializer();
      consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), values);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
    }

    /** What was read before plus everything committed up to now. */
    List<V> read() {
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      return List.copyOf(values);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
