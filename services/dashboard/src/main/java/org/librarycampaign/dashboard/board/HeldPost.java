package org.librarycampaign.dashboard.board;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * A post governance holds back, why, and what would release it.
 *
 * @param release what would release it, in a sentence, from the channel's counts now (not those at
 *     the time of the decision) and the branch's open incidents
 * @param heldSince when the decision was made
 * @param expires how long it has left before it expires unpublished, and when that is in the
 *     channel's zone, else its branch's ("expires in 3 h, at Wed 2 Dec, 15:00 CST"): governance
 *     expires a post still held at its time (services/governance/README.md, "Stale holds expire")
 * @param audit the post's audit trail, every review governance applied, oldest first (empty for a
 *     post never reviewed)
 */
public record HeldPost(
    String postId,
    int revision,
    String branchId,
    String channelId,
    String category,
    String campaignId,
    Instant scheduledAt,
    String text,
    List<Reason> reasons,
    String release,
    Instant heldSince,
    String expires,
    List<DecisionFact.Review> audit) {

  /** Why, as governance said it. */
  public record Reason(String code, String message) {}

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  public HeldPost {
    reasons = List.copyOf(reasons);
    audit = audit == null ? List.of() : List.copyOf(audit);
  }

  /** A held post never reviewed. */
  public HeldPost(
      String postId,
      int revision,
      String branchId,
      String channelId,
      String category,
      String campaignId,
      Instant scheduledAt,
      String text,
      List<Reason> reasons,
      String release,
      Instant heldSince,
      String expires) {
    this(
        postId,
        revision,
        branchId,
        channelId,
        category,
        campaignId,
        scheduledAt,
        text,
        reasons,
        release,
        heldSince,
        expires,
        List.of());
  }

  /** Every held post, the longest-held first; {@code now} for the time each has left. */
  static List<HeldPost> of(Facts facts, Ledger ledger, Crises crises, Zones zones, Instant now) {
    Map<String, PostFact> posts = new TreeMap<>();
    facts.posts().forEach(p -> posts.put(p.postId(), p));
    List<HeldPost> held = new ArrayList<>();
    for (DecisionFact decision : facts.decisions()) {
      if (!"HELD".equals(decision.status())) {
        continue;
      }
      PostFact post = posts.get(decision.postId());
      held.add(
          new HeldPost(
              decision.postId(),
              decision.revision(),
              decision.branchId(),
              decision.channelId(),
              decision.category(),
              decision.campaignId(),
              decision.scheduledAt(),
              post != null && post.revision() == decision.revision() ? post.text() : null,
              decision.reasons().stream().map(r -> new Reason(r.code(), r.message())).toList(),
              release(decision, ledger, crises),
              decision.decidedAt(),
              expires(decision.scheduledAt(), now, zones.channel(decision.channelId())),
              decision.reviews()));
    }
    held.sort(Comparator.comparing(HeldPost::heldSince).thenComparing(HeldPost::postId));
    return held;
  }

  /**
   * "expires in 3 h 20 min, at Wed 2 Dec, 15:00 CST": the time left until the post's scheduled
   * time, rounded down (days and hours from a day on, minutes under an hour), and that time in the
   * row's zone.
   */
  static String expires(Instant scheduledAt, Instant now, ZoneId zone) {
    String left = timeLeft(scheduledAt, now, zone);
    if (left == null) {
      return "expires now: its time, " + localTime(scheduledAt, zone) + ", has come";
    }
    return "expires in " + left;
  }

  /** "Wed 2 Dec, 15:00 CST": the instant in the zone, with the zone's abbreviation. */
  static String localTime(Instant at, ZoneId zone) {
    return LocalTimes.dayAndTime(at, zone);
  }

  /**
   * "3 h 20 min, at Wed 2 Dec, 15:00 CST": the time left until {@code scheduledAt}, as {@link
   * #expires} words it; null once that time has come.
   */
  static String timeLeft(Instant scheduledAt, Instant now, ZoneId zone) {
    String at = localTime(scheduledAt, zone);
    Duration left = Duration.between(now, scheduledAt);
    if (left.isNegative() || left.isZero()) {
      return null;
    }
    String in;
    if (left.toMinutes() < 1) {
      in = "less than a minute";
    } else if (left.toHours() < 1) {
      in = left.toMinutes() + " min";
    } else if (left.toDays() < 1) {
      in =
          left.toHours()
              + " h"
              + (left.toMinutesPart() == 0 ? "" : " " + left.toMinutesPart() + " min");
    } else {
      in = left.toDays() + " d" + (left.toHoursPart() == 0 ? "" : " " + left.toHoursPart() + " h");
    }
    return in + ", at " + at;
  }

  static String release(DecisionFact decision, Ledger ledger, Crises crises) {
    List<String> hints = new ArrayList<>();
    for (DecisionFact.Reason reason : decision.reasons()) {
      hints.add(
          switch (reason.code()) {
            case "RATIO_LIMIT" -> ratioHint(decision, ledger);
            case "CRISIS_PAUSE" -> crisisHint(decision.branchId(), crises);
            default -> reason.message();
          });
    }
    if (hints.isEmpty()) {
      return "Held without a reason given: ask the governance service.";
    }
    return String.join(" ", hints);
  }

  private static String ratioHint(DecisionFact decision, Ledger ledger) {
    ChannelRules rules = ledger.rules(decision.channelId());
    LocalDate weekStart = ledger.weekOf(decision.channelId(), decision.scheduledAt());
    Ledger.Week week = ledger.week(decision.channelId(), weekStart);
    int ahead = ledger.heldAhead(decision);
    int needed = rules.contentPostsNeeded(week.campaign(), week.content(), ahead);
    String where = decision.channelId() + " in the week of " + DAY.format(weekStart);
    if (needed == 0) {
      return "The ratio allows it now ("
          + week.content()
          + " content, "
          + week.campaign()
          + " campaign approved on "
          + where
          + "): it is released when its day has room and the branch has no active crisis.";
    }
    return "Approving "
        + needed
        + " more content post"
        + (needed == 1 ? "" : "s")
        + " on "
        + where
        + " releases it (1 campaign post per "
        + rules.contentPerCampaign()
        + " content posts; "
        + week.content()
        + " content and "
        + week.campaign()
        + " campaign approved so far"
        + (ahead == 0 ? "" : "; " + ahead + " held post" + (ahead == 1 ? "" : "s") + " ahead of it")
        + ").";
  }

  private static String crisisHint(String branchId, Crises crises) {
    List<Crises.Crisis> active = crises.active(branchId);
    if (active.isEmpty()) {
      return "The crisis at "
          + branchId
          + " is resolved: it is released once the ratio and its day allow.";
    }
    return "Resolving "
        + (active.size() == 1 ? "the incident" : "the incidents")
        + " at "
        + branchId
        + " releases it: "
        + active.stream()
            .map(
                c ->
                    c.incidentId()
                        + " ("
                        + c.severity()
                        + (c.summary() != null ? ", " + c.summary() : "")
                        + ")")
            .collect(Collectors.joining("; "))
        + ".";
  }
}
