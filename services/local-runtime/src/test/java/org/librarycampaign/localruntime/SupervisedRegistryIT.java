package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.localruntime.SupervisedRegistry.Status;

/** The registry child of {@code campaign up} comes back after it died, with the same schema ids. */
class SupervisedRegistryIT {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String SUBJECT = "campaign.it.supervised-value";
  private static final String SCHEMA =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"org.librarycampaign.it\","
          + "\"fields\":[{\"name\":\"branchId\",\"type\":\"string\"}]}";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void aKilledRegistryIsStartedAgainOnTheSamePortWithTheSameIds(@TempDir Path storage)
      throws Exception {
    // Given a supervised registry holding a schema
    try (SupervisedRegistry registry =
        SupervisedRegistry.start(RegistryProcess.locateRunnerJar(), 0, storage)) {
      register(registry, "campaign.it.other-value", "{\"type\":\"string\"}");
      int id = register(registry, SUBJECT, SCHEMA);
      long firstPid = registry.pid();
      int port = registry.port();

      // When its child dies
      ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
      await().atMost(Duration.ofSeconds(10)).until(() -> registry.status() == Status.RESTARTING);

      // Then another child answers on the same port, with the same id for the schema
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> registry.status() == Status.RUNNING);
      assertThat(registry.pid()).isNotEqualTo(firstPid);
      assertThat(registry.port()).isEqualTo(port);
      assertThat(registry.restarts()).isEqualTo(1);
      assertThat(latestId(registry)).isEqualTo(id);
    }
  }

  private int register(SupervisedRegistry registry, String subject, String schema)
      throws Exception {
    String body = json.writeValueAsString(java.util.Map.of("schema", schema));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(registry.confluentApiUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).get("id").asInt();
  }

  private int latestId(SupervisedRegistry registry) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        registry.confluentApiUrl() + "/subjects/" + SUBJECT + "/versions/latest"))
                .header("Accept", CONTENT_TYPE)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body()).get("id").asInt();
  }
}
