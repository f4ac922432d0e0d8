package org.librarycampaign.calendars;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import library.campaign.events.MilestoneEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.librarycampaign.calendars.ics.FeedEvent;
import org.librarycampaign.calendars.ics.IcsException;
import org.librarycampaign.calendars.ics.IcsReader;
import org.librarycampaign.calendars.imports.FeedImport;
import org.librarycampaign.calendars.imports.FeedSource;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * One import of one feed's text: read it, compare with what earlier imports wrote ({@link
 * MilestoneMemory}) and write the differences to {@code campaign.milestones}, keyed by branch (or
 * {@code *}). Used by {@code campaign import-ics} and the calendar-feeds poller alike.
 */
public final class FeedSync implements AutoCloseable {

  /** What an import did. */
  public record Result(int occurrences, List<MilestoneEvent> written) {}

  private final MilestoneMemory memory;
  private final KafkaProducer<String, MilestoneEvent> producer;
  private final String topic;
  private final Duration timeout;

  private FeedSync(
      MilestoneMemory memory,
      KafkaProducer<String, MilestoneEvent> producer,
      String topic,
      Duration timeout) {
    this.memory = memory;
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  public static FeedSync open(CampaignConfig config, TopicCatalogue topics, Duration timeout) {
    MilestoneMemory memory = MilestoneMemory.open(config, topics, timeout);
    try {
      Map<String, Object> props = new HashMap<>(config.kafkaProperties());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      KafkaProducer<String, MilestoneEvent> producer =
          new KafkaProducer<>(
              props,
              topics.milestones().keySerde().serializer(),
              topics.milestones().valueSerde().serializer());
      return new FeedSync(memory, producer, topics.milestones().name(), timeout);
    } catch (RuntimeException e) {
      memory.close();
      throw e;
    }
  }

  /**
   * Imports a feed's text for the window {@code [now, now + horizon)}.
   *
   * @throws IcsException bad input, naming the line or event; nothing was written
   * @throws TimeoutException the topic could not be read back or written in time; what was
   *     acknowledged before is kept, and the next import writes the rest
   */
  public Result sync(
      FeedSource source, String ics, Instant now, Duration horizon, ZoneId floatingZone)
      throws IcsException, TimeoutException, InterruptedException {
    Instant until = now.plus(horizon);
    return sync(
        source, IcsReader.read(new StringReader(ics), now, until, floatingZone), now, until);
  }

  /**
   * Imports occurrences already read for the window {@code [from, until)}.
   *
   * @throws IcsException an event that cannot become a milestone; nothing was written
   * @throws TimeoutException as {@link #sync(FeedSource, String, Instant, Duration, ZoneId)}
   */
  public Result sync(FeedSource source, List<FeedEvent> events, Instant from, Instant until)
      throws IcsException, TimeoutException, InterruptedException {
    Map<String, MilestoneEvent> known = memory.catchUp(source.idPrefix(), timeout);
    List<MilestoneEvent> changes = FeedImport.changes(source, events, known, from, until);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (MilestoneEvent milestone : changes) {
      sent.add(producer.send(new ProducerRecord<>(topic, milestone.getBranchId(), milestone)));
    }
    producer.flush();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        TimeoutException failed =
            new TimeoutException(
                "campaign.milestones refused a record: " + e.getCause().getMessage());
        failed.initCause(e.getCause());
        throw failed;
      }
      memory.remember(changes.get(i));
    }
    return new Result(events.size(), changes);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    memory.close();
  }
}
