package org.librarycampaign.conflicts;

import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import library.campaign.events.ConflictEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.librarycampaign.conflicts.calendar.CalendarChange;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.platform.streams.InputTombstones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one kind of input record to the partition's {@link ConflictCalendar} and forwards what
 * changed, stamped with the input record's timestamp (so a replay writes the same records).
 */
abstract class CalendarProcessor<V> implements Processor<String, V, String, ConflictEvent> {

  private static final Logger LOGGER = LoggerFactory.getLogger(CalendarProcessor.class);

  private final String input;
  private final ConflictRecords records;
  private final InputTombstones tombstones = InputTombstones.of(ConflictsService.NAME);
  private ProcessorContext<String, ConflictEvent> context;
  private ConflictCalendar calendar;
  private ConflictsMetrics metrics;

  CalendarProcessor(String input, ConflictMessages messages) {
    this.input = input;
    this.records = new ConflictRecords(messages);
  }

  @Override
  public void init(ProcessorContext<String, ConflictEvent> context) {
    this.context = context;
    this.calendar = new ConflictCalendar(ConflictStores.open(context));
    this.metrics = new ConflictsMetrics(Metrics.globalRegistry, input);
  }

  /** What the calendar makes of the value; {@code null} for a value it has no use for. */
  abstract Outcome apply(ConflictCalendar calendar, V value);

  @Override
  public void process(Record<String, V> record) {
    if (tombstones.skipped(context, record)) {
      return;
    }
    Outcome outcome = apply(calendar, record.value());
    if (outcome == null) {
      return;
    }
    metrics.event(outcome.status());
    if (outcome.status() != Outcome.Status.APPLIED) {
      LOGGER
          .atDebug()
          .addKeyValue("input", input)
          .addKeyValue("key", record.key())
          .addKeyValue("status", outcome.status())
          .log("Input ignored");
      return;
    }
    Instant at = Instant.ofEpochMilli(record.timestamp());
    for (CalendarChange change : outcome.changes()) {
      ConflictRecords.Output output = records.of(change, at);
      count(change);
      LOGGER
          .atDebug()
          .addKeyValue("key", output.key())
          .addKeyValue("change", change.getClass().getSimpleName())
          .log("Calendar changed");
      context.forward(new Record<>(output.key(), output.value(), record.timestamp()));
    }
  }

  private void count(CalendarChange change) {
    if (change instanceof CalendarChange.ConflictStarted) {
      metrics.detected();
    } else if (change instanceof CalendarChange.ConflictEnded) {
      metrics.cleared();
    } else if (change instanceof CalendarChange.GapOpened) {
      metrics.gapOpened();
    } else {
      metrics.gapClosed();
    }
  }
}
