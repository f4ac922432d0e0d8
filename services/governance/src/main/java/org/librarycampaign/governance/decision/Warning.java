package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.Objects;
import library.campaign.events.WarningCode;

/**
 * Advice that does not change a post's status.
 *
 * @param hashtag HASHTAG_USED_BEFORE, HASHTAG_IN_USE_ELSEWHERE, HASHTAG_NOT_CHECKED: the tag; else
 *     null
 * @param firstUsedBy HASHTAG_USED_BEFORE: the campaign or branch that used it first; else null
 * @param firstUsedAt HASHTAG_USED_BEFORE: when; else null
 * @param usesElsewhere HASHTAG_IN_USE_ELSEWHERE: recent posts by others with the tag (at least);
 *     else null
 * @param exampleUrl HASHTAG_IN_USE_ELSEWHERE: the address of one of them; else null
 */
public record Warning(
    WarningCode code,
    String message,
    String hashtag,
    String firstUsedBy,
    Instant firstUsedAt,
    Integer usesElsewhere,
    String exampleUrl) {

  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A warning without the network look-up's fields. */
  public Warning(
      WarningCode code, String message, String hashtag, String firstUsedBy, Instant firstUsedAt) {
    this(code, message, hashtag, firstUsedBy, firstUsedAt, null, null);
  }

  public static Warning of(WarningCode code, String message) {
    return new Warning(code, message, null, null, null);
  }
}
