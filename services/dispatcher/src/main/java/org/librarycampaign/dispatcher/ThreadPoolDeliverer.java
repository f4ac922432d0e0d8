package org.librarycampaign.dispatcher;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import library.campaign.events.Notification;
import org.librarycampaign.dispatcher.channel.Channels;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;

/** Delivers on a small pool of daemon threads of its own. */
public final class ThreadPoolDeliverer implements Deliverer {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Channels channels;
  private final ExecutorService pool;

  public ThreadPoolDeliverer(Channels channels, int threads) {
    this.channels = channels;
    int poolNumber = POOLS.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread =
                  new Thread(
                      task,
                      "dispatcher-delivery-" + poolNumber + "-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void submit(Notification notification, Consumer<DeliveryOutcome> done) {
    try {
      pool.execute(() -> done.accept(timed(channels, notification)));
    } catch (RejectedExecutionException e) {
      done.accept(DeliveryOutcome.transientFailure("the dispatcher is stopping"));
    }
  }

  /** One attempt, timed per channel for {@code /metrics}. */
  static DeliveryOutcome timed(Channels channels, Notification notification) {
    Timer.Sample sample = Timer.start();
    DeliveryOutcome outcome = channels.deliver(notification);
    sample.stop(DispatcherMetrics.attemptDuration(notification.getChannel().name()));
    return outcome;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
