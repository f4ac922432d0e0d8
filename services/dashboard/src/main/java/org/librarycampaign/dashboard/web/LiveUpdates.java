package org.librarycampaign.dashboard.web;

import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.librarycampaign.dashboard.DashboardMetrics;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.store.ViewUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream: every connected page gets the whole board as an SSE event {@code board} when it
 * connects and whenever the board it shows changes. One thread draws the board of each week that
 * pages look at, every refresh interval, and sends it to the pages whose last board differs; so a
 * burst of records becomes one update, and an idle board sends nothing but a heartbeat comment.
 * While the views cannot be read, pages get a {@code waiting} event instead.
 */
final class LiveUpdates implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(LiveUpdates.class);

  /** What became of an offer to a page. */
  private enum Offer {
    SENT,
    UNCHANGED,
    GONE
  }

  /** What a page shows: a week (null: the current one) and one branch's calendar, or all. */
  private record View(LocalDate week, String branch) {}

  /** A connected page: what it shows and what it was sent last. */
  private static final class Subscriber {
    private final SseClient client;
    private final View view;
    private String lastSent;

    Subscriber(SseClient client, View view) {
      this.client = client;
      this.view = view;
    }

    /** Sends the event unless it is what the page has already. */
    synchronized Offer offer(String event, String data) {
      if (client.terminated()) {
        return Offer.GONE;
      }
      String message = event + "\n" + data;
      if (message.equals(lastSent)) {
        return Offer.UNCHANGED;
      }
      client.sendEvent(event, data);
      lastSent = message;
      return client.terminated() ? Offer.GONE : Offer.SENT;
    }

    synchronized boolean heartbeat() {
      if (!client.terminated()) {
        client.sendComment("heartbeat");
      }
      return !client.terminated();
    }
  }

  private final BoardSource source;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer;
  private final Counter pushed;

  private LiveUpdates(BoardSource source) {
    this.source = source;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "dashboard-live-updates");
              thread.setDaemon(true);
              return thread;
            });
    this.pushed = Metrics.counter(DashboardMetrics.UPDATES_PUSHED);
    Metrics.gauge(DashboardMetrics.LIVE_CLIENTS, subscribers, List::size);
  }

  static LiveUpdates start(BoardSource source, Duration refresh, Duration heartbeat) {
    LiveUpdates live = new LiveUpdates(source);
    live.timer.scheduleWithFixedDelay(
        live::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    live.timer.scheduleWithFixedDelay(
        live::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    return live;
  }

  /** Keeps the page's stream open and sends it the board at once. */
  void connect(SseClient client, LocalDate week, String branch) {
    client.keepAlive();
    Subscriber subscriber = new Subscriber(client, new View(week, branch));
    client.onClose(() -> subscribers.remove(subscriber));
    subscribers.add(subscriber);
    String[] event = draw(subscriber.view);
    if (subscriber.offer(event[0], event[1]) == Offer.GONE) {
      subscribers.remove(subscriber);
    }
  }

  private void refresh() {
    try {
      Map<View, String[]> drawn = new HashMap<>();
      boolean changed = false;
      for (Subscriber subscriber : subscribers) {
        String[] event = drawn.computeIfAbsent(subscriber.view, this::draw);
        switch (subscriber.offer(event[0], event[1])) {
          case GONE -> subscribers.remove(subscriber);
          case SENT -> changed = true;
          case UNCHANGED -> {
            // the page shows this board already
          }
        }
      }
      if (changed) {
        pushed.increment();
      }
    } catch (RuntimeException e) {
      LOGGER.atWarn().setCause(e).log("Could not refresh the live dashboard");
    }
  }

  private void heartbeat() {
    subscribers.removeIf(subscriber -> !subscriber.heartbeat());
  }

  /** The event for a view: {@code board} with the board, or {@code waiting} with why not. */
  private String[] draw(View view) {
    try {
      return new String[] {"board", FactJson.write(source.board(view.week(), view.branch()))};
    } catch (ViewUnavailableException e) {
      return new String[] {"waiting", FactJson.write(Map.of("error", e.getMessage()))};
    }
  }

  /**
   * Stops the timer and waits for a refresh under way: it reads the Streams stores, which the
   * service closes next, and a RocksDB store read after its close crashes the JVM.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOGGER.atWarn().log("A live dashboard refresh was still running after 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Subscriber subscriber : subscribers) {
      subscriber.client.close();
    }
    subscribers.clear();
  }
}
