package org.librarycampaign.governance.balance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The approved posts of one channel around a time, read from the weeks' {@link BalanceLedger}s:
 * which approved post is closer than the channel's minimum to a time, and the nearest time from
 * which a post would keep the minimum to every approved post
 * (services/governance/README.md#spacing-and-the-weekly-ceiling). The minimum is at most a day, so
 * a time's neighbours lie in its own week or the next or previous one.
 */
public final class Spacing {

  /** A channel that does not space its posts: nothing is ever too close. */
  public static final Spacing NONE = new Spacing(day -> null, ZoneOffset.UTC, Duration.ZERO);

  private final Function<LocalDate, BalanceLedger> weekOf;
  private final ZoneId zone;
  private final Duration gap;

  /**
   * @param weekOf the channel's week that holds a local date (an empty ledger for a week without
   *     posts)
   * @param zone the channel's zone, which names its weeks
   * @param gap the least time between two approved posts; zero for no spacing
   */
  public Spacing(Function<LocalDate, BalanceLedger> weekOf, ZoneId zone, Duration gap) {
    this.weekOf = Objects.requireNonNull(weekOf, "weekOf");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.gap = Objects.requireNonNull(gap, "gap");
  }

  public Duration gap() {
    return gap;
  }

  /**
   * The approved post nearest to {@code at} that is less than the gap away (exactly the gap away is
   * far enough), other than {@code postId} itself; the earlier of two at the same distance.
   */
  public Optional<BalanceLedger.Spaced> tooClose(Instant at, String postId) {
    if (gap.isZero()) {
      return Optional.empty();
    }
    Comparator<BalanceLedger.Spaced> nearest =
        Comparator.comparing((BalanceLedger.Spaced s) -> Duration.between(s.at(), at).abs())
            .thenComparing(BalanceLedger.Spaced.ORDER);
    return weeksAround(at).stream()
        .distinct()
        .flatMap(week -> week.spaced().stream())
        .filter(s -> !s.postId().equals(postId) && isTooClose(s.at(), at))
        .min(nearest);
  }

  /**
   * The earliest time from {@code at} on that is at least the gap away from every approved post
   * (other than {@code postId}): the nearest free time for a post that is too close.
   */
  public Instant nextFree(Instant at, String postId) {
    Instant candidate = at;
    Optional<BalanceLedger.Spaced> blocking = latestTooClose(candidate, postId);
    while (blocking.isPresent()) {
      candidate = blocking.get().at().plus(gap);
      blocking = latestTooClose(candidate, postId);
    }
    return candidate;
  }

  private Optional<BalanceLedger.Spaced> latestTooClose(Instant at, String postId) {
    if (gap.isZero()) {
      return Optional.empty();
    }
    return weeksAround(at).stream()
        .distinct()
        .flatMap(week -> week.spaced().stream())
        .filter(s -> !s.postId().equals(postId) && isTooClose(s.at(), at))
        .max(BalanceLedger.Spaced.ORDER);
  }

  private boolean isTooClose(Instant approved, Instant at) {
    return Duration.between(approved, at).abs().compareTo(gap) < 0;
  }

  /** The weeks that can hold a post less than the gap from {@code at}. */
  private List<BalanceLedger> weeksAround(Instant at) {
    return List.of(
        weekOf.apply(WindowKey.dayOf(at.minus(gap), zone)),
        weekOf.apply(WindowKey.dayOf(at, zone)),
        weekOf.apply(WindowKey.dayOf(at.plus(gap), zone)));
  }
}
