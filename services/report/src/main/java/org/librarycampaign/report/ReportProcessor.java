package org.librarycampaign.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.AmplifyGap;
import library.campaign.events.BranchSettings;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.librarycampaign.report.mail.ReportMailer;
import org.librarycampaign.report.week.IsoWeek;
import org.librarycampaign.report.week.ReportLines;
import org.librarycampaign.report.week.ReportLines.ConflictLine;
import org.librarycampaign.report.week.ReportLines.DecisionLine;
import org.librarycampaign.report.week.ReportLines.GapLine;
import org.librarycampaign.report.week.ReportLines.IncidentLine;
import org.librarycampaign.report.week.WeeklyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a line per post, conflict, amplify gap and incident of the branches of its task (records
 * arrive keyed by branch), and on the wall clock sends each branch the report of its last week once
 * that week's Monday {@code send-time} has come in the branch's zone. A report is sent once per
 * branch and week: the week is marked sent in the same transaction as the rest of the task's work,
 * after the mail was handed over (a crash in between sends it again, with the same Message-ID). A
 * branch's first report is for the week of its first record: weeks that ended before the service
 * saw the branch are not reported. Lines older than {@code keep} are dropped after each branch's
 * check.
 */
final class ReportProcessor implements Processor<String, Object, Void, Void> {

  static final String DECISIONS = "report-decisions";
  static final String CONFLICTS = "report-conflicts";
  static final String GAPS = "report-gaps";
  static final String INCIDENTS = "report-incidents";
  static final String SENT = "report-sent";
  static final String BRANCHES = "report-branches";
  static final String BRANCH_SETTINGS = "report-branch-settings";

  /** How often lines older than {@code keep} are looked for. */
  private static final Duration FORGET_EVERY = Duration.ofHours(6);

  private static final Logger LOGGER = LoggerFactory.getLogger(ReportProcessor.class);

  private final ReportSettings settings;
  private BranchDirectory branches;
  private final ReportMailer mailer;
  private final ReportMetrics metrics;

  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, DecisionLine> decisions;
  private KeyValueStore<String, ConflictLine> conflicts;
  private KeyValueStore<String, GapLine> gaps;
  private KeyValueStore<String, IncidentLine> incidents;
  private KeyValueStore<String, Instant> sent;
  private KeyValueStore<String, Instant> branchesSeen;
  private Instant lastForget = Instant.EPOCH;

  ReportProcessor(ReportSettings settings, ReportMailer mailer, ReportMetrics metrics) {
    this.settings = settings;
    this.mailer = mailer;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.decisions = context.getStateStore(DECISIONS);
    this.conflicts = context.getStateStore(CONFLICTS);
    this.gaps = context.getStateStore(GAPS);
    this.incidents = context.getStateStore(INCIDENTS);
    this.sent = context.getStateStore(SENT);
    this.branchesSeen = context.getStateStore(BRANCHES);
    KeyValueStore<String, BranchSettings> published = context.getStateStore(BRANCH_SETTINGS);
    this.branches = new BranchDirectory(settings, published::get);
    context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::check);
  }

  @Override
  public void process(Record<String, Object> record) {
    Object value = record.value();
    if (record.key() != null && branchesSeen.get(record.key()) == null) {
      branchesSeen.put(record.key(), Instant.ofEpochMilli(record.timestamp()));
    }
    if (value instanceof PostDecision d) {
      String key = ReportLines.key(d.getBranchId(), ReportLines.decisionId(d.getPostId()));
      ReportLines.next(decisions.get(key), d).ifPresent(line -> decisions.put(key, line));
    } else if (value instanceof IncidentStatus s) {
      incidents.put(
          ReportLines.key(s.getBranchId(), ReportLines.incidentId(s.getIncidentId())),
          ReportLines.next(s));
    } else if (value instanceof ConflictEvent e && e.getEvent() instanceof ConflictDetected d) {
      String key =
          ReportLines.key(
              d.getBranchId(), ReportLines.conflictId(d.getPostId(), d.getMilestoneId()));
      ReportLines.next(conflicts.get(key), d).ifPresent(line -> conflicts.put(key, line));
    } else if (value instanceof ConflictEvent e && e.getEvent() instanceof ConflictCleared c) {
      String key =
          ReportLines.key(
              c.getBranchId(), ReportLines.conflictId(c.getPostId(), c.getMilestoneId()));
      ReportLines.next(conflicts.get(key), c).ifPresent(line -> conflicts.put(key, line));
    } else if (value instanceof ConflictEvent e && e.getEvent() instanceof AmplifyGap g) {
      gaps.put(
          ReportLines.key(g.getBranchId(), ReportLines.gapId(g.getMilestoneId())),
          ReportLines.next(g));
    }
  }

  /** Sends the reports that are due, then forgets lines older than {@code keep}. */
  void check(long wallClockMillis) {
    Instant now = Instant.ofEpochMilli(wallClockMillis);
    for (String branchId : branchesHere()) {
      ZoneId zone = branches.zone(branchId);
      ZonedDateTime local = now.atZone(zone);
      IsoWeek thisWeek = IsoWeek.of(local.toLocalDate());
      Instant due = thisWeek.monday().atTime(settings.sendTime()).atZone(zone).toInstant();
      if (now.isBefore(due)) {
        continue;
      }
      IsoWeek week = thisWeek.previous();
      String sentKey = ReportLines.key(branchId, week.toString());
      Instant firstSeen = branchesSeen.get(branchId);
      if (sent.get(sentKey) != null || !week.end(zone).isAfter(firstSeen)) {
        continue; // sent already, or a week that ended before the branch's first record
      }
      List<String> contacts = branches.reportContacts(branchId);
      if (contacts.isEmpty()) {
        continue;
      }
      WeeklyReport report = reportOf(branchId, week, zone);
      ReportMailer.Outcome outcome = mailer.send(report, contacts);
      metrics.sent(outcome);
      LOGGER
          .atInfo()
          .addKeyValue("branchId", branchId)
          .addKeyValue("week", week)
          .addKeyValue("outcome", outcome)
          .addKeyValue("contacts", contacts.size())
          .log("Weekly report");
      if (outcome != ReportMailer.Outcome.TRY_AGAIN) {
        sent.put(sentKey, now);
      }
    }
    if (Duration.between(lastForget, now).compareTo(FORGET_EVERY) >= 0) {
      forgetBefore(now.minus(settings.keep()));
      lastForget = now;
    }
  }

  WeeklyReport reportOf(String branchId, IsoWeek week, ZoneId zone) {
    return WeeklyReport.of(
        branchId,
        week,
        zone,
        linesOf(decisions, branchId),
        linesOf(conflicts, branchId),
        linesOf(gaps, branchId),
        linesOf(incidents, branchId));
  }

  /** The branches whose records this task has seen (records arrive keyed by branch). */
  private List<String> branchesHere() {
    List<String> found = new ArrayList<>();
    try (KeyValueIterator<String, Instant> all = branchesSeen.all()) {
      all.forEachRemaining(kv -> found.add(kv.key));
    }
    return found;
  }

  private static <T> List<T> linesOf(KeyValueStore<String, T> store, String branchId) {
    List<T> lines = new ArrayList<>();
    try (KeyValueIterator<String, T> it =
        store.prefixScan(branchId + "|", new StringSerializer())) {
      it.forEachRemaining(kv -> lines.add(kv.value));
    }
    return lines;
  }

  private void forgetBefore(Instant horizon) {
    forget(decisions, DecisionLine::scheduledAt, horizon);
    forget(conflicts, c -> c.clearedAt() == null ? c.scheduledAt() : c.clearedAt(), horizon);
    forget(gaps, GapLine::startsAt, horizon);
    forget(incidents, IncidentLine::reportedAt, horizon);
    forget(sent, at -> at, horizon);
  }

  private static <T> void forget(
      KeyValueStore<String, T> store, Function<T, Instant> time, Instant horizon) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, T> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, T> kv = all.next();
        Instant at = time.apply(kv.value);
        if (at != null && at.isBefore(horizon)) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(store::delete);
  }
}
