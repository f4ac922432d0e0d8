package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;

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

  @Test
  void listensOnTheBindAddressOnly() throws Exception {
    Optional<InetAddress> otherAddress = nonLoopbackAddress();
    assumeTrue(otherAddress.isPresent(), "this machine has no address besides the loopback one");
    Readiness readiness = new Readiness();
    readiness.register("test", () -> new Readiness.State("RUNNING", true));
    HttpOptions loopbackOnly =
        new HttpOptions("127.0.0.1", 0, OptionalInt.of(0), Duration.ofSeconds(10));

    try (OpsServer server = OpsServer.start(loopbackOnly, readiness, List.of())) {
      HttpResponse<String> onLoopback = get("http://127.0.0.1:" + server.port() + "/ready");

      assertThat(onLoopback.statusCode()).isEqualTo(200);
      for (int port : new int[] {server.port(), server.opsPort().orElseThrow()}) {
        assertThatThrownBy(
                () -> {
                  try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(otherAddress.get(), port), 2_000);
                  }
                })
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void optionsFromTheConfig() {
    HttpOptions defaults = HttpOptions.from(CampaignConfig.of(Map.of()));
    HttpOptions configured =
        HttpOptions.from(
            CampaignConfig.of(
                Map.of(
                    CampaignConfig.HTTP_PORT, "9000",
                    CampaignConfig.HTTP_BIND_ADDRESS, "127.0.0.1",
                    CampaignConfig.HTTP_OPS_PORT, "9500",
                    CampaignConfig.HTTP_READ_TIMEOUT, "2s")));
    HttpOptions withoutOpsListener =
        HttpOptions.from(CampaignConfig.of(Map.of(CampaignConfig.HTTP_OPS_PORT, "none")));

    assertThat(defaults)
        .isEqualTo(new HttpOptions("0.0.0.0", 8080, OptionalInt.of(8090), Duration.ofSeconds(10)));
    assertThat(configured)
        .isEqualTo(new HttpOptions("127.0.0.1", 9000, OptionalInt.of(9500), Duration.ofSeconds(2)));
    assertThat(withoutOpsListener.opsPort()).isEmpty();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
