package org.librarycampaign.crisis.response;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One member of a rotation covering whole days (README: rotations): from the start of {@code from}
 * to the end of {@code until}, local days in the rotation's zone.
 *
 * @param rotationId the {@code responderId} of the rotation on its plan
 * @param responderId the member who is on duty instead
 */
public record RotationOverride(
    String rotationId, String overrideId, String responderId, LocalDate from, LocalDate until) {

  public RotationOverride {
    Objects.requireNonNull(rotationId, "rotationId");
    Objects.requireNonNull(overrideId, "overrideId");
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(until);
  }
}
