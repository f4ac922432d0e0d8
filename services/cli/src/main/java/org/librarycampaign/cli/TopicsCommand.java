package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.SchemaSetup;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the missing topics as ops/topics.yaml (or campaign.topics.file) says,",
      "those the services keep their own records in included, and registers the",
      "schemas (each subject BACKWARD). --create FILE lays out a cluster from FILE",
      "(ops/topics-cluster.yaml for three brokers or more). Existing topics are left",
      "as they are; where one differs from the file, it says so. With --check, it",
      "changes nothing and reports every difference; exit 1 when there is one."
    })
final class TopicsCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  static final class Mode {
    @Option(
        names = "--create",
        arity = "0..1",
        paramLabel = "FILE",
        fallbackValue = "",
        description = "Create the missing topics as FILE (default: the configured file) says.")
    String create;

    @Option(
        names = "--check",
        arity = "0..1",
        paramLabel = "FILE",
        fallbackValue = "",
        description = "Only report differences from FILE (default: the configured file).")
    String check;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CampaignConfig config = cluster.config();
    PrintWriter out = spec.commandLine().getOut();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    String file = mode.check != null ? mode.check : mode.create;
    Optional<Path> topicsFile =
        file == null || file.isEmpty() ? config.topicsFile() : Optional.of(Path.of(file));
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin topics = new TopicAdmin(admin, catalogue, TopicSpecs.load(topicsFile));
      if (mode.check != null) {
        List<String> drift = topics.drift();
        drift.forEach(out::println);
        out.println(
            drift.isEmpty() ? "Topics match the definitions." : drift.size() + " difference(s).");
        return drift.isEmpty() ? 0 : 1;
      }
      List<String> created = topics.createMissing();
      created.forEach(name -> out.println("created " + name));
      out.println(created.isEmpty() ? "All topics exist." : created.size() + " topic(s) created.");
      List<String> drift = topics.drift();
      drift.forEach(difference -> out.println("left as it is: " + difference));
      SchemaSetup.registerAll(catalogue).forEach(line -> out.println("schema " + line));
      return 0;
    }
  }
}
