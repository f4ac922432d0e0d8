package org.librarycampaign.governance.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.librarycampaign.governance.hashtags.lookup.TagCheck;
import org.librarycampaign.governance.officials.OfficialHandle;

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
 * @param officials the officials a campaign post on this branch and platform could tag (the
 *     branch's directory, else the {@code *} directory, those with a handle on the platform); empty
 *     without a directory
 * @param tagChecks what the network said about the draft's tags this system had not used before, by
 *     normalized tag (empty without a look-up; governance README, "Hashtags on the network")
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
    List<OfficialHandle> officials,
    Map<String, TagCheck> tagChecks,
    Spacing spacing) {

  public PostContext {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(crises, "crises");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(spacing, "spacing");
    hashtagUses = List.copyOf(hashtagUses);
    officials = List.copyOf(officials);
    tagChecks = tagChecks == null ? Map.of() : Map.copyOf(tagChecks);
  }

  /**
   * What the rules that decide need: the post's day, week and calendar, without a directory of
   * officials, a network look-up or spacing (add them with the {@code with...} methods).
   */
  public static PostContext forDecision(
      Draft draft,
      List<HashtagUse> hashtagUses,
      Function<String, Optional<HashtagUse>> firstUse,
      BranchCrises crises,
      ChannelRules channel,
      LocalDate day,
      BalanceLedger week,
      Supplier<LocalDate> nextDayWithRoom) {
    return new PostContext(
        draft,
        hashtagUses,
        firstUse,
        crises,
        channel,
        day,
        week,
        nextDayWithRoom,
        List.of(),
        Map.of(),
        Spacing.NONE);
  }

  /** What advice needs: no day, week or calendar (rules that decide are not asked). */
  public static PostContext forAdvice(
      Draft draft,
      List<HashtagUse> hashtagUses,
      Function<String, Optional<HashtagUse>> firstUse,
      BranchCrises crises,
      ChannelRules channel) {
    return forDecision(draft, hashtagUses, firstUse, crises, channel, null, null, null);
  }

  /** The same post with the officials it could tag. */
  public PostContext withOfficials(List<OfficialHandle> officials) {
    return new PostContext(
        draft,
        hashtagUses,
        firstUse,
        crises,
        channel,
        day,
        week,
        nextDayWithRoom,
        officials,
        tagChecks,
        spacing);
  }

  /** The same post with what the network said of its new tags. */
  public PostContext withTagChecks(Map<String, TagCheck> tagChecks) {
    return new PostContext(
        draft,
        hashtagUses,
        firstUse,
        crises,
        channel,
        day,
        week,
        nextDayWithRoom,
        officials,
        tagChecks,
        spacing);
  }

  /** The same post on a channel that spaces its posts. */
  public PostContext withSpacing(Spacing spacing) {
    return new PostContext(
        draft,
        hashtagUses,
        firstUse,
        crises,
        channel,
        day,
        week,
        nextDayWithRoom,
        officials,
        tagChecks,
        spacing);
  }
}
