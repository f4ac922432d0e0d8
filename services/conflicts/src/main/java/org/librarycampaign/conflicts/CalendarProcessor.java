package org.librarycampaign.conflicts;

import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.ConflictEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.conflicts.calendar.CalendarChange;
import org.librarycampaign.conflicts.calendar.ConflictCalendar;
import org.librarycampaign.conflicts.calendar.ConflictMessages;
import org.librarycampaign.conflicts.calendar.Outcome;
import org.librarycampaign.conflicts.calendar.ScheduledPost;
import org.librarycampaign.platform.streams.InputTombstones;
import org.librarycampaign.platform.time.LocalZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one kind of input record to the partition's {@link ConflictCalendar} and forwards what
 * changed, stamped with the input record's timestamp (so a replay writes the same records).
 */
abstract class CalendarProcessor<V> implements Processor<String, V, String, ConflictEvent> {

  private static final Logger LOGGER = LoggerFactory.getLogger(CalendarProcessor.class);

  private final String input;
  private final ZoneId serviceZone;
  private final ConflictRecords records = new ConflictRecords();
  private final Map<ZoneId, ConflictMessages> messages = new HashMap<>();
  private final InputTombstones tombstones = InputTombstones.of(ConflictsService.NAME);
  private ProcessorContext<String, ConflictEvent> context;
  private LocalZones zones;
  private ConflictCalendar calendar;
  private ConflictsMetrics metrics;

  /**
   * @param serviceZone {@code campaign.conflicts.zone}: the zone of a channel whose policy and
   *     branch settings name none
   */
  CalendarProcessor(String input, ZoneId serviceZone) {
    this.input = input;
    this.serviceZone = serviceZone;
  }

  @Override
  public void init(ProcessorContext<String, ConflictEvent> context) {
    this.context = context;
    KeyValueStore<String, ChannelPolicy> policies =
        context.getStateStore(ConflictsTopology.POLICIES_STORE);
    KeyValueStore<String, BranchSettings> branches =
        context.getStateStore(ConflictsTopology.BRANCH_SETTINGS_STORE);
    this.zones = new LocalZones(policies::get, branches::get, serviceZone);
    this.calendar = new ConflictCalendar(ConflictStores.open(context), zones);
    this.metrics = new ConflictsMetrics(Metrics.globalRegistry, input);
  }

  /** What the calendar makes of the value; {@code null} for a value it has no use for. */
  abstract Outcome apply(ConflictCalendar calendar, V value);

  @Override
  public void process(Record<String, V> record) {
    try {
      handle(record);
    } finally {
      calendar.endEvent();
    }
  }

  private void handle(Record<String, V> record) {
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
      ConflictRecords.Output output = records.of(change, at, messagesFor(change));
      count(change);
      LOGGER
          .atDebug()
          .addKeyValue("key", output.key())
          .addKeyValue("change", change.getClass().getSimpleName())
          .log("Calendar changed");
      context.forward(new Record<>(output.key(), output.value(), record.timestamp()));
    }
  }

  /**
   * In the zone of who reads it: a conflict's, that of the post's channel; a gap's, the branch's.
   */
  private ConflictMessages messagesFor(CalendarChange change) {
    ZoneId zone;
    if (change instanceof CalendarChange.ConflictStarted started) {
      zone = zoneOfPost(started.post());
    } else if (change instanceof CalendarChange.ConflictEnded ended) {
      zone = zoneOfPost(ended.post());
    } else if (change instanceof CalendarChange.GapOpened opened) {
      zone = zones.zone(opened.branchId());
    } else {
      zone = zones.zone(((CalendarChange.GapClosed) change).branchId());
    }
    return messages.computeIfAbsent(zone, ConflictMessages::new);
  }

  private ZoneId zoneOfPost(ScheduledPost post) {
    return zones.zone(post.branchId(), calendar.platformOf(post.postId()).orElse(null));
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
