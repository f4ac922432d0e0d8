package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.platform.time.LocalTimes;

/**
 * A week (Monday to Sunday, in the calendar's zone) of scheduled posts, with the milestones and
 * community events that fall in it, each post's conflicts with their suggested slots, and the
 * amplify gaps of the week's milestones. The days are those of the calendar's zone; each time on
 * them reads in its own row's zone with the zone's abbreviation (README.md, "Local time"), since
 * rows of several zones share the week. The calendar of one branch ({@code branch}) shows only that
 * branch's posts, gaps and milestones (and those of every branch), its days in the branch's zone.
 *
 * @param branch the branch whose calendar this is, or null for every branch's
 */
public record Calendar(
    LocalDate weekStart,
    LocalDate weekEnd,
    String zone,
    String branch,
    List<Day> days,
    List<Gap> gaps) {

  /** One day: its milestones (those that overlap it) and its posts, in time order. */
  public record Day(
      LocalDate date,
      String label,
      boolean today,
      List<Milestone> milestones,
      List<ScheduledPost> posts) {}

  /**
   * A live post (not withdrawn).
   *
   * @param status the decision on the post's latest revision, or PENDING before there is one
   * @param time local time in the channel's zone with its abbreviation ({@code 15:00 CST}); with
   *     the day and date ({@code Thu 3 Dec, 21:00 CST}) when that local day is not the calendar's
   *     day
   * @param audit the audit trail of the decision on the latest revision: every review governance
   *     applied, oldest first (empty for a post never reviewed)
   * @param override for a post a reviewer approved over a hold: "approved by ana over RATIO_LIMIT:
   *     Launch day" ({@link #override}); else null
   */
  public record ScheduledPost(
      String postId,
      int revision,
      String branchId,
      String platform,
      String channelId,
      String category,
      String campaignId,
      Instant scheduledAt,
      String time,
      String text,
      String status,
      boolean released,
      List<String> reasons,
      List<String> warnings,
      List<Conflict> conflicts,
      List<DecisionFact.Review> audit,
      String override) {

    public ScheduledPost {
      audit = audit == null ? List.of() : List.copyOf(audit);
    }

    /** A post never reviewed. */
    public ScheduledPost(
        String postId,
        int revision,
        String branchId,
        String platform,
        String channelId,
        String category,
        String campaignId,
        Instant scheduledAt,
        String time,
        String text,
        String status,
        boolean released,
        List<String> reasons,
        List<String> warnings,
        List<Conflict> conflicts) {
      this(
          postId,
          revision,
          branchId,
          platform,
          channelId,
          category,
          campaignId,
          scheduledAt,
          time,
          text,
          status,
          released,
          reasons,
          warnings,
          conflicts,
          List.of(),
          null);
    }
  }

  /**
   * The post falls inside a community event's avoid window; {@code suggested} is the slot in the
   * post's channel zone ({@code Sat 5 Dec, 20:00 CST}).
   */
  public record Conflict(
      String milestoneId,
      String milestoneTitle,
      Instant avoidFrom,
      Instant avoidUntil,
      Instant suggestedAt,
      String suggested,
      String message) {}

  /**
   * A live milestone. {@code branchId} is {@code *} for every branch; {@code gapBranches} are the
   * branches with an open amplify gap for it; {@code time} is its hours on the day, in its branch's
   * zone with the abbreviation ({@code 10:00–18:00 CST}, {@code from 22:00 CST}, {@code all day}).
   */
  public record Milestone(
      String milestoneId,
      String kind,
      String stance,
      String campaignId,
      String branchId,
      String title,
      Instant startsAt,
      Instant endsAt,
      String time,
      List<String> gapBranches) {}

  /**
   * No campaign post of the milestone's campaign for a branch in the 72 hours before it; {@code
   * when} is its start in the branch's zone.
   */
  public record Gap(
      String milestoneId,
      String branchId,
      String campaignId,
      String milestoneTitle,
      Instant startsAt,
      String when,
      String message) {}

  static final int PREVIEW_CODE_POINTS = 140;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * @param zone the calendar's zone: which instants make up each day
   * @param zones the zone of each row, for the times shown on the days
   * @param branch the one branch shown, or null for every branch
   */
  static Calendar of(
      Facts facts, LocalDate weekStart, ZoneId zone, Zones zones, LocalDate today, String branch) {
    Predicate<String> shown =
        branchId -> branch == null || branch.equals(branchId) || "*".equals(branchId);
    Map<String, DecisionFact> decisions = new TreeMap<>();
    facts.decisions().forEach(d -> decisions.put(d.postId(), d));
    Map<String, List<CalendarFlag.Conflict>> conflicts = new TreeMap<>();
    List<CalendarFlag.Gap> openGaps = new ArrayList<>();
    for (CalendarFlag flag : facts.flags()) {
      if (flag.conflict() != null) {
        CalendarFlag.Conflict c = flag.conflict();
        conflicts.computeIfAbsent(c.postId(), p -> new ArrayList<>()).add(c);
      } else if (flag.gap() != null && (branch == null || branch.equals(flag.gap().branchId()))) {
        openGaps.add(flag.gap());
      }
    }
    Instant from = weekStart.atStartOfDay(zone).toInstant();
    Instant until = weekStart.plusDays(7).atStartOfDay(zone).toInstant();

    List<Gap> gaps =
        openGaps.stream()
            .filter(g -> !g.startsAt().isBefore(from) && g.startsAt().isBefore(until))
            .sorted(
                Comparator.comparing(CalendarFlag.Gap::startsAt)
                    .thenComparing(CalendarFlag.Gap::milestoneId)
                    .thenComparing(CalendarFlag.Gap::branchId))
            .map(
                g ->
                    new Gap(
                        g.milestoneId(),
                        g.branchId(),
                        g.campaignId(),
                        g.milestoneTitle(),
                        g.startsAt(),
                        LocalTimes.dayAndTime(g.startsAt(), zones.branch(g.branchId())),
                        g.message()))
            .toList();

    List<Day> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      LocalDate date = weekStart.plusDays(i);
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      List<Milestone> milestones =
          facts.milestones().stream()
              .filter(
                  m -> !m.cancelled() && shown.test(m.branchId()) && overlaps(m, dayStart, dayEnd))
              .sorted(
                  Comparator.comparing(MilestoneFact::startsAt)
                      .thenComparing(MilestoneFact::milestoneId))
              .map(m -> milestone(m, date, zones.branch(m.branchId()), gaps))
              .toList();
      List<ScheduledPost> posts =
          facts.posts().stream()
              .filter(
                  p ->
                      !p.withdrawn()
                          && (branch == null || branch.equals(p.branchId()))
                          && within(p.scheduledAt(), dayStart, dayEnd))
              .sorted(Comparator.comparing(PostFact::scheduledAt).thenComparing(PostFact::postId))
              .map(
                  p ->
                      post(
                          p,
                          decisions.get(p.postId()),
                          conflicts.getOrDefault(p.postId(), List.of()),
                          date,
                          zones.channel(p.channel())))
              .toList();
      days.add(new Day(date, HeldPost.DAY.format(date), date.equals(today), milestones, posts));
    }
    return new Calendar(
        weekStart, weekStart.plusDays(6), LocalTimes.readable(zone).getId(), branch, days, gaps);
  }

  private static boolean within(Instant at, Instant from, Instant until) {
    return !at.isBefore(from) && at.isBefore(until);
  }

  private static boolean overlaps(MilestoneFact m, Instant dayStart, Instant dayEnd) {
    return m.startsAt().isBefore(dayEnd)
        && (m.endsAt().isAfter(dayStart) || within(m.startsAt(), dayStart, dayEnd));
  }

  /**
   * The milestone on one day of the calendar, its hours read in {@code zone} (its branch's). A day
   * of the calendar's zone may be another local day in the milestone's: the hours then come with
   * their day.
   */
  private static Milestone milestone(MilestoneFact m, LocalDate date, ZoneId zone, List<Gap> gaps) {
    ZonedDateTime starts = m.startsAt().atZone(LocalTimes.readable(zone));
    ZonedDateTime ends = m.endsAt().atZone(LocalTimes.readable(zone));
    boolean startsToday = starts.toLocalDate().equals(date);
    boolean endsToday = !ends.toLocalDate().isAfter(date);
    boolean startsBefore = starts.toLocalDate().isBefore(date);
    boolean endsAfter = ends.toLocalDate().isAfter(date);
    String time;
    if (startsToday && endsToday) {
      time = LocalTimes.span(m.startsAt(), m.endsAt(), zone);
      time = time.substring(time.indexOf(", ") + 2).replace(" to ", "–");
    } else if (startsToday && endsAfter) {
      time = "from " + clock(starts);
    } else if (endsToday && startsBefore) {
      time = "until " + clock(ends);
    } else if (startsBefore && endsAfter) {
      time = "all day";
    } else {
      time = LocalTimes.span(m.startsAt(), m.endsAt(), zone);
    }
    return new Milestone(
        m.milestoneId(),
        m.kind(),
        m.stance(),
        m.campaignId(),
        m.branchId(),
        m.title(),
        m.startsAt(),
        m.endsAt(),
        time,
        gaps.stream()
            .filter(g -> g.milestoneId().equals(m.milestoneId()))
            .map(Gap::branchId)
            .toList());
  }

  /** {@code 15:00 CST}: the time and the zone's abbreviation. */
  private static String clock(ZonedDateTime time) {
    return TIME.format(time) + " " + LocalTimes.abbreviation(time);
  }

  private static ScheduledPost post(
      PostFact post,
      DecisionFact decision,
      List<CalendarFlag.Conflict> flags,
      LocalDate date,
      ZoneId zone) {
    boolean current = decision != null && decision.revision() == post.revision();
    ZonedDateTime at = post.scheduledAt().atZone(LocalTimes.readable(zone));
    List<Conflict> conflicts =
        flags.stream()
            .map(
                c ->
                    new Conflict(
                        c.milestoneId(),
                        c.milestoneTitle(),
                        c.avoidFrom(),
                        c.avoidUntil(),
                        c.suggestedAt(),
                        c.suggestedAt() == null
                            ? null
                            : LocalTimes.dayAndTime(c.suggestedAt(), zone),
                        c.message()))
            .toList();
    return new ScheduledPost(
        post.postId(),
        post.revision(),
        post.branchId(),
        post.platform(),
        post.channel(),
        post.category(),
        post.campaignId(),
        post.scheduledAt(),
        at.toLocalDate().equals(date) ? clock(at) : LocalTimes.dayAndTime(post.scheduledAt(), zone),
        preview(post.text()),
        current ? decision.status() : "PENDING",
        current && decision.released(),
        current
            ? decision.reasons().stream().map(DecisionFact.Reason::message).toList()
            : List.of(),
        current ? decision.warnings().stream().map(DecisionFact.Warning::code).toList() : List.of(),
        conflicts.stream()
            .sorted(Comparator.comparing(Conflict::avoidFrom).thenComparing(Conflict::milestoneId))
            .toList(),
        current ? decision.reviews() : List.of(),
        current ? override(decision) : null);
  }

  /**
   * "approved by ana over RATIO_LIMIT, CRISIS_PAUSE: Launch day": who approved an APPROVED post
   * over its hold, the codes of the hold's reasons ("the hold" when the dashboard did not see the
   * held decision) and the reviewer's reason (left out when none was given); null without an
   * override.
   */
  static String override(DecisionFact decision) {
    DecisionFact.ReviewerOverride override = decision.override();
    if (override == null || !"APPROVED".equals(decision.status())) {
      return null;
    }
    String over = override.over().isEmpty() ? "the hold" : String.join(", ", override.over());
    String reason =
        override.reason() == null || override.reason().isBlank() ? "" : ": " + override.reason();
    return "approved by " + override.reviewer() + " over " + over + reason;
  }

  static String preview(String text) {
    if (text == null) {
      return null;
    }
    if (text.codePointCount(0, text.length()) <= PREVIEW_CODE_POINTS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, PREVIEW_CODE_POINTS - 1)) + "…";
  }
}
