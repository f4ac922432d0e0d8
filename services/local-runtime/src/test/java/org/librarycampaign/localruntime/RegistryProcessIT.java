package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real schema registry (Apicurio Registry, built by {@code ops/registry}) as a child
 * process and talks to it over the Confluent Schema Registry API.
 */
class RegistryProcessIT {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String SUBJECT = "campaign.it.registry-value";
  private static final String SCHEMA =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"org.librarycampaign.it\","
          + "\"fields\":[{\"name\":\"branchId\",\"type\":\"string\"}]}";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void subjectsAndIdsSurviveARestartOnTheSameStorage(@TempDir Path storage) throws Exception {
    Path jar = RegistryProcess.locateRunnerJar();
    System.setProperty(ClassDataArchive.ENABLED_PROPERTY, "true");
    try {
      subjectsAndIdsSurviveARestart(jar, storage);
    } finally {
      System.clearProperty(ClassDataArchive.ENABLED_PROPERTY);
    }
  }

  private void subjectsAndIdsSurviveARestart(Path jar, Path storage) throws Exception {

    int id;
    try (RegistryProcess registry = RegistryProcess.start(jar, 0, storage)) {
      assertThat(registry.confluentApiUrl())
          .isEqualTo("http://localhost:" + registry.port() + "/apis/ccompat/v7");
      assertThat(registry.pid()).isNotEqualTo(ProcessHandle.current().pid());
      assertThat(get(registry, "/subjects").statusCode()).isEqualTo(200);
      assertThat(json.readTree(get(registry, "/subjects").body())).isEmpty();

      // an unrelated schema first, so that the id under test is not simply the first one
      register(registry, "campaign.it.other-value", "{\"type\":\"string\"}");
      id = register(registry, SUBJECT, SCHEMA);
      assertThat(id).isPositive();
      // it writes its class-data archive as it exits: minutes on a machine at a load of 50
      registry.close(Duration.ofMinutes(5));
    }

    // the data lives on disk, not in the registry JVM: an in-memory registry would start empty
    try (Stream<Path> files = Files.list(storage)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("registry") && name.endsWith(".db"));
    }

    // the first child, stopped gracefully, left the archive of its classes for the next start
    Path archive = ClassDataArchive.forJar(storage, jar).archive();
    assertThat(archive).isRegularFile().isNotEmptyFile();
    assertThat(archive.resolveSibling(archive.getFileName() + ".new")).doesNotExist();

    try (RegistryProcess registry = RegistryProcess.start(jar, 0, storage)) {
      assertThat(registry.isAlive()).isTrue();
      assertThat(ProcessHandle.of(registry.pid()).flatMap(h -> h.info().arguments()))
          .hasValueSatisfying(
              arguments -> assertThat(arguments).contains("-XX:SharedArchiveFile=" + archive));

      HttpResponse<String> subjects = get(registry, "/subjects");
      assertThat(subjects.statusCode()).isEqualTo(200);
      assertThat(json.readTree(subjects.body()))
          .extracting(JsonNode::asText)
          .contains(SUBJECT, "campaign.it.other-value");

      HttpResponse<String> latest = get(registry, "/subjects/" + SUBJECT + "/versions/latest");
      assertThat(latest.statusCode()).isEqualTo(200);
      JsonNode version = json.readTree(latest.body());
      assertThat(version.path("id").asInt()).isEqualTo(id);
      assertThat(version.path("version").asInt()).isEqualTo(1);

      HttpResponse<String> byId = get(registry, "/schemas/ids/" + id);
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(json.readTree(json.readTree(byId.body()).path("schema").asText()))
          .isEqualTo(json.readTree(SCHEMA));

      // registering the same schema again is idempotent and yields the same id
      assertThat(register(registry, SUBJECT, SCHEMA)).isEqualTo(id);
    }
  }

  @Test
  void closeIsIdempotentAndStopsTheChild(@TempDir Path storage) {
    RegistryProcess registry = RegistryProcess.start(RegistryProcess.locateRunnerJar(), 0, storage);
    ProcessHandle child = ProcessHandle.of(registry.pid()).orElseThrow();
    registry.close();
    registry.close();
    assertThat(child.isAlive()).isFalse();
    assertThat(registry.isAlive()).isFalse();
    assertThat(storage.resolve("registry.log")).isNotEmptyFile();
  }

  @Test
  void aMissingJarIsReportedWithTheBuildCommand(@TempDir Path storage) {
    assertThatThrownBy(
            () -> RegistryProcess.start(storage.resolve("no-such-runner.jar"), 0, storage))
        .hasMessageContaining("./mvnw -pl ops/registry install");
  }

  private int register(RegistryProcess registry, String subject, String schema)
      throws IOException, InterruptedException {
    String body = json.writeValueAsString(json.createObjectNode().put("schema", schema));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(registry.confluentApiUrl() + "/subjects/" + subject + "/versions"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("id").asInt();
  }

  private HttpResponse<String> get(RegistryProcess registry, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", CONTENT_TYPE)
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
