package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicAdmin;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.platform.topics.TopicSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the missing topics as ops/topics.yaml (or campaign.topics.file) describes them.",
      "With --check, changes nothing and reports every difference; exit 1 when there is one."
    })
final class TopicsCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Option(names = "--check", description = "Only report differences from the definitions.")
  boolean check;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CampaignConfig config = cluster.config();
    PrintWriter out = spec.commandLine().getOut();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      TopicAdmin topics = new TopicAdmin(admin, catalogue, TopicSpecs.load(config.topicsFile()));
      if (check) {
        List<String> drift = topics.drift();
        drift.forEach(out::println);
        out.println(
            drift.isEmpty() ? "Topics match the definitions." : drift.size() + " difference(s).");
        return drift.isEmpty() ? 0 : 1;
      }
      List<String> created = topics.createMissing();
      created.forEach(name -> out.println("created " + name));
      out.println(created.isEmpty() ? "All topics exist." : created.size() + " topic(s) created.");
      return 0;
    }
  }
}
