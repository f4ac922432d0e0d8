package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.HttpSchemaRegistryClient;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * What {@code campaign up} starts: ready over HTTP, every subject registered, and after a stop and
 * a start on the same data directory the same schema ids.
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
      stack.awaitReady(java.time.Duration.ofSeconds(60));
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + stack.httpPort() + "/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"schema-registry\"").contains("\"kafka\"");
      idsBefore = subjectIds(stack.config().registryUrl());
      assertThat(idsBefore).hasSize(CampaignTopic.values().length);
    }

    try (LocalStack again = LocalStack.start(base, 0, 0, new PrintWriter(new StringWriter()))) {
      again.awaitReady(java.time.Duration.ofSeconds(60));
      assertThat(subjectIds(again.config().registryUrl())).isEqualTo(idsBefore);
    }
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
