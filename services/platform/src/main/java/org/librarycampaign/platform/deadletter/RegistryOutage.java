package org.librarycampaign.platform.deadletter;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.serde.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dead-letter handlers do when a record failed only because the schema registry is down:
 * count it, wait a little, and answer FAIL. The stream thread then dies and is replaced (see {@code
 * streams.StreamsService}); under exactly-once its open transaction is aborted and the task starts
 * again from its last commit, so the record is read again once the registry answers. The wait, on
 * top of the registry client's own retries, keeps a long outage from restarting tasks in a tight
 * loop.
 */
public final class RegistryOutage {

  /**
   * Config key (campaign config and Streams config alike): how long a handler waits before
   * answering FAIL, a duration or millis.
   */
  public static final String PAUSE_CONFIG = "campaign.registry.outage.pause";

  public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(5);

  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryOutage.class);

  private final Duration pause;

  private RegistryOutage(Duration pause) {
    this.pause = pause;
  }

  static RegistryOutage from(Map<String, ?> configs) {
    Object configured = configs.get(PAUSE_CONFIG);
    if (configured instanceof Duration duration) {
      return new RegistryOutage(duration);
    }
    if (configured != null) {
      String text = configured.toString().strip();
      return new RegistryOutage(
          text.chars().allMatch(Character::isDigit)
              ? Duration.ofMillis(Long.parseLong(text))
              : CampaignConfig.parseDuration(text));
    }
    return new RegistryOutage(DEFAULT_PAUSE);
  }

  static boolean isCauseOf(Exception exception) {
    return RegistryUnavailableException.isCauseOf(exception);
  }

  /** Counts and logs the retry, then waits; the caller answers FAIL. */
  void waitBeforeRetry(ErrorHandlerContext context, String stage, Exception exception) {
    Metrics.counter("campaign.registry.unavailable.retries", "stage", stage).increment();
    LOGGER
        .atWarn()
        .addKeyValue("sourceTopic", context.topic())
        .addKeyValue("partition", context.partition())
        .addKeyValue("offset", context.offset())
        .addKeyValue("stage", stage)
        .addKeyValue("wait", pause)
        .addKeyValue("error", exception.getMessage())
        .log("Schema registry unavailable; the task will retry the record from its last commit");
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
