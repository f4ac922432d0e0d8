package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads that never finish: they are cut off after the read timeout, and while they hold the main
 * listener's threads the ops listener still answers.
 */
class SlowClientsTest {

  /** More than the main server's threads (Javalin's default pool has 250). */
  private static final int SLOW_UPLOADS = 300;

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  /** Long enough that the slow uploads still hold the main listener's threads while we ask. */
  private static final Duration SATURATING_READ_TIMEOUT = Duration.ofSeconds(6);

  private static final ScheduledExecutorService LATER =
      Executors.newSingleThreadScheduledExecutor();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Test
  void slowUploadsAreClosedAfterTheReadTimeoutAndTheOpsListenerAnswersMeanwhile() throws Exception {
    try (OpsServer server = startWithAnUploadRoute(SATURATING_READ_TIMEOUT)) {
      int port = server.port();
      int opsPort = server.opsPort().orElseThrow();
      assertThat(get(opsPort, "/live").statusCode()).isEqualTo(200);

      for (int i = 0; i < SLOW_UPLOADS; i++) {
        Socket socket = openUpload(port, 1_000_000);
        socket.getOutputStream().write("[{\"type\":".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
      }
      long askedAt = System.nanoTime();
      HttpResponse<String> ready = get(opsPort, "/ready");
      long readyMillis = (System.nanoTime() - askedAt) / 1_000_000;
      HttpResponse<String> metrics = get(opsPort, "/metrics");

      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(readyMillis).isLessThan(SATURATING_READ_TIMEOUT.toMillis());
      assertThat(metrics.body()).contains("jvm_threads_live_threads");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(sockets).allMatch(SlowClientsTest::closedByServer));
      assertThat(get(port, "/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBodyTrickledSlowerThanTheMinimumRateIsCutOffThoughNeverIdle() throws Exception {
    try (OpsServer server = startWithAnUploadRoute()) {
      Socket socket = openUpload(server.port(), 10_000);
      OutputStream body = socket.getOutputStream();
      long startedAt = System.nanoTime();
      boolean closed = false;
      // one byte every 200 ms: never idle for the 1 s read timeout, but far below 1 KiB/s
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          body.write('x');
          body.flush();
        } catch (IOException e) {
          closed = true;
        }
        closed = closed || closedByServer(socket, Duration.ofMillis(200));
      }
      long cutOffAfterMillis = (System.nanoTime() - startedAt) / 1_000_000;

      assertThat(closed).isTrue();
      assertThat(cutOffAfterMillis).isLessThan(15_000);
    }
  }

  @Test
  void aQuietEventStreamOutlivesTheReadTimeout() throws Exception {
    try (OpsServer server = startWithAnUploadRoute()) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
      sockets.add(socket);
      socket
          .getOutputStream()
          .write(
              "GET /stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String received = readFor(socket, READ_TIMEOUT.multipliedBy(4));

      assertThat(received).startsWith("HTTP/1.1 200").contains("event: late");
    }
  }

  @Test
  void aHandlerSlowerThanTheReadTimeoutStillAnswers() throws Exception {
    try (OpsServer server = startWithAnUploadRoute()) {
      HttpResponse<String> slow = get(server.port(), "/slow");

      assertThat(slow.statusCode()).isEqualTo(200);
      assertThat(slow.body()).isEqualTo("done");
    }
  }

  private static String readFor(Socket socket, Duration duration) throws IOException {
    long until = System.nanoTime() + duration.toNanos();
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < until) {
      socket.setSoTimeout(100);
      try {
        int n = socket.getInputStream().read(buffer);
        if (n < 0) {
          break;
        }
        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      } catch (SocketTimeoutException e) {
        // nothing yet
      }
    }
    return text.toString();
  }

  private OpsServer startWithAnUploadRoute() {
    return startWithAnUploadRoute(READ_TIMEOUT);
  }

  private OpsServer startWithAnUploadRoute(Duration readTimeout) {
    Readiness readiness = new Readiness();
    readiness.register("test", () -> new Readiness.State("RUNNING", true));
    HttpOptions options = new HttpOptions("127.0.0.1", 0, OptionalInt.of(0), readTimeout);
    return OpsServer.start(
        options,
        readiness,
        List.of(
            routes ->
                routes
                    .post(
                        "/upload", ctx -> ctx.result("read " + ctx.bodyAsBytes().length + " bytes"))
                    .get(
                        "/slow",
                        ctx -> {
                          Thread.sleep(readTimeout.multipliedBy(3).toMillis());
                          ctx.result("done");
                        })
                    .sse(
                        "/stream",
                        client -> {
                          client.keepAlive();
                          LATER.schedule(
                              () -> client.sendEvent("late", "after three read timeouts"),
                              readTimeout.multipliedBy(3).toMillis(),
                              TimeUnit.MILLISECONDS);
                        })));
  }

  private Socket openUpload(int port, int contentLength) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    sockets.add(socket);
    String head =
        "POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Whether the server has answered (an error status) and closed the connection. */
  private static boolean closedByServer(Socket socket) {
    return closedByServer(socket, Duration.ofMillis(1));
  }

  private static boolean closedByServer(Socket socket, Duration wait) {
    byte[] buffer = new byte[4096];
    try {
      socket.setSoTimeout((int) wait.toMillis());
      InputStream in = socket.getInputStream();
      while (true) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
