package org.librarycampaign.dashboard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import org.apache.avro.specific.SpecificRecord;
import org.librarycampaign.dashboard.DashboardMetrics;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.login.DevelopmentViewers;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link DemoScript} campaign through the ingest API ({@code POST /v1/events}, one JSON
 * array per step, with the admin token) on a background thread, at a watchable pace, until the
 * script ends or it is closed. What {@code campaign up --demo} runs.
 *
 * <p>A step that cannot be sent because the API is not up yet (connection refused, 404, 5xx) is
 * tried again every second for up to {@link #MAX_TRIES} seconds; a step the API refuses (400, 401,
 * 403, 413) is logged with the API's answer and skipped. The token is never logged.
 */
public final class DemoCampaign implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(DemoCampaign.class);

  static final String EVENTS_PATH = "/v1/events";
  static final int MAX_TRIES = 30;
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  // The ingest service's tokens file (services/ingest TokensFile, DevelopmentTokens): a properties
  // file under the data directory with the admin token under "admin"; a value may list several
  // tokens, comma-separated, and may be a sha256: hash instead of a token.
  static final String TOKENS_FILE_KEY = "campaign.ingest.tokens-file";
  static final String DEV_TOKENS_FILE = "ingest-tokens.properties";
  static final String ADMIN_KEY = "admin";
  static final String HASH_PREFIX = "sha256:";

  // The dispatcher's local outbox (services/dispatcher Outbox): one JSON file per notification of
  // a channel without configuration, under <data dir>/outbox/<CHANNEL>/, with the notification's
  // fields (incidentId, kind, recipient.responderId, ackUrl).
  static final String OUTBOX_DIR = "outbox";
  private static final ObjectMapper OUTBOX_JSON = new ObjectMapper();

  /**
   * How the demo runs.
   *
   * @param clock where "now" comes from: the start (read once, when the demo is made), its week and
   *     the event times
   * @param zone the zone of the demo's week and of its channels
   * @param pace 1 for the real pace (about 100 s); 0.1 ten times faster
   */
  public record Options(Clock clock, ZoneId zone, double pace) {
    public Options {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(zone, "zone");
      if (!(pace > 0)) {
        throw new IllegalArgumentException("pace must be positive");
      }
    }

    /** Now, this machine's zone, the real pace. */
    public static Options defaults() {
      return new Options(Clock.systemUTC(), ZoneId.systemDefault(), 1.0);
    }
  }

  private final URI base;
  private final URI events;
  private final String token;
  private final Options options;
  private final Instant start;
  private final Path outbox;
  private final DashboardLogin login;
  private final HttpClient http;
  private final EventJson json = new EventJson();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Thread thread;

  /**
   * A dashboard login of a reviewer, with which the demo presses a held post's Approve button (a
   * step with {@code approveOnDashboard}).
   */
  public record DashboardLogin(String user, String password) {
    @Override
    public String toString() {
      return "DashboardLogin[" + user + "]";
    }
  }

  private DemoCampaign(
      URI baseUrl, String token, Options options, Path outbox, DashboardLogin login) {
    this.base = baseUrl;
    this.login = login;
    this.events = baseUrl.resolve(EVENTS_PATH);
    this.token = token;
    this.options = options;
    this.start = options.clock().instant();
    this.outbox = outbox;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.thread = new Thread(this::run, "campaign-demo");
    this.thread.setDaemon(true);
  }

  /**
   * Starts the demo at the real pace, its week being the next one in this machine's zone.
   *
   * @param baseUrl the HTTP server, e.g. {@code http://localhost:8080}
   * @param adminToken the ingest API's admin token
   */
  public static DemoCampaign start(URI baseUrl, String adminToken) {
    return start(baseUrl, adminToken, Options.defaults());
  }

  public static DemoCampaign start(URI baseUrl, String adminToken, Options options) {
    return start(baseUrl, adminToken, options, null);
  }

  /**
   * @param outbox the dispatcher's outbox directory, where the demo finds the acknowledge link it
   *     taps (a step with {@code tapAckLinkOf}); null to acknowledge through the API instead
   */
  public static DemoCampaign start(URI baseUrl, String adminToken, Options options, Path outbox) {
    return start(baseUrl, adminToken, options, outbox, null);
  }

  /**
   * @param login a reviewer's dashboard login, with which a step with {@code approveOnDashboard}
   *     approves a held post on the dashboard; null to skip such steps
   */
  public static DemoCampaign start(
      URI baseUrl, String adminToken, Options options, Path outbox, DashboardLogin login) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException("the demo needs the ingest API's admin token");
    }
    DemoCampaign demo = new DemoCampaign(baseUrl, adminToken.trim(), options, outbox, login);
    demo.thread.start();
    return demo;
  }

  /**
   * Starts the demo against {@code campaign up}'s own server on {@code http://localhost:<port>},
   * with the admin token from the ingest tokens file ({@code campaign.ingest.tokens-file}, else the
   * development tokens in {@code <data dir>/ingest-tokens.properties}).
   *
   * @throws IllegalStateException when no usable admin token is there
   */
  public static DemoCampaign startLocal(CampaignConfig config, int httpPort) {
    Path file = tokensFile(config);
    String token =
        adminToken(file)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the demo needs the ingest API's admin token, and "
                            + file
                            + " has none in clear (only a sha256: hash, or no 'admin' line)"));
    return start(
        URI.create("http://localhost:" + httpPort),
        token,
        Options.defaults(),
        config.dataDir().resolve(OUTBOX_DIR),
        developmentReviewer(config).orElse(null));
  }

  /**
   * The development reviewer ({@link DevelopmentViewers#REVIEWER}) and its password, from the
   * development viewers file; empty when a viewers file is configured (its passwords are hashes).
   */
  static Optional<DashboardLogin> developmentReviewer(CampaignConfig config) {
    if (config.get(DashboardSettings.VIEWERS_FILE).isPresent()) {
      return Optional.empty();
    }
    Path file = config.dataDir().resolve(DashboardSettings.DEV_VIEWERS_FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(properties.getProperty(DevelopmentViewers.REVIEWER))
        .map(String::trim)
        .filter(p -> !p.startsWith(Viewers.HASH_PREFIX))
        .map(password -> new DashboardLogin(DevelopmentViewers.REVIEWER, password));
  }

  /** The tokens file the ingest service uses with this config. */
  public static Path tokensFile(CampaignConfig config) {
    return config
        .get(TOKENS_FILE_KEY)
        .map(Path::of)
        .orElseGet(() -> config.dataDir().resolve(DEV_TOKENS_FILE));
  }

  /** The first admin token written in clear in a tokens file; empty when there is none. */
  public static Optional<String> adminToken(Path tokensFile) {
    if (!Files.isRegularFile(tokensFile)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(tokensFile)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ingest tokens file " + tokensFile, e);
    }
    String value = properties.getProperty(ADMIN_KEY);
    if (value == null) {
      return Optional.empty();
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(
            t -> !t.isEmpty() && !t.regionMatches(true, 0, HASH_PREFIX, 0, HASH_PREFIX.length()))
        .findFirst();
  }

  /** Waits for the script to end (or the demo to be closed). */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Events the API accepted so far. */
  public int sent() {
    return sent.get();
  }

  /** Events the API refused, or that could not be sent. */
  public int failed() {
    return failed.get();
  }

  /**
   * The Monday of the story's week (the week after the start, {@link DemoScript#weekOf}): the
   * dashboard's calendar shows it at {@code /?week=<that date>}.
   */
  public LocalDate week() {
    return DemoScript.weekOf(start, options.zone());
  }

  private void run() {
    List<DemoScript.Step> steps = DemoScript.steps(start, options.zone());
    LOGGER
        .atInfo()
        .addKeyValue("url", events)
        .addKeyValue("steps", steps.size())
        .addKeyValue("zone", options.zone())
        .log("Demo campaign started");
    long started = System.nanoTime();
    try {
      for (DemoScript.Step step : steps) {
        long due = started + (long) (step.offset().toNanos() * options.pace());
        if (pause(Duration.ofNanos(Math.max(0, due - System.nanoTime())))) {
          return;
        }
        if (!send(step)) {
          return;
        }
      }
      LOGGER
          .atInfo()
          .addKeyValue("sent", sent.get())
          .addKeyValue("failed", failed.get())
          .log("Demo campaign finished");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  /** Sends one step; false when the demo was stopped meanwhile. */
  private boolean send(DemoScript.Step step) throws InterruptedException {
    if (step.approveOnDashboard() != null) {
      approveOnDashboard(step);
    }
    List<SpecificRecord> toSend = step.events();
    if (toSend.isEmpty()) {
      return true;
    }
    if (step.tapAckLinkOf() != null && outbox != null) {
      Optional<String> incidentId =
          toSend.stream()
              .filter(
                  e -> e instanceof IncidentEvent i && i.getEvent() instanceof IncidentAcknowledged)
              .map(e -> ((IncidentAcknowledged) ((IncidentEvent) e).getEvent()).getIncidentId())
              .findFirst();
      if (incidentId.isPresent() && tapAckLink(step, incidentId.get())) {
        toSend =
            toSend.stream()
                .filter(
                    e ->
                        !(e instanceof IncidentEvent i
                            && i.getEvent() instanceof IncidentAcknowledged))
                .toList();
        if (toSend.isEmpty()) {
          return true;
        }
      }
    }
    String body = toSend.stream().map(json::write).collect(Collectors.joining(",", "[", "]"));
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    int count = toSend.size();
    for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
      String problem;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          sent.addAndGet(count);
          count(count, "sent");
          LOGGER
              .atInfo()
              .addKeyValue("step", step.description())
              .addKeyValue("events", count)
              .log("Demo step sent");
          return true;
        }
        if (!retryable(status)) {
          failed.addAndGet(count);
          count(count, "refused");
          LOGGER
              .atError()
              .addKeyValue("step", step.description())
              .addKeyValue("status", status)
              .addKeyValue("answer", response.body())
              .log("The ingest API refused a demo step; going on with the next");
          return true;
        }
        problem = "HTTP " + status;
      } catch (IOException e) {
        problem = e.getClass().getSimpleName();
      }
      LOGGER
          .atDebug()
          .addKeyValue("step", step.description())
          .addKeyValue("attempt", attempt)
          .addKeyValue("problem", problem)
          .log("The ingest API is not ready for the demo; trying again");
      if (pause(RETRY_DELAY)) {
        return false;
      }
    }
    failed.addAndGet(count);
    count(count, "unsent");
    LOGGER
        .atError()
        .addKeyValue("step", step.description())
        .addKeyValue("url", events)
        .log("The ingest API did not answer the demo; going on with the next step");
    return true;
  }

  /**
   * Acknowledges as a responder would: finds the acknowledge link of the responder's alert in the
   * outbox (waiting for it up to {@link #MAX_TRIES} seconds), prints it, opens its page and presses
   * its button. False when there is no link or the tap did not work: the step then acknowledges
   * through the API.
   */
  private boolean tapAckLink(DemoScript.Step step, String incidentId) throws InterruptedException {
    Optional<String> link = Optional.empty();
    for (int attempt = 1; attempt <= MAX_TRIES && link.isEmpty(); attempt++) {
      link = ackLinkInOutbox(outbox, incidentId, step.tapAckLinkOf());
      if (link.isEmpty() && pause(RETRY_DELAY)) {
        return false;
      }
    }
    if (link.isEmpty()) {
      LOGGER
          .atWarn()
          .addKeyValue("incidentId", incidentId)
          .addKeyValue("responderId", step.tapAckLinkOf())
          .addKeyValue("outbox", outbox)
          .log("No acknowledge link in the outbox (is e-mail configured?); acknowledging by API");
      return false;
    }
    LOGGER
        .atInfo()
        .addKeyValue("step", step.description())
        .addKeyValue("link", link.get())
        .log("Demo taps the acknowledge link of the alert, as the responder would");
    try {
      URI uri = URI.create(link.get());
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> tapped =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(REQUEST_TIMEOUT)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() == 200 && tapped.statusCode() == 200) {
        sent.incrementAndGet();
        count(1, "sent");
        return true;
      }
      LOGGER
          .atWarn()
          .addKeyValue("page", page.statusCode())
          .addKeyValue("tap", tapped.statusCode())
          .log("The acknowledge link did not work; acknowledging by API");
    } catch (IOException | IllegalArgumentException e) {
      LOGGER
          .atWarn()
          .addKeyValue("problem", e.toString())
          .log("The acknowledge link could not be opened; acknowledging by API");
    }
    return false;
  }

  /**
   * Approves a held post as a reviewer would on the dashboard: logs in, reads the session's CSRF
   * token ({@code GET /api/me}), waits (up to {@link #MAX_TRIES} seconds) for the post in the held
   * queue ({@code GET /api/held}), and sends its Approve button's form ({@code POST /api/reviews}).
   * Without a reviewer login, or when it does not work, the step is logged and skipped.
   */
  private void approveOnDashboard(DemoScript.Step step) throws InterruptedException {
    DemoScript.DashboardApproval approval = step.approveOnDashboard();
    if (login == null) {
      LOGGER
          .atWarn()
          .addKeyValue("postId", approval.postId())
          .log(
              "No development reviewer to log in to the dashboard with; the demo approves nothing");
      return;
    }
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
      HttpResponse<String> loggedIn =
          browser.send(
              form(
                  base.resolve("/login"),
                  Map.of("username", login.user(), "password", login.password())),
              HttpResponse.BodyHandlers.ofString());
      if (loggedIn.statusCode() != 303
          || !loggedIn.headers().firstValue("Location").orElse("").equals("/")) {
        LOGGER
            .atWarn()
            .addKeyValue("status", loggedIn.statusCode())
            .log("The demo could not log in to the dashboard; it approves nothing");
        return;
      }
      String csrf =
          OUTBOX_JSON
              .readTree(get(browser, base.resolve("/api/me")).body())
              .path("csrfToken")
              .asText();
      Optional<Integer> revision = Optional.empty();
      for (int attempt = 1; attempt <= MAX_TRIES && revision.isEmpty(); attempt++) {
        HttpResponse<String> held = get(browser, base.resolve("/api/held"));
        if (held.statusCode() == 200) {
          for (JsonNode post : OUTBOX_JSON.readTree(held.body())) {
            if (post.path("postId").asText().equals(approval.postId())) {
              revision = Optional.of(post.path("revision").asInt());
            }
          }
        }
        if (revision.isEmpty() && pause(RETRY_DELAY)) {
          return;
        }
      }
      if (revision.isEmpty()) {
        LOGGER
            .atWarn()
            .addKeyValue("postId", approval.postId())
            .log("The post the demo approves is not held; it approves nothing");
        return;
      }
      HttpResponse<String> reviewed =
          browser.send(
              form(
                  base.resolve("/api/reviews"),
                  Map.of(
                      "csrf", csrf,
                      "postId", approval.postId(),
                      "revision", Integer.toString(revision.get()),
                      "action", "APPROVE",
                      "reason", approval.reason())),
              HttpResponse.BodyHandlers.ofString());
      if (reviewed.statusCode() == 202) {
        count(1, "reviewed");
        LOGGER
            .atInfo()
            .addKeyValue("step", step.description())
            .addKeyValue("postId", approval.postId())
            .addKeyValue("reviewer", login.user())
            .log("Demo approves a held post on the dashboard, as a reviewer would");
      } else {
        LOGGER
            .atWarn()
            .addKeyValue("status", reviewed.statusCode())
            .addKeyValue("answer", reviewed.body())
            .log("The dashboard refused the demo's approval");
      }
    } catch (IOException | RuntimeException e) {
      LOGGER
          .atWarn()
          .addKeyValue("problem", e.toString())
          .log("The demo could not approve on the dashboard");
    }
  }

  private static HttpResponse<String> get(HttpClient client, URI uri)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest form(URI uri, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** The ackUrl of an alert of the incident to the responder in the outbox, the latest tier. */
  static Optional<String> ackLinkInOutbox(Path outbox, String incidentId, String responderId) {
    if (!Files.isDirectory(outbox)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(outbox, 2)) {
      List<Path> entries = files.filter(f -> f.toString().endsWith(".json")).toList();
      Optional<String> best = Optional.empty();
      int bestTier = -1;
      for (Path file : entries) {
        JsonNode entry;
        try {
          entry = OUTBOX_JSON.readTree(file.toFile());
        } catch (IOException e) {
          continue; // being written; the next look finds it whole
        }
        String ackUrl = entry.path("ackUrl").asText("");
        if (entry.path("incidentId").asText().equals(incidentId)
            && entry.path("kind").asText().equals("ALERT")
            && entry.path("recipient").path("responderId").asText().equals(responderId)
            && !ackUrl.isEmpty()
            && entry.path("tier").asInt() > bestTier) {
          best = Optional.of(ackUrl);
          bestTier = entry.path("tier").asInt();
        }
      }
      return best;
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean retryable(int status) {
    return status == 404 || status == 408 || status == 429 || status >= 500;
  }

  private static void count(int events, String outcome) {
    Metrics.counter(DashboardMetrics.DEMO_EVENTS, DashboardMetrics.TAG_OUTCOME, outcome)
        .increment(events);
  }

  /** Waits; true when the demo was closed meanwhile. */
  private boolean pause(Duration duration) throws InterruptedException {
    return stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops feeding (what was sent stays sent) and waits for the thread to end. */
  @Override
  public void close() {
    stop.countDown();
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
