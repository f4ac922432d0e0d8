package org.librarycampaign.governance.decision;

import java.time.LocalDate;
import java.util.Objects;
import library.campaign.events.ReasonCode;

/**
 * Why a post is held, rejected or withdrawn.
 *
 * @param nextDayWithRoom DAILY_LIMIT: the nearest later local date with room; else null
 * @param contentPostsNeeded RATIO_LIMIT: approved content posts that would free the post; else null
 */
public record Reason(
    ReasonCode code, String message, LocalDate nextDayWithRoom, Integer contentPostsNeeded) {

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Reason of(ReasonCode code, String message) {
    return new Reason(code, message, null, null);
  }
}
