package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.Objects;

/**
 * How an incident ended.
 *
 * @param note what was done; null when the resolution does not say
 */
public record Resolution(String by, Instant at, String note) {

  public Resolution {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
