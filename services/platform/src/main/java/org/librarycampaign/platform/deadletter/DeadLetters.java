package org.librarycampaign.platform.deadletter;

import io.micrometer.core.instrument.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the records written to {@code campaign.dead-letters}: the original key as the key, a
 * {@link DeadLetter} (holding the original bytes) as the value, and the reason in headers, so a
 * plain consumer sees why without decoding anything.
 */
public final class DeadLetters {

  public static final String HEADER_TOPIC = "campaign.error.topic";
  public static final String HEADER_PARTITION = "campaign.error.partition";
  public static final String HEADER_OFFSET = "campaign.error.offset";
  public static final String HEADER_APPLICATION_ID = "campaign.error.application-id";
  public static final String HEADER_STAGE = "campaign.error.stage";
  public static final String HEADER_CLASS = "campaign.error.class";
  public static final String HEADER_MESSAGE = "campaign.error.message";

  /** Present on records refused on purpose ({@link RejectedRecord}), e.g. {@code OWNERSHIP}. */
  public static final String HEADER_REASON = "campaign.error.reason";

  /**
   * Set on a record a service re-routes through an internal topic (platform {@code
   * streams.BranchRouting}): the input topic, partition and offset it was first read from, which a
   * dead letter of it names instead of the internal topic, so that a replay sends it back there.
   */
  public static final String HEADER_SOURCE_TOPIC = "campaign.source.topic";

  public static final String HEADER_SOURCE_PARTITION = "campaign.source.partition";
  public static final String HEADER_SOURCE_OFFSET = "campaign.source.offset";

  /** Streams config key under which the handlers find this object. */
  public static final String CONFIG_KEY = "campaign.dead-letters";

  private static final Logger LOGGER = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_MESSAGE_LENGTH = 2000;

  private final String topic;
  private final Serializer<DeadLetter> serializer;
  private final String applicationId;
  private final Map<String, Object> producerConfig;
  private KafkaProducer<byte[], byte[]> ownProducer;

  public DeadLetters(String topic, Serializer<DeadLetter> serializer, String applicationId) {
    this(topic, serializer, applicationId, Map.of());
  }

  /**
   * @param producerConfig Kafka client properties (bootstrap servers, security) for the dead
   *     letters of global stores, which Kafka Streams cannot write itself
   */
  public DeadLetters(
      String topic,
      Serializer<DeadLetter> serializer,
      String applicationId,
      Map<String, Object> producerConfig) {
    this.topic = topic;
    this.serializer = serializer;
    this.applicationId = applicationId;
    this.producerConfig = Map.copyOf(producerConfig);
  }

  /**
   * What an exception handler hands back to Kafka Streams. A task's dead letters are written by
   * Streams in the task's transaction. The global thread (global stores and tables) has no record
   * collector in Kafka 4.4: Streams fails on dead letters returned from there, so those are sent
   * here with a producer of our own (acks=all, idempotent) and none is handed back.
   */
  List<ProducerRecord<byte[], byte[]>> handOver(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> letter) {
    boolean globalThread = context.taskId() != null && context.taskId().subtopology() < 0;
    if (!globalThread) {
      return List.of(letter);
    }
    try {
      ownProducer().send(letter).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOGGER
          .atError()
          .addKeyValue("sourceTopic", context.topic())
          .addKeyValue("offset", context.offset())
          .setCause(e)
          .log("Could not write the dead letter of a global store record; it is skipped");
    }
    return List.of();
  }

  private synchronized KafkaProducer<byte[], byte[]> ownProducer() {
    if (ownProducer == null) {
      Map<String, Object> props = new HashMap<>(producerConfig);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-global-dead-letters");
      ownProducer =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return ownProducer;
  }

  public String topic() {
    return topic;
  }

  /** What failed, where: everything a dead-letter record says. */
  public record Failure(
      String sourceTopic,
      int partition,
      long offset,
      DeadLetterStage stage,
      Throwable error,
      byte[] key,
      byte[] value) {}

  /** The dead-letter record of a failure that happened now. */
  public ProducerRecord<byte[], byte[]> record(Failure failure) {
    return record(failure, Instant.now());
  }

  /**
   * The dead-letter record of a failure at a given time: topologies pass their wall clock, so that
   * {@code campaign plan} and TopologyTestDriver runs give the same records every time.
   */
  public ProducerRecord<byte[], byte[]> record(Failure failure, Instant failedAt) {
    Throwable cause = rootCause(failure.error());
    String message = truncate(describe(failure.error()));
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic(failure.sourceTopic() == null ? "" : failure.sourceTopic())
            .setPartition(failure.partition())
            .setOffset(failure.offset())
            .setApplicationId(applicationId)
            .setStage(failure.stage())
            .setErrorClass(cause.getClass().getName())
            .setErrorMessage(message)
            .setKey(failure.key() == null ? null : ByteBuffer.wrap(failure.key()))
            .setValue(failure.value() == null ? null : ByteBuffer.wrap(failure.value()))
            .setFailedAt(failedAt)
            .build();
    RecordHeaders headers = new RecordHeaders();
    header(headers, HEADER_TOPIC, failure.sourceTopic());
    header(headers, HEADER_PARTITION, Integer.toString(failure.partition()));
    header(headers, HEADER_OFFSET, Long.toString(failure.offset()));
    header(headers, HEADER_APPLICATION_ID, applicationId);
    header(headers, HEADER_STAGE, failure.stage().name());
    header(headers, HEADER_CLASS, cause.getClass().getName());
    header(headers, HEADER_MESSAGE, message);
    if (failure.error() instanceof RejectedRecord rejected) {
      header(headers, HEADER_REASON, rejected.reason());
    }
    Metrics.counter(
            "campaign.dead.letters",
            "stage",
            failure.stage().name(),
            "application",
            applicationId == null ? "" : applicationId)
        .increment();
    LOGGER
        .atWarn()
        .addKeyValue("sourceTopic", failure.sourceTopic())
        .addKeyValue("partition", failure.partition())
        .addKeyValue("offset", failure.offset())
        .addKeyValue("stage", failure.stage())
        .addKeyValue("error", message)
        .log("Record sent to dead letters");
    return new ProducerRecord<>(
        topic, null, failure.key(), serializer.serialize(topic, letter), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The chain of messages, outermost first: "cannot read X: unknown symbol Y". */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      String message = e.getMessage();
      if (message != null && !text.toString().contains(message)) {
        if (!text.isEmpty()) {
          text.append(": ");
        }
        text.append(message);
      }
    }
    return text.isEmpty() ? error.getClass().getSimpleName() : text.toString();
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE_LENGTH
        ? text
        : text.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }

  static DeadLetters from(Map<String, ?> configs) {
    Object configured = configs.get(CONFIG_KEY);
    if (!(configured instanceof DeadLetters deadLetters)) {
      throw new IllegalStateException(
          CONFIG_KEY + " must hold a DeadLetters instance (set by StreamsSettings)");
    }
    return deadLetters;
  }
}
