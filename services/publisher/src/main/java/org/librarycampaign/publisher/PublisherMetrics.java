package org.librarycampaign.publisher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.librarycampaign.platform.ops.ServiceMetrics;

/** Every metric name and tag of the publisher, as {@code /metrics} shows them (dots: _). */
public final class PublisherMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of(PublisherService.NAME);

  /** Counter: receipts written, by publisher kind and status. */
  public static final String PUBLICATIONS = METRICS.name("publications");

  /** Timer: how long one publishing attempt took, by publisher kind. */
  public static final String ATTEMPT_DURATION = METRICS.name("attempt.duration");

  public static final String TAG_PUBLISHER = "publisher";
  public static final String TAG_STATUS = "status";

  private PublisherMetrics() {}

  static Counter publications(String publisher, String status) {
    return METRICS.counter(PUBLICATIONS, TAG_PUBLISHER, publisher, TAG_STATUS, status);
  }

  static Timer attemptDuration(String publisher) {
    return METRICS.timer(ATTEMPT_DURATION, TAG_PUBLISHER, publisher);
  }
}
