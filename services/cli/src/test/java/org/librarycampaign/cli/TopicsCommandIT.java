package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * {@code campaign topics --create FILE} on the shared broker: every topic a service needs, the
 * governance hashtag view included, created once; a second run creates nothing, leaves a drifted
 * topic as it is and says how it differs.
 */
class TopicsCommandIT {

  private static final Path TOPICS_FILE = Path.of("../../ops/topics.yaml");

  @TempDir Path dir;

  @Test
  void createLaysOutEveryTopicOnceAndReportsDriftWithoutTouchingIt() throws Exception {
    SharedStack stack = SharedStack.get();
    String unique = SharedStack.uniqueName("topics-create");
    Path config = dir.resolve("campaign.properties");
    Files.writeString(config, "campaign.application.id.prefix=" + unique + "-\n");
    String[] cluster = {
      "--bootstrap", stack.bootstrapServers(),
      "--registry", stack.registryUrl(),
      "--topic-prefix", unique + ".",
      "--config", config.toString()
    };
    String posts = unique + ".campaign.posts";

    Result first = run(concat("--create", TOPICS_FILE.toString(), cluster));

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("created " + posts)
        .contains("created " + unique + "-governance-hashtag-first-use")
        .contains("created " + unique + ".campaign.rotation-overrides")
        .contains("created " + unique + ".campaign.publications")
        .contains("created " + unique + ".campaign.officials")
        // the 14 topics of the topic file and the two internal ones a service needs up front
        .contains("17 topic(s) created")
        .doesNotContain("left as it is");

    ConfigResource postsResource = new ConfigResource(ConfigResource.Type.TOPIC, posts);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin
          .incrementalAlterConfigs(
              Map.of(
                  postsResource,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
    }

    Result second = run(concat("--create", TOPICS_FILE.toString(), cluster));

    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("All topics exist.")
        .contains("left as it is: " + posts + ": retention.ms=1000, expected -1");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      String retention =
          admin
              .describeConfigs(List.of(postsResource))
              .all()
              .get()
              .get(postsResource)
              .get("retention.ms")
              .value();
      assertThat(retention).isEqualTo("1000");
    }
    assertThat(run(concat("--check", TOPICS_FILE.toString(), cluster)).exit()).isEqualTo(1);
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine campaign = CampaignCommand.commandLine();
    campaign.setOut(new PrintWriter(out, true));
    campaign.setErr(new PrintWriter(err, true));
    int exit = campaign.execute(concat("topics", args));
    return new Result(exit, out.toString(), err.toString());
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static String[] concat(String first, String second, String... rest) {
    return concat(first, concat(second, rest));
  }
}
