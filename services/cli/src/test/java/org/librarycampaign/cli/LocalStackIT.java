package org.librarycampaign.cli;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.HttpSchemaRegistryClient;
import org.librarycampaign.platform.topics.CampaignTopic;
import picocli.CommandLine;

/**
 * What {@code campaign up} starts: ready over HTTP, every subject registered, a second stack on the
 * same data directory refused in one line, a registry that died started again (not ready
 * meanwhile), and after a stop and a start on the same data directory the same schema ids.
 */
class LocalStackIT {

  @TempDir Path dataDir;

  @Test
  void upIsReadyAndKeepsSchemaIdsAcrossARestart() throws Exception {
    CampaignConfig base =
        CampaignConfig.of(
            Map.of(CampaignConfig.DATA_DIR, dataDir.toString(), CampaignConfig.HTTP_PORT, "0"));

    Map<String, Integer> idsBefore;
    try (LocalStack stack = LocalStack.start(base, 0, 0, new PrintWriter(new StringWriter()))) {
      stack.awaitReady(ofSeconds(60));
      HttpResponse<String> ready = ready(stack);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"schema-registry\"").contains("\"kafka\"");
      idsBefore = subjectIds(stack.config().registryUrl());
      // every topic's subject, and the Avro-typed internal subjects the services register first
      assertThat(idsBefore)
          .hasSize(CampaignTopic.values().length + 8)
          .containsKeys(
              "campaign-conflicts-conflicts-milestones-by-branch-repartition-value",
              "campaign-crisis-crisis-output-by-id-repartition-value",
              "campaign-publisher-publisher-decisions-by-branch-repartition-value",
              "campaign-report-report-decisions-by-branch-repartition-value",
              "campaign-report-report-conflicts-by-branch-repartition-value",
              "campaign-report-report-statuses-by-branch-repartition-value",
              "campaign-dispatcher-dispatcher-pending-changelog-value",
              "campaign-dispatcher-dispatcher-receipts-changelog-value");

      // a second campaign up on the same data directory stops at once, in one line
      StringWriter err = new StringWriter();
      CommandLine second = CampaignCommand.commandLine().setErr(new PrintWriter(err, true));
      second.setOut(new PrintWriter(new StringWriter(), true));
      long secondStarted = System.nanoTime();
      int exitCode =
          second.execute(
              "up", "--data-dir", dataDir.toString(), "--kafka-port", "0", "--registry-port", "0");
      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().lines())
          .containsExactly(
              "campaign: data directory "
                  + dataDir.toAbsolutePath()
                  + " is in use by another campaign up (pid "
                  + ProcessHandle.current().pid()
                  + "): stop it or pass --data-dir");
      assertThat(Duration.ofNanos(System.nanoTime() - secondStarted)).isLessThan(ofSeconds(5));

      // the registry child dies: /ready says so, and the stack starts it again, same ids
      ProcessHandle.of(stack.registry().pid()).orElseThrow().destroyForcibly();
      await()
          .atMost(ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(ready(stack))
                      .satisfies(r -> assertThat(r.statusCode()).isEqualTo(503))
                      .satisfies(r -> assertThat(r.body()).contains("\"schema-registry\"")));
      await().atMost(ofSeconds(120)).until(() -> ready(stack).statusCode() == 200);
      assertThat(stack.registry().restarts()).isEqualTo(1);
      assertThat(subjectIds(stack.config().registryUrl())).isEqualTo(idsBefore);
    }

    try (LocalStack again = LocalStack.start(base, 0, 0, new PrintWriter(new StringWriter()))) {
      again.awaitReady(ofSeconds(60));
      assertThat(subjectIds(again.config().registryUrl())).isEqualTo(idsBefore);
    }
  }

  private static HttpResponse<String> ready(LocalStack stack) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + stack.httpPort() + "/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Integer> subjectIds(String registryUrl) {
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registryUrl);
    Map<String, Integer> ids = new TreeMap<>();
    for (String subject : client.subjects()) {
      ids.put(subject, client.latest(subject).id());
    }
    return ids;
  }
}
