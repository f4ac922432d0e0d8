package org.librarycampaign.platform.streams;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.json.RecordRules;

/**
 * The input rules (ids, revision, zones, web addresses, ... : {@link RecordRules}, the same rules
 * ingest applies to JSON) on the values of an input topic, right after its source: a producer that
 * writes to Kafka directly cannot get past them. A value that breaks a rule is refused with {@link
 * RejectedRecord} ({@code INVALID}, the message names each field and its problem), which the
 * platform's processing handler turns into a dead letter holding the record's bytes; the records
 * around it flow on. Tombstones pass unchanged (see {@link InputTombstones}).
 */
public final class InputRules {

  private InputRules() {}

  /** The checked stream (node {@code <name>-input-rules}). */
  public static <V extends SpecificRecord> KStream<String, V> checked(
      KStream<String, V> input, String name) {
    return input.process(Check::new, Named.as(name + "-input-rules"));
  }

  /** Throws {@link RejectedRecord} ({@code INVALID}) when the value breaks a rule. */
  public static void require(SpecificRecord value) {
    List<FieldError> problems = RecordRules.problems(value);
    if (!problems.isEmpty()) {
      throw new RejectedRecord(
          RejectedRecord.INVALID,
          EventType.of(value).jsonName()
              + " "
              + problems.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    }
  }

  private static final class Check<V extends SpecificRecord>
      implements Processor<String, V, String, V> {

    private ProcessorContext<String, V> context;

    @Override
    public void init(ProcessorContext<String, V> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
      if (record.value() != null) {
        require(record.value());
      }
      context.forward(record);
    }
  }
}
