package org.librarycampaign.governance.balance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import library.campaign.events.PostCategory;
import org.librarycampaign.channelrules.Ratio;

/**
 * The books of one channel for one week: how many content and campaign posts are approved, how many
 * on each local day, and the queue of held posts, oldest first. Only approved posts count
 * (services/governance/README.md#the-rules). While the channel spaces its posts out, the week also
 * keeps the scheduled time of each post approved meanwhile ({@link #spaced()},
 * services/governance/README.md#spacing-and-the-weekly-ceiling). Mutable; a decision loads it,
 * changes it and stores it back.
 */
public final class BalanceLedger {

  private final WindowKey key;
  private int approvedContent;
  private int approvedCampaign;
  private final NavigableMap<LocalDate, Integer> approvedPerDay;
  private final List<Held> held;
  private final List<Spaced> spaced;

  /** A held campaign post and its local day: the queue says where each could go without a read. */
  public record Held(String postId, LocalDate day) {
    public Held {
      Objects.requireNonNull(postId, "postId");
      Objects.requireNonNull(day, "day");
    }
  }

  /**
   * An approved post's scheduled time, kept while its channel spaces posts out. Ordered by time,
   * then post id.
   */
  public record Spaced(String postId, Instant at) {
    static final Comparator<Spaced> ORDER =
        Comparator.comparing(Spaced::at).thenComparing(Spaced::postId);

    public Spaced {
      Objects.requireNonNull(postId, "postId");
      Objects.requireNonNull(at, "at");
    }
  }

  public BalanceLedger(WindowKey key) {
    this(key, 0, 0, Map.of(), List.of());
  }

  public BalanceLedger(
      WindowKey key,
      int approvedContent,
      int approvedCampaign,
      Map<LocalDate, Integer> approvedPerDay,
      List<Held> held) {
    this(key, approvedContent, approvedCampaign, approvedPerDay, held, List.of());
  }

  public BalanceLedger(
      WindowKey key,
      int approvedContent,
      int approvedCampaign,
      Map<LocalDate, Integer> approvedPerDay,
      List<Held> held,
      List<Spaced> spaced) {
    this.key = Objects.requireNonNull(key, "key");
    this.approvedContent = approvedContent;
    this.approvedCampaign = approvedCampaign;
    this.approvedPerDay = new TreeMap<>(approvedPerDay);
    this.held = new ArrayList<>(held);
    this.spaced = new ArrayList<>(spaced);
    this.spaced.sort(Spaced.ORDER);
  }

  public WindowKey key() {
    return key;
  }

  public int approvedContent() {
    return approvedContent;
  }

  public int approvedCampaign() {
    return approvedCampaign;
  }

  public int approvedOn(LocalDate day) {
    return approvedPerDay.getOrDefault(day, 0);
  }

  /** Approved posts per local day, days without any left out. */
  public NavigableMap<LocalDate, Integer> approvedPerDay() {
    return Collections.unmodifiableNavigableMap(approvedPerDay);
  }

  /** The held posts, oldest first. */
  public List<Held> held() {
    return Collections.unmodifiableList(held);
  }

  /** The scheduled times of the posts approved while the channel spaced posts, earliest first. */
  public List<Spaced> spaced() {
    return Collections.unmodifiableList(spaced);
  }

  /** Whether one more post fits on the day under the cap. */
  public boolean hasRoomOn(LocalDate day, int maxPostsPerDay) {
    return approvedOn(day) < maxPostsPerDay;
  }

  public boolean hasHeld() {
    return !held.isEmpty();
  }

  /** Nothing approved and nothing held: the ledger need not be kept. */
  public boolean isEmpty() {
    return approvedContent == 0 && approvedCampaign == 0 && held.isEmpty() && spaced.isEmpty();
  }

  /**
   * Whether one more campaign post fits: approvedCampaign < floor(content / contentPerCampaign).
   */
  public boolean ratioAllowsCampaign(int contentPerCampaign) {
    return Ratio.allowsCampaign(approvedCampaign, approvedContent, contentPerCampaign);
  }

  /**
   * How many more approved content posts this week would let a campaign post in, when {@code ahead}
   * held campaign posts would be let in before it.
   */
  public int contentPostsNeeded(int contentPerCampaign, int ahead) {
    return Ratio.contentPostsNeeded(approvedCampaign, approvedContent, contentPerCampaign, ahead);
  }

  public void approve(PostCategory category, LocalDate day) {
    requireInWeek(day);
    if (category == PostCategory.CONTENT) {
      approvedContent++;
    } else {
      approvedCampaign++;
    }
    approvedPerDay.merge(day, 1, Integer::sum);
  }

  /** Frees the place of an approved post (withdrawn or replaced by a newer revision). */
  public void unapprove(PostCategory category, LocalDate day) {
    requireInWeek(day);
    if (category == PostCategory.CONTENT) {
      approvedContent = Math.max(0, approvedContent - 1);
    } else {
      approvedCampaign = Math.max(0, approvedCampaign - 1);
    }
    approvedPerDay.computeIfPresent(day, (d, count) -> count > 1 ? count - 1 : null);
  }

  /** Puts a post at the back of the held queue. */
  public void hold(String postId, LocalDate day) {
    requireInWeek(day);
    unhold(postId);
    held.add(new Held(postId, day));
  }

  /** Takes a post out of the held queue; whether it was there. */
  public boolean unhold(String postId) {
    return held.removeIf(h -> h.postId().equals(postId));
  }

  /**
   * Keeps an approved post's scheduled time, for spacing (in place of an earlier time of the same
   * post). The time may lie in another week than the post's day when the zone changed meanwhile; it
   * is kept as given.
   */
  public void space(String postId, Instant at) {
    unspace(postId);
    Spaced entry = new Spaced(postId, at);
    int index = Collections.binarySearch(spaced, entry, Spaced.ORDER);
    spaced.add(-index - 1, entry);
  }

  /** Forgets a post's scheduled time (withdrawn or replaced); whether it was kept. */
  public boolean unspace(String postId) {
    return spaced.removeIf(s -> s.postId().equals(postId));
  }

  private void requireInWeek(LocalDate day) {
    if (!key.contains(day)) {
      throw new IllegalArgumentException(day + " is not in the week " + key);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BalanceLedger that
        && key.equals(that.key)
        && approvedContent == that.approvedContent
        && approvedCampaign == that.approvedCampaign
        && approvedPerDay.equals(that.approvedPerDay)
        && held.equals(that.held)
        && spaced.equals(that.spaced);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, approvedContent, approvedCampaign, approvedPerDay, held, spaced);
  }

  @Override
  public String toString() {
    return "BalanceLedger{"
        + key
        + " content="
        + approvedContent
        + " campaign="
        + approvedCampaign
        + " perDay="
        + approvedPerDay
        + " held="
        + held
        + (spaced.isEmpty() ? "" : " spaced=" + spaced)
        + "}";
  }
}
