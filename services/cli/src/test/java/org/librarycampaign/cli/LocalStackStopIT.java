package org.librarycampaign.cli;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.login.DevelopmentViewers;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.NativeStoreGauges;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import picocli.CommandLine;

/**
 * {@code campaign up --http-port}: the links the stack hands out are on its own port, and the stack
 * stops cleanly while its HTTP API and its metrics are being read. Twice a JVM died in RocksDB
 * ({@code WriteBatch.getDataSize}) while {@code campaign up} stopped: a Kafka Streams store gauge
 * ({@code uncommitted-bytes}) read through {@code /metrics} after its store had closed. Here
 * readers go on reading {@code /metrics}, the calendar feed (every dashboard store) and the
 * in-process metrics registry through the whole stop; the JVM must survive it (a crash fails the
 * run), and no reader may see anything but an answer, a 503 or, once the server stopped, a refused
 * connection. Since then {@code /metrics} leaves those gauges out ({@link NativeStoreGauges}); the
 * stop order is checked directly: a reader watches the clients' states through the whole stop, and
 * no client that has begun to close may still have a meter in the registry.
 */
class LocalStackStopIT {

  /**
   * Store meters that stay in {@code /metrics}: found by Micrometer's refresh, once a minute, after
   * the clients' stores open.
   */
  private static final String STORE_METERS = "kafka_stream_state_";

  private static final Set<String> CLOSING = Set.of("PENDING_SHUTDOWN", "NOT_RUNNING");

  @TempDir Path dataDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void linksAreOnTheHttpPortAndTheStackStopsWhileItsApiIsRead() throws Exception {
    Set<String> storeMetersBefore = storeMeters();
    int port = freePort();
    CampaignConfig config = up("--data-dir", dataDir.toString(), "--http-port", "" + port);
    LocalStack stack = LocalStack.start(config, 0, 0, new PrintWriter(new StringWriter()));
    boolean stopped = false;
    try {
      stack.awaitReady(ofSeconds(90));

      // the calendar link the dashboard hands out is on --http-port, and it is served there
      String session = logIn(port, DashboardSettings.from(stack.config()).viewersFile());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/calendar-link?branch=eastside"))
                  .header("Cookie", session)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      String link = new ObjectMapper().readTree(answer.body()).path("link").asText();
      assertThat(link).startsWith("http://localhost:" + port + "/calendar/");
      String feed = URI.create(link).getPath();
      await()
          .atMost(ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(port, feed))
                      .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200))
                      .satisfies(r -> assertThat(r.body()).startsWith("BEGIN:VCALENDAR")));
      // a client's store meters appear at the binder's first refresh after its stores open (a
      // minute after the start at most); the gauges the crashes went through never do
      await("store meters in the registry")
          .atMost(ofSeconds(90))
          .pollInterval(ofSeconds(1))
          .until(() -> !storeMeters().isEmpty());
      assertThat(OpsServer.prometheus().scrape().lines())
          .as("native store gauges in /metrics")
          .noneMatch(LocalStackStopIT::isNativeStoreGauge);

      AtomicBoolean stop = new AtomicBoolean();
      List<String> unexpected = new CopyOnWriteArrayList<>();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger scrapes = new AtomicInteger();
      ExecutorService readers = Executors.newFixedThreadPool(4);
      for (String path : List.of("/metrics", feed)) {
        readers.submit(
            () -> {
              while (!stop.get()) {
                try {
                  HttpResponse<String> r = get(port, path);
                  answered.incrementAndGet();
                  if (r.statusCode() != 200 && r.statusCode() != 503) {
                    unexpected.add(path + " answered " + r.statusCode() + ": " + r.body());
                  }
                } catch (IOException e) {
                  refused.incrementAndGet(); // the server has stopped
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
      }
      // what any reader of the registry does (a scrape, a JMX or push exporter): every gauge
      readers.submit(
          () -> {
            while (!stop.get()) {
              try {
                OpsServer.prometheus().scrape();
                scrapes.incrementAndGet();
              } catch (RuntimeException e) {
                unexpected.add("scrape failed: " + e);
              }
            }
          });
      // the stop order: a client's meters are out of the registry before the client closes
      Readiness parts = stack.readiness();
      AtomicInteger orderChecks = new AtomicInteger();
      readers.submit(
          () -> {
            while (!stop.get()) {
              parts
                  .states()
                  .forEach(
                      (part, state) -> {
                        if (CLOSING.contains(state.name())) {
                          List<String> left = streamsMeters(stack.config().applicationId(part));
                          if (!left.isEmpty()) {
                            unexpected.add(part + " is " + state.name() + " with meters " + left);
                          }
                        }
                      });
              orderChecks.incrementAndGet();
            }
          });
      await().atMost(ofSeconds(30)).until(() -> answered.get() >= 10 && scrapes.get() >= 3);

      int scrapesBeforeStop = scrapes.get();
      stack.close();
      stopped = true;
      int scrapesDuringStop = scrapes.get() - scrapesBeforeStop;
      stop.set(true);
      readers.shutdown();
      assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(unexpected).isEmpty();
      assertThat(scrapesDuringStop).as("registry scrapes while the stack stopped").isPositive();
      assertThatThrownBy(() -> get(port, "/ready")).isInstanceOf(IOException.class);
      assertThat(orderChecks.get()).as("stop-order checks").isPositive();
      assertThat(storeMeters()).as("meters of closed stores left").isEqualTo(storeMetersBefore);
      System.out.printf(
          "stop while read: %d HTTP answers, %d refused, %d registry scrapes (%d during the"
              + " stop), %d stop-order checks%n",
          answered.get(), refused.get(), scrapes.get(), scrapesDuringStop, orderChecks.get());
    } finally {
      if (!stopped) {
        stack.close();
      }
    }
  }

  /** Logs in as the development viewer {@code campaign up} made; the session cookie. */
  private String logIn(int port, Path viewersFile) throws IOException, InterruptedException {
    Properties viewers = new Properties();
    try (Reader reader = Files.newBufferedReader(viewersFile)) {
      viewers.load(reader);
    }
    String form =
        "username="
            + DevelopmentViewers.USER
            + "&password="
            + URLEncoder.encode(
                viewers.getProperty(DevelopmentViewers.USER).trim(), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** The store meters in the registry, by name and tags (other tests' clients too). */
  private static Set<String> storeMeters() {
    return OpsServer.prometheus()
        .scrape()
        .lines()
        .filter(line -> line.startsWith(STORE_METERS))
        .map(line -> line.substring(0, line.lastIndexOf(' ')))
        .collect(Collectors.toSet());
  }

  private static boolean isNativeStoreGauge(String line) {
    return NativeStoreGauges.DENIED.stream()
        .anyMatch(name -> line.startsWith(name.replace('.', '_') + "{"));
  }

  /**
   * The Kafka Streams meters of one application's client in the registry: those with a tag ({@code
   * client.id}, {@code thread.id}) that starts with the application id, as the client's own id
   * does.
   */
  private static List<String> streamsMeters(String applicationId) {
    return OpsServer.prometheus().getMeters().stream()
        .map(Meter::getId)
        .filter(id -> id.getName().startsWith("kafka.stream"))
        .filter(
            id -> id.getTags().stream().anyMatch(t -> t.getValue().startsWith(applicationId + "-")))
        .map(id -> id.getName() + id.getTags())
        .toList();
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static CampaignConfig up(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "up";
    System.arraycopy(options, 0, args, 1, options.length);
    CommandLine.ParseResult parsed = CampaignCommand.commandLine().parseArgs(args);
    return ((UpCommand) parsed.subcommand().commandSpec().userObject()).config();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
