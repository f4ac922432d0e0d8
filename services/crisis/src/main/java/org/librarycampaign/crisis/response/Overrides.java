package org.librarycampaign.crisis.response;

import java.util.List;

/** The overrides published for each rotation (README: rotations). */
@FunctionalInterface
public interface Overrides {

  /** No overrides at all. */
  Overrides NONE = rotationId -> List.of();

  /**
   * @param rotationId the {@code responderId} of a rotation on a plan
   */
  List<RotationOverride> of(String rotationId);
}
