package org.librarycampaign.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a real (JDK) HTTP server that misbehaves on purpose. */
class HttpSchemaRegistryClientTest {

  private static final Schema STRING = SchemaBuilder.builder().stringType();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void serverErrorsAreRetriedUntilTheRegistryAnswers() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String base =
        serve(
            (exchange) -> {
              boolean fail = calls.incrementAndGet() <= 2;
              respond(
                  exchange, fail ? 503 : 200, fail ? "{\"message\":\"warming up\"}" : "{\"id\":7}");
            });
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(base, 4, Duration.ofMillis(10), Duration.ofSeconds(2));

    assertThat(client.register("campaign.posts-value", STRING)).isEqualTo(7);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void registeredIdsAreCachedSoSteadyStateMakesNoCalls() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String base =
        serve(
            exchange -> respond(exchange, 200, "{\"id\":" + (40 + calls.incrementAndGet()) + "}"));
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(base);

    int first = client.register("campaign.posts-value", STRING);
    for (int i = 0; i < 100; i++) {
      assertThat(client.register("campaign.posts-value", STRING)).isEqualTo(first);
      assertThat(client.schemaById(first)).isEqualTo(STRING);
    }
    assertThat(client.requestCount()).isEqualTo(1);
  }

  @Test
  void aClientErrorIsFinalAndNamesTheSubjectStatusAndReason() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String base =
        serve(
            exchange -> {
              calls.incrementAndGet();
              respond(exchange, 409, "{\"error_code\":0,\"message\":\"Incompatible schema\"}");
            });
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(base, 4, Duration.ofMillis(10), Duration.ofSeconds(2));

    assertThatThrownBy(() -> client.register("campaign.posts-value", STRING))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue())
        .hasMessageContaining("campaign.posts-value")
        .hasMessageContaining("HTTP 409")
        .hasMessageContaining("Incompatible schema");
    assertThat(calls.get()).as("one registration, one look-up, no retry").isEqualTo(2);
  }

  @Test
  void losingARaceToRegisterTheFirstVersionStillGivesTheId() throws IOException {
    String base =
        serve(
            exchange -> {
              boolean registration = exchange.getRequestURI().getPath().endsWith("/versions");
              respond(
                  exchange,
                  registration ? 409 : 200,
                  registration
                      ? "{\"error_code\":0,\"message\":\"An artifact with ID 'x-value' already exists.\"}"
                      : "{\"subject\":\"x-value\",\"id\":9,\"version\":1}");
            });
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(base);

    assertThat(client.register("x-value", STRING)).isEqualTo(9);
  }

  @Test
  void anUnreachableRegistryFailsAfterBoundedRetriesSayingSo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(
            "http://127.0.0.1:" + closedPort, 3, Duration.ofMillis(10), Duration.ofSeconds(1));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isZero())
        .hasMessageContaining("unreachable")
        .hasMessageContaining("schema id 1");
    assertThat(client.requestCount()).isEqualTo(3);
  }

  private interface Handler {
    void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
  }

  private String serve(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler::handle);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getRequestBody().readAllBytes();
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
