package org.librarycampaign.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API (Confluent, Apicurio's ccompat, Karapace,
 * Redpanda). Ids are cached both ways, so steady-state serialization makes no registry call. When
 * the registry cannot be reached or answers 5xx the call is retried with exponential backoff; a 4xx
 * is final. Outcomes go by the HTTP status, not by {@code error_code}: Apicurio answers an
 * incompatible registration with 409 and {@code error_code} 0.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistry {

  private static final Logger LOGGER = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Retry retry;
  private final Duration requestTimeout;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  private record SubjectSchema(String subject, Schema schema) {}

  public HttpSchemaRegistryClient(String baseUrl) {
    this(baseUrl, 5, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  public HttpSchemaRegistryClient(
      String baseUrl, int maxAttempts, Duration firstBackoff, Duration requestTimeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    this.retry =
        Retry.of(
            "schema-registry",
            RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.2))
                .retryOnException(HttpSchemaRegistryClient::isTransient)
                .build());
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                LOGGER
                    .atWarn()
                    .addKeyValue("registry", this.baseUrl)
                    .addKeyValue("attempt", event.getNumberOfRetryAttempts())
                    .addKeyValue("wait", event.getWaitInterval())
                    .addKeyValue("error", String.valueOf(event.getLastThrowable()))
                    .log("Schema registry call failed, retrying"));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** How many HTTP requests this client has made: steady state adds none. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> {
          int id = registerOrTakeWinner(subject, schema);
          schemasById.putIfAbsent(id, schema);
          LOGGER
              .atDebug()
              .addKeyValue("subject", subject)
              .addKeyValue("id", id)
              .log("Schema registered");
          return id;
        });
  }

  /** How often a registration that lost a race (409) is tried again before the 409 is final. */
  private static final int RACE_ATTEMPTS = 5;

  /**
   * Registers the schema. Two clients registering the first version of a subject at once: Apicurio
   * answers the loser 409 ("already exists"), sometimes before the winner's version can be looked
   * up. If the schema is there, that is success; if not yet, the registration is tried again after
   * a short pause; a 409 that persists (an incompatible schema) is final.
   */
  private int registerOrTakeWinner(String subject, Schema schema) {
    SchemaRegistryException conflict = null;
    for (int attempt = 1; attempt <= RACE_ATTEMPTS; attempt++) {
      try {
        return call(
                "registering a schema under subject " + subject,
                "POST",
                "/subjects/" + encode(subject) + "/versions",
                schemaBody(schema))
            .path("id")
            .asInt();
      } catch (SchemaRegistryException e) {
        if (!e.isIncompatible()) {
          throw e;
        }
        conflict = e;
      }
      try {
        return lookUpId(subject, schema);
      } catch (SchemaRegistryException notThereYet) {
        if (!String.valueOf(conflict.getMessage()).contains("already exists")) {
          throw conflict; // an incompatible schema, not a race
        }
        pause(Duration.ofMillis(100L * attempt));
      }
    }
    throw conflict;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering a schema", e);
    }
  }

  /** The id of a schema registered under the subject; fails (404) when it is not. */
  private int lookUpId(String subject, Schema schema) {
    return call(
            "looking up a schema under subject " + subject,
            "POST",
            "/subjects/" + encode(subject),
            schemaBody(schema))
        .path("id")
        .asInt();
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> {
          int id = lookUpId(subject, schema);
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(
        id,
        key ->
            parse(
                call("fetching schema id " + id, "GET", "/schemas/ids/" + id, null)
                    .path("schema")
                    .asText()));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode answer =
        call(
            "reading the latest version of subject " + subject,
            "GET",
            "/subjects/" + encode(subject) + "/versions/latest",
            null);
    Schema schema = parse(answer.path("schema").asText());
    int id = answer.path("id").asInt();
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(subject, id, answer.path("version").asInt(), schema);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode answer =
          call(
              "checking compatibility for subject " + subject,
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest",
              schemaBody(schema));
      return answer.path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return true;
      }
      throw e;
    }
  }

  @Override
  public String compatibility(String subject) {
    JsonNode answer =
        call(
            "reading the compatibility of subject " + subject,
            "GET",
            "/config/" + encode(subject),
            null);
    JsonNode level =
        answer.has("compatibilityLevel")
            ? answer.get("compatibilityLevel")
            : answer.path("compatibility");
    return level.asText();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    call(
        "setting the compatibility of subject " + subject + " to " + level,
        "PUT",
        "/config/" + encode(subject),
        JSON.createObjectNode().put("compatibility", level));
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    call("listing subjects", "GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  private JsonNode call(String what, String method, String path, JsonNode body) {
    try {
      return Retry.decorateCheckedSupplier(retry, () -> send(what, method, path, body)).get();
    } catch (SchemaRegistryException e) {
      throw e;
    } catch (Throwable e) {
      throw new SchemaRegistryException(
          "Schema registry at " + baseUrl + " unreachable while " + what + ": " + e, 0, e);
    }
  }

  private JsonNode send(String what, String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    requests.incrementAndGet();
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
    String detail = registryMessage(response.body());
    String message =
        "Schema registry refused "
            + what
            + ": HTTP "
            + status
            + (detail.isEmpty() ? "" : " - " + detail);
    if (status >= 500) {
      throw new TransientRegistryError(message, status);
    }
    throw new SchemaRegistryException(message, status);
  }

  private static String registryMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body);
      return error.path("message").asText(body);
    } catch (IOException e) {
      return body == null ? "" : body.strip();
    }
  }

  private static boolean isTransient(Throwable error) {
    return error instanceof IOException || error instanceof TransientRegistryError;
  }

  private static JsonNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString());
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  /** A 5xx: retried, and reported as a SchemaRegistryException when retries run out. */
  private static final class TransientRegistryError extends SchemaRegistryException {
    TransientRegistryError(String message, int status) {
      super(message, status);
    }
  }
}
