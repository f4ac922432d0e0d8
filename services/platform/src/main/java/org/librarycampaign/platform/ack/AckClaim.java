package org.librarycampaign.platform.ack;

import java.time.Instant;
import java.util.Objects;

/**
 * What an acknowledge link vouches for: this responder, alerted on this tier of this incident, may
 * acknowledge it until {@code expiresAt}.
 */
public record AckClaim(
    String branchId, String incidentId, int tier, String responderId, Instant expiresAt) {

  public AckClaim {
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
