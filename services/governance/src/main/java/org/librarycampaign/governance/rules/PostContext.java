package org.librarycampaign.governance.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.Spacing;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.hashtags.HashtagUse;

/**
 * What the rules read about a drafted post, before any change is made.
 *
 * @param hashtagUses the draft's own tag uses ({@link
 *     org.librarycampaign.governance.checks.PostChecks#hashtagUses})
 * @param firstUse the first use of each normalized tag, across all branches
 * @param crises the branch's open incidents
 * @param channel the channel's rules (advice reads only its zone, for the dates in messages)
 * @param day the post's local day; null when only advice is asked
 * @param week the post's week on its channel, as it stands before this draft; null when only advice
 *     is asked
 * @param nextDayWithRoom the nearest later local date under the channel's cap, possibly in a later
 *     week (asked only when the day is full); null when only advice is asked
 * @param spacing the channel's approved posts around a time, for the spacing rule ({@link
 *     Spacing#NONE} when the channel does not space its posts, or when only advice is asked)
 */
public record PostContext(
    Draft draft,
    List<HashtagUse> hashtagUses,
    Function<String, Optional<HashtagUse>> firstUse,
    BranchCrises crises,
    ChannelRules channel,
    LocalDate day,
    BalanceLedger week,
    Supplier<LocalDate> nextDayWithRoom,
    Spacing spacing) {

  public PostContext {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(crises, "crises");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(spacing, "spacing");
    hashtagUses = List.copyOf(hashtagUses);
  }

  /** A post on a channel that does not space its posts. */
  public PostContext(
      Draft draft,
      List<HashtagUse> hashtagUses,
      Function<String, Optional<HashtagUse>> firstUse,
      BranchCrises crises,
      ChannelRules channel,
      LocalDate day,
      BalanceLedger week,
      Supplier<LocalDate> nextDayWithRoom) {
    this(draft, hashtagUses, firstUse, crises, channel, day, week, nextDayWithRoom, Spacing.NONE);
  }

  /** What advice needs: no day, week or calendar (rules that decide are not asked). */
  public static PostContext forAdvice(
      Draft draft,
      List<HashtagUse> hashtagUses,
      Function<String, Optional<HashtagUse>> firstUse,
      BranchCrises crises,
      ChannelRules channel) {
    return new PostContext(draft, hashtagUses, firstUse, crises, channel, null, null, null);
  }
}
