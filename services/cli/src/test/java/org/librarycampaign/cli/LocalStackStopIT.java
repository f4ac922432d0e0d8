package org.librarycampaign.cli;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.librarycampaign.platform.ops.OpsServer;
import picocli.CommandLine;

/**
 * {@code campaign up --http-port}: the links the stack hands out are on its own port, and the stack
 * stops cleanly while its HTTP API and its metrics are being read. Twice a JVM died in RocksDB
 * ({@code WriteBatch.getDataSize}) while {@code campaign up} stopped: a Kafka Streams store gauge
 * ({@code uncommitted-bytes}) read through {@code /metrics} after its store had closed. Here
 * readers go on reading {@code /metrics}, the calendar feed (every dashboard store) and the
 * in-process metrics registry through the whole stop; the JVM must survive it (a crash fails the
 * run), and no reader may see anything but an answer, a 503 or, once the server stopped, a refused
 * connection.
 */
class LocalStackStopIT {

  private static final String STORE_GAUGE = "kafka_stream_state_uncommitted_bytes";

  @TempDir Path dataDir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void linksAreOnTheHttpPortAndTheStackStopsWhileItsApiIsRead() throws Exception {
    Set<String> gaugesBefore = storeGauges();
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
      // the gauges the crashes went through: Micrometer binds a client's new metrics (its stores
      // open after the start) when it next looks, at most a minute after the service started
      await("store gauges in the registry")
          .atMost(ofSeconds(90))
          .pollInterval(ofSeconds(1))
          .until(() -> !storeGauges().isEmpty());

      AtomicBoolean stop = new AtomicBoolean();
      List<String> unexpected = new CopyOnWriteArrayList<>();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger scrapes = new AtomicInteger();
      ExecutorService readers = Executors.newFixedThreadPool(3);
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
      assertThat(storeGauges()).as("gauges of closed stores left").isEqualTo(gaugesBefore);
      System.out.printf(
          "stop while read: %d HTTP answers, %d refused, %d registry scrapes (%d during the"
              + " stop)%n",
          answered.get(), refused.get(), scrapes.get(), scrapesDuringStop);
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

  /** The store gauges in the registry, by name and tags (other tests' clients too). */
  private static Set<String> storeGauges() {
    return OpsServer.prometheus()
        .scrape()
        .lines()
        .filter(line -> line.startsWith(STORE_GAUGE))
        .map(line -> line.substring(0, line.lastIndexOf(' ')))
        .collect(Collectors.toSet());
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
