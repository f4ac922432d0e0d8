package org.librarycampaign.platform.streams;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.topics.Topic;

/**
 * A post id or an incident id belongs to the branch of its first event
 * (docs/ARCHITECTURE.md#ownership-and-placement). A gate keeps {@code id → owning branch} in a
 * store of its own, lets the owner's records through and refuses another branch's: it throws {@link
 * RejectedRecord} ({@code OWNERSHIP}), which the platform's processing handler turns into a dead
 * letter holding the refused record's bytes, inside the task's transaction. The message names the
 * id and the sending branch, never the owner.
 *
 * <p>Two gates, because a branch's events must be processed in the order the branch produced them
 * and a by-id repartition in front of the service would reorder them:
 *
 * <ul>
 *   <li>{@link #inTask} sits between the branch-keyed input and the service's processor, with no
 *       repartition: it refuses another branch's event about an id this task has seen (two branches
 *       on one partition), before the processor can touch the owner's state;
 *   <li>{@link #beforeWriting} sits on the output side, where records are keyed by the id (a
 *       repartition of the outputs by id): it decides between branches on different partitions, so
 *       another branch's output about the id never reaches the output topic.
 * </ul>
 *
 * Records without a value, or without the id or a branch, pass unchanged.
 */
public final class OwnershipGate {

  private OwnershipGate() {}

  /**
   * What a gate throws for {@code branch}'s record about {@code id}, which another branch owns. The
   * message names the id and the sending branch, never the owner: it reaches whoever reads dead
   * letters.
   */
  public static RejectedRecord refusal(String idField, String id, String branch) {
    return new RejectedRecord(
        RejectedRecord.OWNERSHIP,
        idField + " " + id + " of branch " + branch + " belongs to another branch");
  }

  /**
   * The in-task check of a processor that keeps its ids in a store of its own instead of {@link
   * #inTask} (governance's and conflicts' post stores, crisis's incident store): throws {@link
   * #refusal} when {@code ownerOf} names another branch than the event's as the owner of its id.
   * {@code idField} of the event (or of an envelope's member) is the id, its {@code branchId} the
   * branch; {@code ownerOf} gives an id's owning branch, or null for an id the store does not know,
   * which claims nothing (only the event that stores the id does). An event without a value, the id
   * or a branch passes, and {@code ownerOf} is not asked.
   */
  public static void refuseIfOwnedByAnotherBranch(
      SpecificRecord event, String idField, Function<String, String> ownerOf) {
    String id = RecordFields.text(event, idField);
    String branch = RecordFields.text(event, "branchId");
    if (id == null || branch == null) {
      return;
    }
    String owner = ownerOf.apply(id);
    if (owner != null && !owner.equals(branch)) {
      throw refusal(idField, id, branch);
    }
  }

  /** The name of the store of a gate named {@code name}. */
  public static String ownersStore(String name) {
    return name + "-owners";
  }

  /**
   * The store of owning branches, for {@link #inTask} and {@link #beforeWriting} with {@code store}
   * named {@link #ownersStore(String) ownersStore(name)}; add it to the builder once.
   */
  public static StoreBuilder<KeyValueStore<String, String>> ownersStoreBuilder(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ownersStore(name)), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  /**
   * The in-task gate of input events, after the branch route (node {@code <name>-ownership}, store
   * {@code <name>-owners}): {@code idField} of the event (or of an envelope's member) is the id,
   * its {@code branchId} the branch.
   */
  public static <V extends SpecificRecord> KStream<String, V> inTask(
      KStream<String, V> input, String name, String idField) {
    return input.process(
        new GateSupplier<V>(
            ownersStore(name),
            idField,
            value -> RecordFields.text(value, idField),
            Set.of(ownersStoreBuilder(name))),
        Named.as(name + "-ownership"));
  }

  /**
   * The output gate: {@code output} is repartitioned by {@code idOf} (internal topic {@code
   * <application id>-<name>-by-id-repartition}, in the output topic's wire format and subject),
   * then gated (node {@code <name>-ownership}) with the store {@code store} (which the caller adds,
   * so several gates may share it), then keyed by {@code keyOf} for the output topic.
   */
  public static <V extends SpecificRecord> KStream<String, V> beforeWriting(
      KStream<String, V> output,
      Topic<String, V> outputTopic,
      String name,
      String store,
      String idField,
      Function<V, String> idOf,
      Function<V, String> keyOf) {
    return output
        .selectKey(
            (key, value) -> value == null ? key : idOf.apply(value), Named.as(name + "-key-by-id"))
        .repartition(
            Repartitioned.<String, V>as(name + "-by-id")
                .withKeySerde(Serdes.String())
                .withValueSerde(BranchRouting.asTopic(outputTopic)))
        .process(
            new GateSupplier<V>(store, idField, idOf, Set.of()),
            Named.as(name + "-ownership"),
            store)
        .selectKey(
            (key, value) -> value == null ? key : keyOf.apply(value),
            Named.as(name + "-key-for-output"));
  }

  /**
   * The header that carries a record's branch across the output gate's repartition in {@link
   * #beforeWritingEncoded}; the gate removes it, so the output topic never sees it.
   */
  static final String BRANCH_HEADER = "campaign.ownership.branch";

  /**
   * {@link #beforeWriting} for an output keyed by the id itself, encoding each value once: {@code
   * output} is encoded in the output topic's wire format and subject, keyed by {@code idOf} (node
   * {@code <name>-key-by-id}, the branch in a header), repartitioned as those bytes (internal topic
   * {@code <application id>-<name>-by-id-repartition}, the same bytes {@link #beforeWriting} writes
   * there), gated (node {@code <name>-ownership}) with the store {@code store}, and handed on as
   * the same bytes, for the output topic with {@link #producedEncoded}. Where {@link
   * #beforeWriting} encodes a value, decodes it after the repartition and encodes it again for the
   * output topic, this encodes it once; the output topic receives the same bytes.
   */
  public static <V extends SpecificRecord> KStream<String, byte[]> beforeWritingEncoded(
      KStream<String, V> output,
      Topic<String, V> outputTopic,
      String name,
      String store,
      String idField,
      Function<V, String> idOf) {
    return output
        .process(() -> new Encode<>(outputTopic, idOf), Named.as(name + "-key-by-id"))
        .repartition(
            Repartitioned.<String, byte[]>as(name + "-by-id")
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.ByteArray()))
        .process(() -> new EncodedGate(store, idField), Named.as(name + "-ownership"), store);
  }

  /** How {@code topic} is written with the bytes {@link #beforeWritingEncoded} hands on. */
  public static Produced<String, byte[]> producedEncoded(Topic<String, ?> topic) {
    return Produced.with(topic.keySerde(), Serdes.ByteArray())
        .withName("write-" + topic.id().baseName());
  }

  /** Keys a value by its id and encodes it as its output topic does, its branch in a header. */
  private static final class Encode<V extends SpecificRecord>
      implements Processor<String, V, String, byte[]> {

    private final Serializer<V> serializer;
    private final Function<V, String> idOf;
    private ProcessorContext<String, byte[]> context;

    Encode(Topic<String, V> outputTopic, Function<V, String> idOf) {
      this.serializer = BranchRouting.asTopic(outputTopic).serializer();
      this.idOf = idOf;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
      V value = record.value();
      if (value == null) {
        context.forward(record.withValue(null));
        return;
      }
      Headers headers = new RecordHeaders(record.headers().toArray());
      headers.remove(BRANCH_HEADER);
      String branch = RecordFields.text(value, "branchId");
      if (branch != null) {
        headers.add(BRANCH_HEADER, branch.getBytes(StandardCharsets.UTF_8));
      }
      context.forward(
          new Record<>(
              idOf.apply(value), serializer.serialize(null, value), record.timestamp(), headers));
    }
  }

  /** {@link Gate} over encoded values: the id is the key, the branch the header. */
  private static final class EncodedGate implements Processor<String, byte[], String, byte[]> {

    private final String storeName;
    private final String idField;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, String> owners;

    EncodedGate(String storeName, String idField) {
      this.storeName = storeName;
      this.idField = idField;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.owners = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      Header header = record.headers().lastHeader(BRANCH_HEADER);
      String id = record.value() == null ? null : record.key();
      String branch = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
      if (id != null && branch != null) {
        String owner = owners.get(id);
        if (owner == null) {
          owners.put(id, branch);
        } else if (!owner.equals(branch)) {
          throw refusal(idField, id, branch);
        }
      }
      if (header == null) {
        context.forward(record);
        return;
      }
      Headers headers = new RecordHeaders(record.headers().toArray());
      headers.remove(BRANCH_HEADER);
      context.forward(record.withHeaders(headers));
    }
  }

  private record GateSupplier<V extends SpecificRecord>(
      String store, String idField, Function<V, String> idOf, Set<StoreBuilder<?>> stores)
      implements ProcessorSupplier<String, V, String, V> {

    @Override
    public Processor<String, V, String, V> get() {
      return new Gate<>(store, idField, idOf);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return stores;
    }
  }

  /** First branch wins; another branch's record about the id is refused. */
  private static final class Gate<V extends SpecificRecord>
      implements Processor<String, V, String, V> {

    private final String storeName;
    private final String idField;
    private final Function<V, String> idOf;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, String> owners;

    Gate(String storeName, String idField, Function<V, String> idOf) {
      this.storeName = storeName;
      this.idField = idField;
      this.idOf = idOf;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
      this.context = context;
      this.owners = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
      String id = record.value() == null ? null : idOf.apply(record.value());
      String branch = RecordFields.text(record.value(), "branchId");
      if (id != null && branch != null) {
        String owner = owners.get(id);
        if (owner == null) {
          owners.put(id, branch);
        } else if (!owner.equals(branch)) {
          throw refusal(idField, id, branch);
        }
      }
      context.forward(record);
    }
  }
}
