package org.librarycampaign.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * End-to-end latency at a fixed offered rate: events are sent on a schedule (event i at start +
 * i/rate) and each latency is counted from its scheduled time, so that a stall delays the events
 * behind it instead of hiding them (no coordinated omission). Events of the first seconds warm up
 * and are not counted.
 *
 * <ul>
 *   <li>decision: a draft produced to {@code campaign.posts} until its decision is read
 *       (read_committed) from {@code campaign.post-decisions}; governance started through the SPI;
 *   <li>notification: an incident produced to {@code campaign.incidents} until the webhook of each
 *       responder is delivered at a receiver in this JVM; crisis and dispatcher started through the
 *       SPI, the dispatcher's webhook channel on ({@code campaign.dispatcher.webhook.secret} set).
 * </ul>
 */
final class LatencyPhase {

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

  /** Each probe of the rate search offers this much of the one before. */
  static final double STEP_FACTOR = 0.75;

  /** How often a probe samples the lag over its schedule. */
  private static final int LAG_SAMPLES = 30;

  /** How long a probe waits for its last outputs before the next probe starts. */
  private static final Duration PROBE_DRAIN = Duration.ofSeconds(30);

  /** The percentiles of one run, in milliseconds, and what it offered and lost. */
  record Latency(
      String name,
      String guarantee,
      double offeredRate,
      long counted,
      long missing,
      double p50,
      double p99,
      double p999,
      double max,
      long steadyRegistryCalls,
      long steadyRecords) {}

  private final BenchStack stack;
  private final Workload workload;
  private final double seconds;
  private final double warmupSeconds;

  LatencyPhase(BenchStack stack, Workload workload, double seconds, double warmupSeconds) {
    this.stack = stack;
    this.workload = workload;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
  }

  /**
   * What a latency run or a rate search runs on: the services it starts, the events it sends, and
   * when an event is done (its decision read; its last responder's webhook delivered).
   */
  enum Path {
    /** A draft produced until its decision is read; governance. */
    DECISION("decision", "ld", "ls", 1),
    /** An incident produced until every responder's webhook is delivered; crisis, dispatcher. */
    NOTIFICATION("notification", "ln", "ns", ThroughputPhase.RESPONDERS);

    /** The name printed, of the {@link Latency} and of the rate in the results. */
    final String label;

    /** The run name (scenario prefix and event ids) of a latency run and of a rate search. */
    private final String measureRun;

    private final String searchRun;

    /** The outputs one event makes, each a latency counted. */
    private final int outputsPerEvent;

    Path(String label, String measureRun, String searchRun, int outputsPerEvent) {
      this.label = label;
      this.measureRun = measureRun;
      this.searchRun = searchRun;
      this.outputsPerEvent = outputsPerEvent;
    }

    private ParsedEvent event(Workload workload, String run, long index) {
      return switch (this) {
        case DECISION -> workload.draft(run, index);
        case NOTIFICATION -> workload.incident(run, index);
      };
    }

    private String id(ParsedEvent event) {
      return switch (this) {
        case DECISION -> postId(event);
        case NOTIFICATION -> incidentId(event);
      };
    }
  }

  /** Told of each output of the path: the event's id, when it arrived, and if it was its last. */
  private interface Arrivals {
    void arrived(String id, long atNanos, boolean last);
  }

  /** What runs while a path's services are up: given the scenario's config and topics. */
  private interface OnPath<R> {
    R run(CampaignConfig config, TopicCatalogue catalogue) throws Exception;
  }

  /**
   * The latency of {@code path} at {@code rate} under {@code guarantee}; every output counts (each
   * responder's webhook), and an event is done with its last.
   */
  Latency measure(Path path, String guarantee, double rate) throws Exception {
    Map<String, Long> scheduled = new ConcurrentHashMap<>();
    Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    return onPath(
        path,
        path.measureRun,
        path.measureRun + "-" + guarantee,
        guarantee,
        (id, at, last) -> record(histogram, last ? scheduled.remove(id) : scheduled.get(id), at),
        (config, catalogue) -> {
          Callable<Latency> offer =
              () -> offer(path, guarantee, config, catalogue, rate, scheduled, histogram);
          return path == Path.NOTIFICATION
              ? withCrisisHop(guarantee, config, catalogue, scheduled, offer)
              : offer.call();
        });
  }

  /**
   * Runs {@code offer} while reading the first hop alone: crisis's notifications of an incident
   * read (read_committed) from campaign.notifications, as the dispatcher reads them (ids are {@code
   * <incidentId>/...}); prints its percentiles after the offer's.
   */
  private Latency withCrisisHop(
      String guarantee,
      CampaignConfig config,
      TopicCatalogue catalogue,
      Map<String, Long> scheduled,
      Callable<Latency> offer)
      throws Exception {
    Histogram crisisHop = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    Map<String, Integer> published = new ConcurrentHashMap<>();
    Latency latency;
    try (OutputCounter notices =
        new OutputCounter(
            config,
            catalogue.notifications().name(),
            (id, at) -> {
              String incident = id.substring(0, Math.max(0, id.indexOf('/')));
              if (published.merge(incident, 1, Integer::sum) == ThroughputPhase.RESPONDERS) {
                record(crisisHop, scheduled.get(incident), at);
              }
            })) {
      latency = offer.call();
    }
    System.out.printf(
        "  %-12s %-15s of which incident to both notifications committed by crisis:"
            + " %,d counted, p50 %7.1f ms, p99 %7.1f ms%n",
        "",
        guarantee,
        crisisHop.getTotalCount(),
        millis(crisisHop.getValueAtPercentile(50)),
        millis(crisisHop.getValueAtPercentile(99)));
    return latency;
  }

  /**
   * Starts {@code path}'s services on a scenario of their own, waits until one event ({@code
   * <run>-probe}) has gone all the way through, then runs {@code body}; stops them after it.
   */
  private <R> R onPath(
      Path path, String run, String scenario, String guarantee, Arrivals arrivals, OnPath<R> body)
      throws Exception {
    return switch (path) {
      case DECISION -> onGovernance(run, scenario, guarantee, arrivals, body);
      case NOTIFICATION -> onNotificationPath(run, scenario, guarantee, arrivals, body);
    };
  }

  private <R> R onGovernance(
      String run, String scenario, String guarantee, Arrivals arrivals, OnPath<R> body)
      throws Exception {
    CampaignConfig config = scenario(scenario, guarantee, Map.of());
    TopicCatalogue catalogue = stack.createTopics(config);
    Readiness readiness = new Readiness();
    try (OutputCounter decisions =
            new OutputCounter(
                config,
                catalogue.postDecisions().name(),
                (postId, at) -> arrivals.arrived(postId, at, true));
        RunningService governance =
            ServiceRunner.start("governance", config, catalogue, readiness)) {
      ServiceRunner.awaitReady(readiness);
      // RUNNING is not yet deciding: under load the first decision came 30 s and more after it
      // (repartition topics, the first transactions), which the warm-up did not cover; one draft
      // decided first keeps the start-up out of the percentiles
      try (Producing producer = new Producing(config, catalogue)) {
        producer.send(workload.draft(run + "-probe", 0));
        producer.flush();
      }
      decisions.await(decisions::distinctKeys, 1, STARTUP_TIMEOUT);
      return body.run(config, catalogue);
    }
  }

  private <R> R onNotificationPath(
      String run, String scenario, String guarantee, Arrivals arrivals, OnPath<R> body)
      throws Exception {
    Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    try (WebhookReceiver receiver =
        new WebhookReceiver(
            (incident, at) ->
                arrivals.arrived(
                    incident,
                    at,
                    deliveries.merge(incident, 1, Integer::sum) == ThroughputPhase.RESPONDERS))) {
      CampaignConfig config = notificationScenario(scenario, guarantee, receiver);
      TopicCatalogue catalogue = stack.createTopics(config);
      publishPlan(config, catalogue, receiver);
      Readiness readiness = new Readiness();
      try (RunningService crisis = ServiceRunner.start("crisis", config, catalogue, readiness);
          RunningService dispatcher =
              ServiceRunner.start("dispatcher", config, catalogue, readiness)) {
        ServiceRunner.awaitReady(readiness);
        awaitFirstIncident(config, catalogue, receiver, run + "-probe");
        return body.run(config, catalogue);
      }
    }
  }

  /**
   * The highest rate of the notification path (crisis and the dispatcher, to webhooks delivered)
   * under exactly-once: {@code incidents} pre-produced, counted from ready until every webhook
   * arrived (or {@code maxSeconds} passed: then what arrived by then). The dispatcher, not crisis,
   * sets this rate, so the notification latency is offered half of it.
   */
  Measured notificationCapacity(long incidents, double maxSeconds) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver((incident, at) -> {})) {
      CampaignConfig config = notificationScenario("nc", "exactly_once_v2", receiver);
      TopicCatalogue catalogue = stack.createTopics(config);
      publishPlan(config, catalogue, receiver);
      try (Producing producer = new Producing(config, catalogue)) {
        for (long i = 0; i < incidents; i++) {
          producer.send(workload.incident("nc", i));
        }
      }
      long wanted = incidents * ThroughputPhase.RESPONDERS;
      Readiness readiness = new Readiness();
      try (RunningService crisis = ServiceRunner.start("crisis", config, catalogue, readiness);
          RunningService dispatcher =
              ServiceRunner.start("dispatcher", config, catalogue, readiness)) {
        long started = ServiceRunner.awaitReady(readiness);
        long deadline = started + (long) (maxSeconds * 1e9);
        while (receiver.delivered() < wanted && System.nanoTime() < deadline) {
          Thread.sleep(2);
        }
        long finished = System.nanoTime();
        double seconds = (finished - started) / 1e9;
        long done = receiver.delivered() / ThroughputPhase.RESPONDERS;
        Measured measured =
            new Measured("notification_path", done, seconds, done / seconds, done / seconds, 0, 0);
        System.out.printf(
            "  %-18s %-9s %,9d incidents in %6.2f s: %,9.0f incidents/s (%d webhooks each)%n",
            measured.name(),
            "capacity",
            done,
            seconds,
            measured.recordsPerSecond(),
            ThroughputPhase.RESPONDERS);
        return measured;
      }
    }
  }

  /**
   * The highest paced rate {@code path} keeps up with under exactly-once ({@link RateSearch}),
   * stepping down from {@code backlogRate} (governance's median, the notification path's capacity):
   * events sent on a schedule for {@code probeSeconds} per step to one running path, the lag
   * (events sent, not yet done) sampled as they go.
   */
  RateSearch.Result sustainableRate(
      Path path, double backlogRate, double probeSeconds, int maxProbes) throws Exception {
    Map<String, Long> outstanding = new ConcurrentHashMap<>();
    return onPath(
        path,
        path.searchRun,
        path.searchRun,
        "exactly_once_v2",
        (id, at, last) -> {
          if (last) {
            outstanding.remove(id);
          }
        },
        (config, catalogue) -> {
          int[] step = {0};
          return RateSearch.highestSustainable(
              backlogRate,
              STEP_FACTOR,
              maxProbes,
              rate ->
                  paced(
                      path,
                      path.searchRun + step[0]++,
                      config,
                      catalogue,
                      rate,
                      probeSeconds,
                      outstanding));
        });
  }

  /**
   * One probe of the search: events sent on a schedule for {@code seconds}, the lag sampled {@link
   * #LAG_SAMPLES} times at even steps of the schedule, then up to {@link #PROBE_DRAIN} for the rest
   * (so that the next probe starts on an empty path).
   */
  private RateSearch.Step paced(
      Path path,
      String run,
      CampaignConfig config,
      TopicCatalogue catalogue,
      double rate,
      double seconds,
      Map<String, Long> outstanding)
      throws Exception {
    long total = Math.max(LAG_SAMPLES, (long) (rate * seconds));
    long every = total / LAG_SAMPLES;
    long[] lag = new long[LAG_SAMPLES];
    double nanosPerEvent = 1e9 / rate;
    try (Producing producer = new Producing(config, catalogue)) {
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * nanosPerEvent);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (i % every == 0 && i / every < LAG_SAMPLES) {
          lag[(int) (i / every)] = outstanding.size();
        }
        ParsedEvent event = path.event(workload, run, i);
        outstanding.put(path.id(event), due);
        producer.send(event);
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + PROBE_DRAIN.toNanos();
    while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long missing = outstanding.size();
    outstanding.clear();
    RateSearch.Step step = RateSearch.judge(rate, lag, missing);
    System.out.printf("  %-12s paced probe %s%n", path.label, step);
    return step;
  }

  /**
   * One incident's webhooks delivered before a schedule starts, as the decision runs wait for one
   * decision: the first transactions of crisis and the dispatcher (repartition topics, producer
   * ids) stay out of the percentiles and out of the first probe.
   */
  private void awaitFirstIncident(
      CampaignConfig config, TopicCatalogue catalogue, WebhookReceiver receiver, String run)
      throws InterruptedException {
    long before = receiver.delivered();
    try (Producing producer = new Producing(config, catalogue)) {
      producer.send(workload.incident(run, 0));
      producer.flush();
    }
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (receiver.delivered() < before + ThroughputPhase.RESPONDERS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the first incident's webhooks did not arrive within " + STARTUP_TIMEOUT);
      }
      Thread.sleep(5);
    }
  }

  private CampaignConfig notificationScenario(
      String name, String guarantee, WebhookReceiver receiver) {
    return scenario(
        name,
        guarantee,
        Map.of(
            // the webhook channel is on only with a signing secret (services/dispatcher/README.md)
            "campaign.dispatcher.webhook.secret", "bench-only-secret",
            "campaign.public.url", "http://127.0.0.1:9"));
  }

  private void publishPlan(
      CampaignConfig config, TopicCatalogue catalogue, WebhookReceiver receiver) {
    try (Producing producer = new Producing(config, catalogue)) {
      producer.send(workload.responsePlan(ThroughputPhase.RESPONDERS, receiver.url()));
      producer.flush();
    }
  }

  private CampaignConfig scenario(String name, String guarantee, Map<String, String> more) {
    Map<String, String> overrides = new java.util.HashMap<>(more);
    overrides.put("processing.guarantee", guarantee);
    return stack.scenario(name, overrides);
  }

  /**
   * Sends events at the rate for the warm-up and the measured time, then waits for the last ones;
   * what arrives for a warm-up event is not counted.
   */
  private Latency offer(
      Path path,
      String guarantee,
      CampaignConfig config,
      TopicCatalogue catalogue,
      double rate,
      Map<String, Long> scheduled,
      Histogram histogram)
      throws Exception {
    long warmupEvents = (long) (rate * warmupSeconds);
    long total = warmupEvents + (long) (rate * seconds);
    double nanosPerEvent = 1e9 / rate;
    List<String> measuredIds = new ArrayList<>();
    long calls = 0;
    try (Producing producer = new Producing(config, catalogue)) {
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * nanosPerEvent);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (i == warmupEvents) {
          histogram.reset();
          calls = stack.registryRequests();
        }
        ParsedEvent event = path.event(workload, path.measureRun, i);
        String id = path.id(event);
        if (i >= warmupEvents) {
          measuredIds.add(id);
          scheduled.put(id, due);
        }
        producer.send(event);
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (measuredIds.stream().anyMatch(scheduled::containsKey) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long missing = measuredIds.stream().filter(scheduled::containsKey).count();
    long counted = histogram.getTotalCount();
    Latency latency =
        new Latency(
            path.label,
            guarantee,
            rate,
            counted,
            missing,
            millis(histogram.getValueAtPercentile(50)),
            millis(histogram.getValueAtPercentile(99)),
            millis(histogram.getValueAtPercentile(99.9)),
            millis(histogram.getMaxValue()),
            stack.registryRequests() - calls,
            (long) measuredIds.size() * path.outputsPerEvent);
    System.out.printf(
        "  %-12s %-15s %,7.0f/s offered, %,7d counted, %d missing: p50 %7.1f ms, p99 %7.1f ms,"
            + " p99.9 %7.1f ms%n",
        path.label,
        guarantee,
        rate,
        counted,
        missing,
        latency.p50(),
        latency.p99(),
        latency.p999());
    return latency;
  }

  private static void record(Histogram histogram, Long scheduledNanos, long arrivedNanos) {
    if (scheduledNanos != null) {
      histogram.recordValue(Math.max(0, (arrivedNanos - scheduledNanos) / 1000));
    }
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }

  private static String postId(ParsedEvent event) {
    return ((library.campaign.events.PostEvent) event.value()).getEvent()
            instanceof library.campaign.events.PostDrafted drafted
        ? drafted.getPostId().toString()
        : "";
  }

  private static String incidentId(ParsedEvent event) {
    return ((library.campaign.events.IncidentEvent) event.value()).getEvent()
            instanceof library.campaign.events.IncidentReported reported
        ? reported.getIncidentId().toString()
        : "";
  }
}
