package org.librarycampaign.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * JSON lines onto the topics as {@code campaign emit} writes them (keyed as the catalogue says,
 * Avro in the wire format), each stamped with the time the plan gives it: its own time, else the
 * plan clock (the latest time seen), so a running service and {@code campaign plan} see the same
 * timestamps.
 */
final class Feed {

  private static final EventJson JSON = new EventJson();

  private final TopicCatalogue catalogue;
  private final List<ParsedEvent> events = new ArrayList<>();
  private final List<Long> timestamps = new ArrayList<>();
  private final AtomicLong sent = new AtomicLong();

  Feed(TopicCatalogue catalogue, Instant start, List<String> lines) {
    this.catalogue = catalogue;
    Instant clock = start;
    for (String line : lines) {
      ParsedEvent event = JSON.parse(line);
      if (event.eventTime() != null && event.eventTime().isAfter(clock)) {
        clock = event.eventTime();
      }
      events.add(event);
      timestamps.add((event.eventTime() != null ? event.eventTime() : clock).toEpochMilli());
    }
  }

  int size() {
    return events.size();
  }

  long sent() {
    return sent.get();
  }

  /** Sends every line, about {@code perSecond} a second, and waits for every acknowledgement. */
  void send(KafkaProducer<String, byte[]> producer, int perSecond) throws Exception {
    long started = System.nanoTime();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long due = started + (long) i * 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      acks.add(producer.send(record(i)));
      sent.incrementAndGet();
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get();
    }
  }

  /** Sends every line as fast as the producer takes them. */
  void sendAll(KafkaProducer<String, byte[]> producer) throws Exception {
    send(producer, Integer.MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  ProducerRecord<String, byte[]> record(int i) {
    ParsedEvent event = events.get(i);
    Topic<String, SpecificRecord> topic =
        (Topic<String, SpecificRecord>) catalogue.get(event.topic());
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event.value());
    return new ProducerRecord<>(topic.name(), null, timestamps.get(i), event.key(), value);
  }

  /** How long sending at {@code perSecond} takes. */
  Duration duration(int perSecond) {
    return Duration.ofMillis(1000L * events.size() / perSecond);
  }
}
