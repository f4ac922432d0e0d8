package org.librarycampaign.publisher;

import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Publisher;
import org.librarycampaign.publisher.channel.Publishers;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Runs publishing attempts away from the stream thread. One per stream task, closed with it. The
 * processor starts at most one attempt per channel at a time, so a slow or dead remote holds up
 * only its own channel.
 */
public interface Attempts extends AutoCloseable {

  /** Starts one attempt; {@code done} gets its outcome, on whatever thread finished it. */
  void submit(PostState post, Consumer<PublishOutcome> done);

  /** Stops; attempts still running are interrupted and their outcomes dropped. */
  @Override
  void close();

  /** One attempt, timed per publisher kind for {@code /metrics}. */
  static PublishOutcome timed(Publishers publishers, PostState post) {
    Publisher publisher = publishers.of(post.channelId());
    Timer.Sample sample = Timer.start();
    PublishOutcome outcome;
    try {
      outcome = publisher.publish(post);
    } catch (RuntimeException e) {
      outcome = new PublishOutcome.Failed(false, "unexpected error: " + e);
    }
    sample.stop(PublisherMetrics.attemptDuration(publisher.kind().name()));
    return outcome;
  }

  /** On the calling thread, before {@code submit} returns: for TopologyTestDriver and plan. */
  static Attempts inline(Publishers publishers) {
    return new Attempts() {
      @Override
      public void submit(PostState post, Consumer<PublishOutcome> done) {
        done.accept(timed(publishers, post));
      }

      @Override
      public void close() {}
    };
  }

  /** A daemon thread per channel, made when the channel first publishes. */
  static Attempts perChannelThreads(Publishers publishers) {
    return new PerChannelThreads(publishers);
  }

  /** A single-thread executor per channel id. */
  final class PerChannelThreads implements Attempts {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Publishers publishers;
    private final int pool = POOLS.incrementAndGet();
    private final Map<String, ExecutorService> executors = new ConcurrentHashMap<>();
    private volatile boolean closed;

    PerChannelThreads(Publishers publishers) {
      this.publishers = publishers;
    }

    @Override
    public void submit(PostState post, Consumer<PublishOutcome> done) {
      if (closed) {
        done.accept(new PublishOutcome.Failed(false, "the publisher is stopping"));
        return;
      }
      ExecutorService executor =
          executors.computeIfAbsent(
              post.channelId(),
              channel ->
                  Executors.newSingleThreadExecutor(
                      task -> {
                        Thread thread = new Thread(task, "publisher-" + pool + "-" + channel);
                        thread.setDaemon(true);
                        return thread;
                      }));
      try {
        executor.execute(() -> done.accept(timed(publishers, post)));
      } catch (RejectedExecutionException e) {
        done.accept(new PublishOutcome.Failed(false, "the publisher is stopping"));
      }
    }

    @Override
    public void close() {
      closed = true;
      executors.values().forEach(ExecutorService::shutdownNow);
    }
  }
}
