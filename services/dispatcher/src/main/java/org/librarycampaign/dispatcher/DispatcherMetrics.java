package org.librarycampaign.dispatcher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** Every metric name and tag of the dispatcher, as {@code /metrics} shows them (dots: _). */
public final class DispatcherMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of(DispatcherService.NAME);

  /** Counter: receipts written, by channel and status (DELIVERED, RETRYING, FAILED). */
  public static final String RECEIPTS = METRICS.name("receipts");

  /** Counter: DELIVERED receipts that went to the local outbox, by channel. */
  public static final String OUTBOX = METRICS.name("outbox");

  /** Counter: notifications read again after they were DELIVERED or FAILED, and skipped. */
  public static final String DUPLICATES_SKIPPED = METRICS.name("duplicates.skipped");

  /** Timer: how long one delivery attempt took, by channel. */
  public static final String ATTEMPT_DURATION = METRICS.name("attempt.duration");

  public static final String TAG_CHANNEL = "channel";
  public static final String TAG_STATUS = "status";

  private DispatcherMetrics() {}

  static Counter receipts(String channel, String status) {
    return METRICS.counter(RECEIPTS, TAG_CHANNEL, channel, TAG_STATUS, status);
  }

  static Counter outbox(String channel) {
    return METRICS.counter(OUTBOX, TAG_CHANNEL, channel);
  }

  static Counter duplicatesSkipped() {
    return METRICS.counter(DUPLICATES_SKIPPED);
  }

  static Timer attemptDuration(String channel) {
    return METRICS.timer(ATTEMPT_DURATION, TAG_CHANNEL, channel);
  }
}
