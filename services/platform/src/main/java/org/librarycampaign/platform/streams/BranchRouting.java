package org.librarycampaign.platform.streams;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.topics.Topic;

/**
 * Puts every event of a branch in one place, whatever client wrote it: an input record is re-keyed
 * by the {@code branchId} of its value and sent through an internal topic ({@code <application
 * id>-<name>-by-branch-repartition}) with Kafka Streams' own partitioner, so the task that holds a
 * branch's state sees all of its events, even those a producer with another partitioner
 * (librdkafka's default, say) or another key placed on another partition. See
 * docs/ARCHITECTURE.md#ownership-and-placement.
 *
 * <p>Order: the records of one input partition reach the internal topic in their order, so the
 * events of one producer (which writes a branch to one partition) keep theirs.
 *
 * <p>The internal topic carries the input topic's own wire format under the input topic's registry
 * subject, so nothing new is registered, and records keep their timestamps. Each record carries the
 * input topic, partition and offset it was read from in headers ({@link
 * DeadLetters#HEADER_SOURCE_TOPIC}); a dead letter behind the route names that input record, so a
 * replay sends it back to the input topic. Tombstones are counted and dropped here, where the input
 * topic is still known ({@link InputTombstones}).
 */
public final class BranchRouting {

  private BranchRouting() {}

  /** The internal topic's name without the application id and {@code -repartition}. */
  public static String repartitionName(String name) {
    return name + "-by-branch";
  }

  /**
   * Routes {@code input}, read from {@code topic}, through the branch repartition.
   *
   * @param name prefix of every node and of the internal topic of this route
   * @param service the service, for the tombstone counter
   */
  public static <V extends SpecificRecord> KStream<String, V> byBranch(
      KStream<String, V> input, Topic<String, V> topic, String name, String service) {
    InputTombstones tombstones = InputTombstones.of(service);
    String topicName = topic.name();
    return input
        .filter(
            (key, value) -> !tombstones.skipped(topicName, key, value), Named.as(name + "-present"))
        .process(KeyByBranch<V>::new, Named.as(name + "-key-by-branch"))
        .repartition(
            Repartitioned.<String, V>as(repartitionName(name))
                .withKeySerde(Serdes.String())
                .withValueSerde(asTopic(topic)));
  }

  /** The topic's value serde, always under the topic's own name (its registry subject). */
  static <V> Serde<V> asTopic(Topic<String, V> topic) {
    Serde<V> serde = topic.valueSerde();
    String name = topic.name();
    return Serdes.serdeFrom(
        (ignored, value) -> serde.serializer().serialize(name, value),
        (ignored, bytes) -> serde.deserializer().deserialize(name, bytes));
  }

  /** Key := the value's branch (the key as it was when there is none); where it came from. */
  private static final class KeyByBranch<V extends SpecificRecord>
      implements Processor<String, V, String, V> {

    private ProcessorContext<String, V> context;

    @Override
    public void init(ProcessorContext<String, V> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
      String branch = RecordFields.text(record.value(), "branchId");
      Headers headers = new RecordHeaders(record.headers().toArray());
      if (headers.lastHeader(DeadLetters.HEADER_SOURCE_TOPIC) == null) {
        context
            .recordMetadata()
            .ifPresent(
                source -> {
                  add(headers, DeadLetters.HEADER_SOURCE_TOPIC, source.topic());
                  add(headers, DeadLetters.HEADER_SOURCE_PARTITION, partitionOf(source));
                  add(headers, DeadLetters.HEADER_SOURCE_OFFSET, Long.toString(source.offset()));
                });
      }
      context.forward(record.withKey(branch == null ? record.key() : branch).withHeaders(headers));
    }

    private static String partitionOf(RecordMetadata source) {
      return Integer.toString(source.partition());
    }

    private static void add(Headers headers, String name, String value) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
