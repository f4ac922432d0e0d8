package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.librarycampaign.conflicts.ConflictsService;
import org.librarycampaign.crisis.CrisisService;
import org.librarycampaign.governance.GovernanceService;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * {@code campaign report} reads the decisions, conflicts and incident statuses of the budget week
 * (what the real rules write for {@code examples/budget-week.jsonl}) from a real broker and prints
 * the branch's week in its zone; bad arguments exit 2 naming what is wrong.
 */
class ReportCommandIT {

  @Test
  void printsTheBranchsWeekFromTheTopics() throws Exception {
    SharedStack stack = SharedStack.get();
    CampaignConfig config = stack.configFor("report-command");
    TopicCatalogue topics = SharedStack.createTopics(config);
    writePlannedOutputs(config, topics);
    String[] cluster = {
      "--bootstrap", stack.bootstrapServers(),
      "--registry", stack.registryUrl(),
      "--topic-prefix", config.topicPrefix()
    };

    Result md =
        run(
            "report",
            cluster,
            "--branch",
            "eastside",
            "--week",
            "2026-W49",
            "--zone",
            "America/Chicago");
    Result text =
        run(
            "report",
            cluster,
            "--branch",
            "eastside",
            "--week",
            "2026-W48",
            "--zone",
            "America/Chicago",
            "--format",
            "text");

    assertThat(md.exit()).as(md.err()).isZero();
    assertThat(md.out())
        .startsWith(
            "# Weekly campaign report for eastside, 2026-W49 (Mon 30 Nov 2026 to Sun 6 Dec 2026)")
        .contains("| eastside/FACEBOOK | 4 | 1 | 1 | kept |")
        .contains("- 5 approved\n- 2 held\n- 1 withdrawn\n")
        .contains("- Why not approved: CRISIS_PAUSE ×1, RATIO_LIMIT ×1, WITHDRAWN ×1")
        .contains("- County budget hearing (Thu 3 Dec, 17:00 CST): amplified by a campaign post")
        .contains("- No incidents this week.");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Times in America/Chicago (CT).")
        .contains("Conflicts with community events: 1 found, 1 cleared, 0 still open")
        .contains("acknowledged after 25 min by Sam Okafor; resolved after 2 h.");
  }

  @Test
  void aBadWeekOrFormatExitsTwoNamingIt() {
    String[] cluster = {"--bootstrap", "127.0.0.1:1", "--registry", "http://127.0.0.1:1"};

    Result week = run("report", cluster, "--branch", "eastside", "--week", "2026-49");
    Result format = run("report", cluster, "--branch", "eastside", "--format", "pdf");

    assertThat(week.exit()).isEqualTo(CampaignCommand.EXIT_BAD_INPUT);
    assertThat(week.err()).contains("--week").contains("like 2026-W49");
    assertThat(format.exit()).isEqualTo(CampaignCommand.EXIT_BAD_INPUT);
    assertThat(format.err()).contains("--format must be md, html or text");
  }

  /**
   * The budget week through the real rules, written to the topics as the services write it, and
   * eastside's zone on campaign.branch-settings.
   */
  private static void writePlannedOutputs(CampaignConfig config, TopicCatalogue topics)
      throws Exception {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (TopologyHarness harness =
            TopologyHarness.startingAt(Instant.parse("2026-11-20T08:00:00Z"))
                .services(
                    List.of(new GovernanceService(), new ConflictsService(), new CrisisService()))
                .build();
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(
                props,
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      harness.sendAll(Files.readAllLines(Path.of("../../examples/budget-week.jsonl")));
      for (TopologyHarness.Output out : harness.output()) {
        if (out.value() == null
            || !List.of(
                    CampaignTopic.POST_DECISIONS,
                    CampaignTopic.CONFLICTS,
                    CampaignTopic.INCIDENT_STATUS)
                .contains(out.topic())) {
          continue;
        }
        String name = topics.name(out.topic());
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values =
            (Serializer<SpecificRecord>) topics.get(out.topic()).valueSerde().serializer();
        producer.send(new ProducerRecord<>(name, out.key(), values.serialize(name, out.value())));
      }
      var settings = topics.branchSettings();
      producer.send(
          new ProducerRecord<>(
              settings.name(),
              "eastside",
              settings
                  .valueSerde()
                  .serializer()
                  .serialize(
                      settings.name(),
                      library.campaign.events.BranchSettings.newBuilder()
                          .setBranchId("eastside")
                          .setZone("America/Chicago")
                          .build())));
      producer.flush();
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String command, String[] cluster, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CampaignCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] all = new String[1 + cluster.length + args.length];
    all[0] = command;
    System.arraycopy(cluster, 0, all, 1, cluster.length);
    System.arraycopy(args, 0, all, 1 + cluster.length, args.length);
    return new Result(commandLine.execute(all), out.toString(), err.toString());
  }
}
