package org.librarycampaign.platform.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
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
 * Puts every event of a branch in one place, whatever client wrote it. A record keyed by the {@code
 * branchId} of its value and lying on the partition Java's default partitioner gives that key
 * (murmur2 of the UTF-8 key, modulo the partition count) goes straight on, with no extra hop. Any
 * other record (a producer with another partitioner, librdkafka's default say, or another key) is
 * re-keyed by its branch and sent through an internal topic ({@code <application
 * id>-<name>-by-branch-repartition}) with Kafka Streams' partitioner, which is the same function,
 * and merged back; the task that holds a branch's state thus sees all of its events. See
 * docs/ARCHITECTURE.md#ownership-and-placement.
 *
 * <p>The partition count comes from the Streams configuration ({@link #PARTITIONS_CONFIG}, set by
 * {@code StreamsCampaignService} from the broker at start). Without it (a TopologyTestDriver, plan
 * mode) every record takes the internal topic, which is always right, only slower.
 *
 * <p>Order: the records of one input partition keep their order on either path, so the events of
 * one producer (which writes a branch to one partition, placed or not) keep theirs. Between two
 * producers of one branch, one placed and one not, no order is promised (nor was there one).
 *
 * <p>The internal topic carries the input topic's own wire format under the input topic's registry
 * subject, so nothing new is registered, and records keep their timestamps. Each record carries the
 * input topic, partition and offset it was read from in headers ({@link
 * DeadLetters#HEADER_SOURCE_TOPIC}); a dead letter behind the route names that input record, so a
 * replay sends it back to the input topic. Tombstones are counted and dropped here, where the input
 * topic is still known ({@link InputTombstones}).
 */
public final class BranchRouting {

  /**
   * Streams configuration key holding a {@code Map<String, Integer>}: partition count by input
   * topic name.
   */
  public static final String PARTITIONS_CONFIG = "campaign.branch-routing.partitions";

  private BranchRouting() {}

  /** The partition Java's default partitioner gives a record keyed {@code key}. */
  public static int javaPartition(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

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
    KStream<String, V> checked =
        input
            .filter(
                (key, value) -> !tombstones.skipped(topicName, key, value),
                Named.as(name + "-present"))
            .process(
                () -> new PlacementCheck<V>(name + PLACED, name + MISPLACED),
                Named.as(name + "-placement"));
    // the check forwards each record to one of these two by name
    KStream<String, V> placed = checked.filter((key, value) -> true, Named.as(name + PLACED));
    KStream<String, V> rerouted =
        checked
            .filter((key, value) -> true, Named.as(name + MISPLACED))
            .repartition(
                Repartitioned.<String, V>as(repartitionName(name))
                    .withKeySerde(Serdes.String())
                    .withValueSerde(asTopic(topic)));
    return placed.merge(rerouted, Named.as(name + "-by-branch-merged"));
  }

  /** The topic's value serde, always under the topic's own name (its registry subject). */
  static <V> Serde<V> asTopic(Topic<String, V> topic) {
    Serde<V> serde = topic.valueSerde();
    String name = topic.name();
    return Serdes.serdeFrom(
        (ignored, value) -> serde.serializer().serialize(name, value),
        (ignored, bytes) -> serde.deserializer().deserialize(name, bytes));
  }

  private static final String PLACED = "-placed";
  private static final String MISPLACED = "-misplaced";

  /**
   * A record in its place goes to the {@code placed} child as it is; any other, keyed by its branch
   * (the key as it was when there is none) and with where it came from in headers, to the {@code
   * misplaced} child.
   */
  private static final class PlacementCheck<V extends SpecificRecord>
      implements Processor<String, V, String, V> {

    private final String placed;
    private final String misplaced;
    private ProcessorContext<String, V> context;
    private Map<?, ?> partitions = Map.of();

    PlacementCheck(String placed, String misplaced) {
      this.placed = placed;
      this.misplaced = misplaced;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
      this.context = context;
      if (context.appConfigs().get(PARTITIONS_CONFIG) instanceof Map<?, ?> known) {
        partitions = known;
      }
    }

    @Override
    public void process(Record<String, V> record) {
      String branch = RecordFields.text(record.value(), "branchId");
      if (branch == null || inPlace(branch, record.key())) {
        context.forward(record, placed);
        return;
      }
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
      context.forward(record.withKey(branch).withHeaders(headers), misplaced);
    }

    private boolean inPlace(String branch, String key) {
      if (!branch.equals(key)) {
        return false;
      }
      Optional<RecordMetadata> source = context.recordMetadata();
      if (source.isEmpty() || !(partitions.get(source.get().topic()) instanceof Integer count)) {
        return false;
      }
      return source.get().partition() == javaPartition(branch, count);
    }

    private static String partitionOf(RecordMetadata source) {
      return Integer.toString(source.partition());
    }

    private static void add(Headers headers, String name, String value) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
