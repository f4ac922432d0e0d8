package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The process's HTTP server over real HTTP: its own routes and the ones a service adds. */
class OpsServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void liveReadyMetricsAndAServicesRoutes() throws Exception {
    AtomicBoolean streamsRunning = new AtomicBoolean(false);
    Readiness readiness = new Readiness();
    readiness.register(
        "streams",
        () ->
            streamsRunning.get()
                ? new Readiness.State("RUNNING", true)
                : new Readiness.State("REBALANCING", false));

    try (OpsServer server =
        OpsServer.start(
            0,
            readiness,
            List.of(routes -> routes.get("/api/example", ctx -> ctx.result("from a service"))))) {
      String base = "http://127.0.0.1:" + server.port();

      HttpResponse<String> live = get(base + "/live");
      HttpResponse<String> notReady = get(base + "/ready");
      streamsRunning.set(true);
      HttpResponse<String> ready = get(base + "/ready");
      HttpResponse<String> metrics = get(base + "/metrics");
      HttpResponse<String> added = get(base + "/api/example");
      HttpResponse<String> unknown = get(base + "/nothing-here");

      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"ready\":false").contains("\"REBALANCING\"");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"ready\":true").contains("\"RUNNING\"");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
      assertThat(added.body()).isEqualTo("from a service");
      assertThat(unknown.statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
