package org.librarycampaign.report;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.AvroSerde;
import org.librarycampaign.platform.state.StateCodec;
import org.librarycampaign.platform.streams.GlobalView;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.report.mail.OutboxReportMailer;
import org.librarycampaign.report.mail.ReportMailer;
import org.librarycampaign.report.mail.SmtpReportMailer;
import org.librarycampaign.report.week.ReportLines;
import org.librarycampaign.report.week.ReportLines.ConflictLine;
import org.librarycampaign.report.week.ReportLines.DecisionLine;
import org.librarycampaign.report.week.ReportLines.GapLine;
import org.librarycampaign.report.week.ReportLines.IncidentLine;

/**
 * The weekly report topology:
 *
 * <pre>
 * campaign.post-decisions ─► key := branchId ─► report-decisions-by-branch ─┐
 * campaign.conflicts ──────► key := branchId ─► report-conflicts-by-branch ─┼─► report (stores; Monday mail)
 * campaign.incident-status ► key := branchId ─► report-statuses-by-branch ──┘
 * campaign.branch-settings ─► global store report-branch-settings (zones, report contacts)
 * </pre>
 *
 * Each input is re-keyed by its branch so that one task holds all the lines of its branches; the
 * processor writes nothing to Kafka: its output is the e-mail (or the outbox file).
 */
public final class ReportTopology {

  public static final String DECISIONS_BY_BRANCH = "report-decisions-by-branch";
  public static final String CONFLICTS_BY_BRANCH = "report-conflicts-by-branch";
  public static final String STATUSES_BY_BRANCH = "report-statuses-by-branch";

  static final String PROCESSOR = "report";

  private ReportTopology() {}

  /** The mailer the settings describe: SMTP when a server is configured, else the outbox. */
  static ReportMailer mailer(ReportSettings settings) {
    Supplier<Instant> clock = Instant::now;
    return settings
        .smtp()
        .<ReportMailer>map(smtp -> new SmtpReportMailer(smtp, settings.smtpTimeout(), clock))
        .orElseGet(() -> new OutboxReportMailer(settings.outboxDirectory(), clock));
  }

  public static Topology buildTopology(CampaignConfig config, TopicCatalogue topics) {
    ReportSettings settings = ReportSettings.from(config);
    return buildTopology(topics, settings, mailer(settings));
  }

  /** The topology with another mailer (tests). */
  public static Topology buildTopology(
      TopicCatalogue topics, ReportSettings settings, ReportMailer mailer) {
    Set<StoreBuilder<?>> stores =
        Set.of(
            store(ReportProcessor.DECISIONS, StateCodec.of(DecisionLine.class)),
            store(ReportProcessor.CONFLICTS, StateCodec.of(ConflictLine.class)),
            store(ReportProcessor.GAPS, StateCodec.of(GapLine.class)),
            store(ReportProcessor.INCIDENTS, StateCodec.of(IncidentLine.class)),
            store(ReportProcessor.SENT, StateCodec.of(Instant.class)),
            store(ReportProcessor.BRANCHES, StateCodec.of(Instant.class)));
    ReportMetrics metrics = new ReportMetrics();
    ProcessorSupplier<String, Object, Void, Void> supplier =
        new ProcessorSupplier<>() {
          @Override
          public Processor<String, Object, Void, Void> get() {
            return new ReportProcessor(settings, mailer, metrics);
          }

          @Override
          public Set<StoreBuilder<?>> stores() {
            return stores;
          }
        };
    StreamsBuilder builder = new StreamsBuilder();
    GlobalView.addTo(builder, topics.branchSettings(), ReportProcessor.BRANCH_SETTINGS);
    KStream<String, PostDecision> decisions =
        byBranch(
            builder,
            topics,
            topics.postDecisions(),
            PostDecision.class,
            DECISIONS_BY_BRANCH,
            PostDecision::getBranchId);
    KStream<String, ConflictEvent> conflicts =
        byBranch(
            builder,
            topics,
            topics.conflicts(),
            ConflictEvent.class,
            CONFLICTS_BY_BRANCH,
            ReportLines::branchOf);
    KStream<String, IncidentStatus> statuses =
        byBranch(
            builder,
            topics,
            topics.incidentStatus(),
            IncidentStatus.class,
            STATUSES_BY_BRANCH,
            IncidentStatus::getBranchId);
    untyped(decisions)
        .merge(untyped(conflicts), Named.as("report-inputs"))
        .merge(untyped(statuses), Named.as("report-all-inputs"))
        .process(supplier, Named.as(PROCESSOR));
    return builder.build();
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> KStream<String, V> byBranch(
      StreamsBuilder builder,
      TopicCatalogue topics,
      Topic<String, V> topic,
      Class<V> type,
      String repartition,
      java.util.function.Function<V, String> branchOf) {
    return builder.stream(topic.name(), topic.consumed().withName("read-" + topic.id().baseName()))
        // a tombstone forgets nothing the report needs: skipped
        .filter((key, value) -> value != null, Named.as(repartition + "-present"))
        .selectKey((key, value) -> branchOf.apply(value), Named.as(repartition + "-key"))
        .repartition(
            Repartitioned.<String, V>as(repartition)
                .withKeySerde(Serdes.String())
                // our own internal subject: registered by us whatever the auto-register setting
                .withValueSerde(new AvroSerde<>(topics.registry(), type, true)));
  }

  private static <T> StoreBuilder<?> store(String name, StateCodec<T> codec) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), codec);
  }

  @SuppressWarnings("unchecked")
  private static KStream<String, Object> untyped(KStream<String, ?> stream) {
    return (KStream<String, Object>) stream;
  }
}
