package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.Objects;
import library.campaign.events.WarningCode;

/**
 * Advice that does not change a post's status.
 *
 * @param hashtag HASHTAG_USED_BEFORE: the tag; else null
 * @param firstUsedBy HASHTAG_USED_BEFORE: the campaign or branch that used it first; else null
 * @param firstUsedAt HASHTAG_USED_BEFORE: when; else null
 */
public record Warning(
    WarningCode code, String message, String hashtag, String firstUsedBy, Instant firstUsedAt) {

  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Warning of(WarningCode code, String message) {
    return new Warning(code, message, null, null, null);
  }
}
