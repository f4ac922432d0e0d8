package org.librarycampaign.calendars;

import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.librarycampaign.calendars.ics.IcsException;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.ops.ServiceMetrics;
import org.librarycampaign.platform.security.KafkaAccess;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured iCalendar feeds ({@link CalendarFeedsSettings}) and writes their events to
 * {@code campaign.milestones} as community events, the way {@code campaign import-ics} does. A feed
 * that cannot be fetched, or that does not parse, is tried again at the next interval and changes
 * nothing: an outage never turns into cancellations. With no feed configured it idles.
 */
public final class CalendarFeedsService implements CampaignService {

  public static final String NAME = "calendar-feeds";

  /** Polls, tagged {@code feed} and {@code outcome} (imported, unavailable, invalid). */
  public static final String POLLS = ServiceMetrics.name(NAME, "polls");

  /** Milestone records written, tagged {@code feed}. */
  public static final String WRITTEN = ServiceMetrics.name(NAME, "milestones.written");

  private static final Logger LOGGER = LoggerFactory.getLogger(CalendarFeedsService.class);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KafkaAccess kafkaAccess(CampaignConfig config, TopicCatalogue topics) {
    // it reads the topic back (assigned partitions, no group) and writes to it
    String milestones = topics.milestones().name();
    return new KafkaAccess(java.util.Set.of(milestones), java.util.Set.of(milestones));
  }

  @Override
  public RunningService start(ServiceContext context) {
    CalendarFeedsSettings settings = CalendarFeedsSettings.from(context.config());
    Poller poller = new Poller(context, settings, Clock.systemUTC());
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "calendar-feeds");
              thread.setDaemon(true);
              return thread;
            });
    context.readiness().register(NAME, () -> new Readiness.State(NAME, true));
    if (!settings.feeds().isEmpty()) {
      scheduler.scheduleWithFixedDelay(
          poller::pollAll, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
    LOGGER
        .atInfo()
        .addKeyValue("feeds", settings.feeds().size())
        .addKeyValue("interval", settings.interval())
        .log("Calendar feeds started");
    return new RunningService() {
      @Override
      public List<String> describe() {
        return settings.feeds().isEmpty()
            ? List.of()
            : List.of(
                String.format(
                    "Calendar feeds   %d polled every %s",
                    settings.feeds().size(), settings.interval()));
      }

      @Override
      public void close() {
        scheduler.shutdownNow();
        try {
          scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        poller.close();
        context.readiness().unregister(NAME);
      }
    };
  }

  /** One round over every feed; the Kafka clients are opened on first need and kept. */
  static final class Poller implements AutoCloseable {
    private final ServiceContext context;
    private final CalendarFeedsSettings settings;
    private final Clock clock;
    private final ServiceMetrics metrics = ServiceMetrics.of(NAME);
    private FeedSync sync;

    Poller(ServiceContext context, CalendarFeedsSettings settings, Clock clock) {
      this.context = context;
      this.settings = settings;
      this.clock = clock;
    }

    void pollAll() {
      for (CalendarFeedsSettings.Feed feed : new ArrayList<>(settings.feeds())) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        poll(feed);
      }
    }

    private void poll(CalendarFeedsSettings.Feed feed) {
      String name = feed.source().feed();
      String outcome;
      try {
        String text = FeedText.load(feed.url(), KAFKA_TIMEOUT);
        if (sync == null) {
          sync = FeedSync.open(context.config(), context.topics(), KAFKA_TIMEOUT);
        }
        FeedSync.Result result =
            sync.sync(feed.source(), text, clock.instant(), settings.horizon(), feed.zone());
        counter(WRITTEN, "feed", name).increment(result.written().size());
        LOGGER
            .atInfo()
            .addKeyValue("feed", name)
            .addKeyValue("events", result.occurrences())
            .addKeyValue("written", result.written().size())
            .log("Calendar feed imported");
        outcome = "imported";
      } catch (FeedText.UnavailableException e) {
        LOGGER
            .atWarn()
            .addKeyValue("feed", name)
            .addKeyValue("problem", e.getMessage())
            .log("Calendar feed unavailable; tried again next interval");
        outcome = "unavailable";
      } catch (IcsException e) {
        LOGGER
            .atWarn()
            .addKeyValue("feed", name)
            .addKeyValue("problem", e.getMessage())
            .log(
                "Calendar feed is not valid iCalendar; nothing changed, tried again next interval");
        outcome = "invalid";
      } catch (TimeoutException | RuntimeException e) {
        // the broker or the registry is away: wait it out, start the clients afresh next time
        LOGGER
            .atWarn()
            .addKeyValue("feed", name)
            .addKeyValue("problem", String.valueOf(e.getMessage()))
            .setCause(e)
            .log("Calendar feed not written; tried again next interval");
        closeSync();
        outcome = "unavailable";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      counter(POLLS, "feed", name, "outcome", outcome).increment();
    }

    private Counter counter(String metric, String... tags) {
      return metrics.counter(metric, tags);
    }

    private void closeSync() {
      if (sync != null) {
        try {
          sync.close();
        } catch (RuntimeException e) {
          LOGGER.atDebug().setCause(e).log("Closing the feed clients failed");
        }
        sync = null;
      }
    }

    @Override
    public void close() {
      closeSync();
    }
  }
}
