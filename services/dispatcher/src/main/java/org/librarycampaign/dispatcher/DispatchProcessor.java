package org.librarycampaign.dispatcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;
import org.librarycampaign.dispatcher.retry.DeliveryRules;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.state.TimeOrderedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between Kafka Streams and the delivery rules. Three named stores, all changelogged:
 *
 * <ul>
 *   <li>{@value #PENDING_STORE}: notification id -> the notification, while it is not finished;
 *   <li>{@value #RECEIPTS_STORE}: notification id -> its latest receipt. A DELIVERED or FAILED one
 *       is final and stays for the retention horizon (README: retention), then is deleted by a
 *       wall-clock punctuation: it is what makes a repeated notification a no-op, also after a
 *       crash, since the store, the receipt and the input offset are committed in one transaction;
 *   <li>{@value #SCHEDULE_STORE}: {@link TimeOrderedKey} (due time, id) -> the notification's input
 *       offset: the attempts to make, in time order, so a scan stops at the first one not due.
 * </ul>
 *
 * <p>A notification is stored and scheduled for now; a wall-clock punctuation (and every new
 * record) hands due attempts to the {@link Deliverer}, which runs them on its own threads, and
 * turns finished attempts into receipts. An attempt's schedule entry stays until its outcome is
 * recorded, so an attempt lost in a crash or a rebalance is simply made again by whoever owns the
 * partition next: at least once. Which attempts are running is the only thing kept in memory.
 */
final class DispatchProcessor implements Processor<String, Notification, Object, Object> {

  static final String PENDING_STORE = "dispatcher-pending";
  static final String RECEIPTS_STORE = "dispatcher-receipts";
  static final String SCHEDULE_STORE = "dispatcher-schedule";

  private static final Logger LOGGER = LoggerFactory.getLogger(DispatchProcessor.class);

  /** Where the processor's output goes, and what it needs to build a dead letter. */
  record Outputs(
      String receiptsSink,
      String deadLettersSink,
      String sourceTopic,
      Serializer<Notification> notificationSerializer,
      DeadLetters deadLetters) {}

  private record Finished(
      String id, TimeOrderedKey scheduleKey, long offset, int attempt, DeliveryOutcome outcome) {}

  private final DeliveryRules rules;
  private final Duration pollInterval;
  private final int maxInFlight;
  private final Supplier<Deliverer> deliverers;
  private final Outputs outputs;
  private final Retention retention;

  private final Set<String> inFlight = new HashSet<>();
  private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();

  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, Notification> pending;
  private KeyValueStore<String, DeliveryReceipt> receipts;
  private KeyValueStore<TimeOrderedKey, Long> schedule;
  private Deliverer deliverer;
  private Cancellable punctuation;

  DispatchProcessor(
      DeliveryRules rules,
      Duration pollInterval,
      int maxInFlight,
      Supplier<Deliverer> deliverers,
      Outputs outputs,
      Retention retention) {
    this.rules = rules;
    this.pollInterval = pollInterval;
    this.maxInFlight = maxInFlight;
    this.deliverers = deliverers;
    this.outputs = outputs;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.pending = context.getStateStore(PENDING_STORE);
    this.receipts = context.getStateStore(RECEIPTS_STORE);
    this.schedule = context.getStateStore(SCHEDULE_STORE);
    this.deliverer = deliverers.get();
    this.punctuation =
        context.schedule(pollInterval, PunctuationType.WALL_CLOCK_TIME, now -> pump());
    context.schedule(
        retention.checkInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> forgetExpired(Instant.ofEpochMilli(now)));
  }

  /** Deletes finished receipts past the retention horizon; a retrying one is never expired. */
  private void forgetExpired(Instant now) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, DeliveryReceipt> scan = receipts.all()) {
      scan.forEachRemaining(
          entry -> {
            if (entry.value.getStatus() != DeliveryStatus.RETRYING
                && retention.expired(entry.value.getAt(), now)) {
              expired.add(entry.key);
            }
          });
    }
    expired.forEach(receipts::delete);
    if (!expired.isEmpty()) {
      LOGGER
          .atInfo()
          .addKeyValue("receipts", expired.size())
          .addKeyValue("horizon", retention.horizon())
          .log("Forgot finished receipts past the retention horizon");
    }
  }

  @Override
  public void process(Record<String, Notification> record) {
    Notification notification = record.value();
    if (notification == null) {
      return;
    }
    String id = notification.getNotificationId();
    DeliveryReceipt last = receipts.get(id);
    if (last != null && last.getStatus() != DeliveryStatus.RETRYING) {
      DispatcherMetrics.duplicatesSkipped().increment();
      LOGGER
          .atInfo()
          .addKeyValue("notificationId", id)
          .addKeyValue("status", last.getStatus())
          .log("Notification already finished; not sent again");
      return;
    }
    if (pending.get(id) != null) {
      return;
    }
    long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
    pending.put(id, notification);
    schedule.put(
        new TimeOrderedKey(Instant.ofEpochMilli(context.currentSystemTimeMs()), id), offset);
    pump();
  }

  /** Records what finished, then starts what is due; again while attempts finish at once. */
  private void pump() {
    recordFinished();
    while (startDue() > 0 && !finished.isEmpty()) {
      recordFinished();
    }
  }

  private int startDue() {
    long now = context.currentSystemTimeMs();
    List<KeyValue<TimeOrderedKey, Long>> due = new ArrayList<>();
    try (KeyValueIterator<TimeOrderedKey, Long> entries = schedule.all()) {
      while (entries.hasNext() && inFlight.size() + due.size() < maxInFlight) {
        KeyValue<TimeOrderedKey, Long> entry = entries.next();
        if (entry.key.at().toEpochMilli() > now) {
          break;
        }
        if (!inFlight.contains(entry.key.id())) {
          due.add(entry);
        }
      }
    }
    int started = 0;
    for (KeyValue<TimeOrderedKey, Long> entry : due) {
      String id = entry.key.id();
      Notification notification = pending.get(id);
      if (notification == null) {
        schedule.delete(entry.key);
        continue;
      }
      DeliveryReceipt last = receipts.get(id);
      int attempt = last == null ? 1 : last.getAttempt() + 1;
      TimeOrderedKey key = entry.key;
      long offset = entry.value;
      inFlight.add(id);
      started++;
      deliverer.submit(
          notification, outcome -> finished.add(new Finished(id, key, offset, attempt, outcome)));
    }
    return started;
  }

  private void recordFinished() {
    Finished done;
    while ((done = finished.poll()) != null) {
      inFlight.remove(done.id());
      Notification notification = pending.get(done.id());
      if (notification == null) {
        continue;
      }
      long now = context.currentSystemTimeMs();
      DeliveryRules.Step step =
          rules.after(done.id(), done.attempt(), done.outcome(), Instant.ofEpochMilli(now));
      DeliveryReceipt receipt =
          DeliveryReceipt.newBuilder()
              .setNotificationId(done.id())
              .setStatus(step.status())
              .setChannel(notification.getChannel())
              .setAttempt(step.attempt())
              .setNextAttemptAt(step.nextAttemptAt())
              .setReason(step.reason())
              .setOutbox(step.outbox())
              .setAt(Instant.ofEpochMilli(now))
              .build();
      schedule.delete(done.scheduleKey());
      receipts.put(done.id(), receipt);
      if (step.isFinal()) {
        pending.delete(done.id());
      } else {
        schedule.put(new TimeOrderedKey(step.nextAttemptAt(), done.id()), done.offset());
      }
      context.forward(new Record<>(done.id(), receipt, now), outputs.receiptsSink());
      if (step.deadLetter()) {
        forwardDeadLetter(notification, done, step, now);
      }
      count(notification, step);
      log(notification, step);
    }
  }

  private void forwardDeadLetter(
      Notification notification, Finished done, DeliveryRules.Step step, long now) {
    String topic = outputs.sourceTopic();
    ProducerRecord<byte[], byte[]> letter =
        outputs
            .deadLetters()
            .record(
                new DeadLetters.Failure(
                    topic,
                    context.taskId().partition(),
                    done.offset(),
                    DeadLetterStage.DELIVERY,
                    new DeliveryFailedException(
                        notification.getChannel()
                            + " notification "
                            + done.id()
                            + " failed: "
                            + step.reason()),
                    done.id().getBytes(StandardCharsets.UTF_8),
                    outputs.notificationSerializer().serialize(topic, notification)),
                Instant.ofEpochMilli(now));
    context.forward(
        new Record<>(letter.key(), letter.value(), now, letter.headers()),
        outputs.deadLettersSink());
  }

  private static void count(Notification notification, DeliveryRules.Step step) {
    String channel = notification.getChannel().name();
    DispatcherMetrics.receipts(channel, step.status().name()).increment();
    if (step.outbox()) {
      DispatcherMetrics.outbox(channel).increment();
    }
  }

  private static void log(Notification notification, DeliveryRules.Step step) {
    var event = step.status() == DeliveryStatus.DELIVERED ? LOGGER.atInfo() : LOGGER.atWarn();
    event
        .addKeyValue("notificationId", notification.getNotificationId())
        .addKeyValue("channel", notification.getChannel())
        .addKeyValue("status", step.status())
        .addKeyValue("attempt", step.attempt())
        .addKeyValue("outbox", step.outbox())
        .addKeyValue("nextAttemptAt", step.nextAttemptAt())
        .addKeyValue("reason", step.reason())
        .log("Delivery attempt recorded");
  }

  @Override
  public void close() {
    if (punctuation != null) {
      punctuation.cancel();
    }
    if (deliverer != null) {
      deliverer.close();
    }
  }
}
