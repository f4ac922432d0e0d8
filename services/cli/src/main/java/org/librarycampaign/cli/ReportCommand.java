package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import library.campaign.events.BranchSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.report.BranchDirectory;
import org.librarycampaign.report.ReportSettings;
import org.librarycampaign.report.week.IsoWeek;
import org.librarycampaign.report.week.ReportText;
import org.librarycampaign.report.week.WeekLines;
import org.librarycampaign.report.week.WeeklyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a branch's weekly report from the topics (decisions, conflicts, incident status):",
      "the same report the report service e-mails every Monday at 08:00 branch time."
    })
final class ReportCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Option(names = "--branch", required = true, paramLabel = "ID", description = "The branch.")
  String branchId;

  @Option(
      names = "--week",
      paramLabel = "YYYY-Www",
      description = "ISO week, e.g. 2026-W49 (default: the last whole week in the branch's zone).")
  String week;

  @Option(names = "--format", paramLabel = "FORMAT", description = "md (default), html or text.")
  String format = "md";

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "IANA time zone of the week (default: the branch's settings, else campaign.report.zone,"
              + " else UTC).")
  String zone;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!List.of("md", "html", "text").contains(chosen)) {
      throw new BadInputException("--format must be md, html or text, not '" + format + "'");
    }
    CampaignConfig config = cluster.config();
    ZoneId chosenZone;
    try {
      chosenZone = zone == null ? null : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new BadInputException("--zone is not a time zone: '" + zone + "'");
    }
    IsoWeek chosenWeek;
    try {
      chosenWeek = week == null ? null : IsoWeek.parse(week);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--week: " + e.getMessage());
    }
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    PrintWriter err = spec.commandLine().getErr();
    Map<String, BranchSettings> published = new HashMap<>();
    readAll(
        config,
        catalogue.branchSettings(),
        value -> published.put(((BranchSettings) value).getBranchId(), (BranchSettings) value),
        err);
    ZoneId weekZone =
        chosenZone != null
            ? chosenZone
            : new BranchDirectory(ReportSettings.from(config), published::get).zone(branchId);
    IsoWeek isoWeek =
        chosenWeek != null ? chosenWeek : IsoWeek.of(Instant.now(), weekZone).previous();
    WeekLines lines = new WeekLines();
    for (Topic<String, ? extends SpecificRecord> topic :
        List.of(catalogue.postDecisions(), catalogue.conflicts(), catalogue.incidentStatus())) {
      readAll(config, topic, lines::accept, err);
    }
    WeeklyReport report = lines.report(branchId, isoWeek, weekZone);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (chosen) {
          case "html" -> ReportText.html(report) + "\n";
          case "text" -> ReportText.text(report);
          default -> ReportText.markdown(report);
        });
    out.flush();
    return 0;
  }

  /** Every committed record the topic holds now, in order, to {@code each}. */
  private static void readAll(
      CampaignConfig config,
      Topic<String, ? extends SpecificRecord> topic,
      Consumer<SpecificRecord> each,
      PrintWriter err) {
    Deserializer<? extends SpecificRecord> decoder = topic.valueSerde().deserializer();
    try (KafkaConsumer<String, byte[]> consumer = ExportCommand.consumer(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (!ExportCommand.caughtUp(consumer, ends)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            continue;
          }
          try {
            each.accept(decoder.deserialize(record.topic(), record.value()));
          } catch (SerializationException e) {
            err.printf(
                "skipped %s partition %d offset %d: %s%n",
                record.topic(), record.partition(), record.offset(), e.getMessage());
          }
        }
      }
    }
  }
}
