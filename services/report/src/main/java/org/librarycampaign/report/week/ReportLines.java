package org.librarycampaign.report.week;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import library.campaign.events.AmplifyGap;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictDetected;
import library.campaign.events.ConflictEvent;
import library.campaign.events.IncidentStatus;
import library.campaign.events.PostDecision;

/**
 * What the weekly report keeps of each record it reads, one small line per post, conflict, amplify
 * gap and incident, keyed so that a branch's lines sit together ({@code <branchId>|<id>}). Each
 * {@code next} function folds one record into the line already kept (or none): pure, so the
 * service's stores and {@code campaign report}'s in-memory read give the same lines.
 */
public final class ReportLines {

  private ReportLines() {}

  /** The latest decision on a post (its latest revision). */
  public record DecisionLine(
      String postId,
      int revision,
      String branchId,
      String channelId,
      String category,
      String status,
      boolean released,
      List<String> reasons,
      Instant scheduledAt,
      Integer windowCampaign,
      Integer windowAllowedCampaign,
      Instant windowStart,
      Instant decidedAt) {

    public DecisionLine {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean campaign() {
      return "CAMPAIGN".equals(category);
    }
  }

  /** A post inside a community event's avoid window: found, and perhaps cleared. */
  public record ConflictLine(
      String postId,
      String milestoneId,
      String branchId,
      String milestoneTitle,
      Instant scheduledAt,
      Instant detectedAt,
      Instant clearedAt,
      String clearCause) {}

  /** An amplify milestone of the branch and whether a campaign post went out before it. */
  public record GapLine(
      String milestoneId,
      String branchId,
      String milestoneTitle,
      Instant startsAt,
      boolean open,
      Instant at) {}

  /** An incident of the branch: when it was reported, acknowledged and resolved. */
  public record IncidentLine(
      String incidentId,
      String branchId,
      String severity,
      String summary,
      String state,
      String acknowledgedBy,
      Instant reportedAt,
      Instant acknowledgedAt,
      Instant resolvedAt) {}

  /** The store key of a line: its branch first, so that a branch's lines are one prefix. */
  public static String key(String branchId, String id) {
    return branchId + "|" + id;
  }

  /** The branch of a conflicts-topic record, whichever kind it is. */
  public static String branchOf(ConflictEvent event) {
    Object body = event.getEvent();
    if (body instanceof ConflictDetected d) {
      return d.getBranchId();
    }
    if (body instanceof ConflictCleared c) {
      return c.getBranchId();
    }
    if (body instanceof AmplifyGap g) {
      return g.getBranchId();
    }
    throw new IllegalArgumentException("not a conflicts record: " + body);
  }

  /** A later revision (or the same revision decided again) replaces the line; an older does not. */
  public static Optional<DecisionLine> next(DecisionLine kept, PostDecision d) {
    if (kept != null && d.getRevision() < kept.revision()) {
      return Optional.empty();
    }
    var window = d.getWindow();
    return Optional.of(
        new DecisionLine(
            d.getPostId(),
            d.getRevision(),
            d.getBranchId(),
            d.getChannelId(),
            d.getCategory().name(),
            d.getStatus().name(),
            d.getReleased(),
            d.getReasons().stream().map(r -> r.getCode().name()).toList(),
            d.getScheduledAt(),
            window == null ? null : window.getCampaign(),
            window == null ? null : window.getAllowedCampaign(),
            window == null ? null : window.getStart(),
            d.getDecidedAt()));
  }

  /** The conflict line id: one per post and community event. */
  public static String conflictId(String postId, String milestoneId) {
    return "conflict:" + postId + "|" + milestoneId;
  }

  public static String gapId(String milestoneId) {
    return "gap:" + milestoneId;
  }

  public static String decisionId(String postId) {
    return "post:" + postId;
  }

  public static String incidentId(String incidentId) {
    return "incident:" + incidentId;
  }

  /**
   * A detection opens the line (again, if it had been cleared: the conflict is found anew); a
   * detection of a conflict still open keeps its first time; a clearing closes it.
   */
  public static Optional<ConflictLine> next(ConflictLine kept, ConflictDetected d) {
    if (kept != null && kept.clearedAt() == null) {
      return Optional.of(
          new ConflictLine(
              kept.postId(),
              kept.milestoneId(),
              kept.branchId(),
              d.getMilestoneTitle(),
              d.getScheduledAt(),
              kept.detectedAt(),
              null,
              null));
    }
    return Optional.of(
        new ConflictLine(
            d.getPostId(),
            d.getMilestoneId(),
            d.getBranchId(),
            d.getMilestoneTitle(),
            d.getScheduledAt(),
            d.getDetectedAt(),
            null,
            null));
  }

  public static Optional<ConflictLine> next(ConflictLine kept, ConflictCleared c) {
    if (kept == null || kept.clearedAt() != null) {
      return Optional.empty();
    }
    return Optional.of(
        new ConflictLine(
            kept.postId(),
            kept.milestoneId(),
            kept.branchId(),
            kept.milestoneTitle(),
            kept.scheduledAt(),
            kept.detectedAt(),
            c.getClearedAt(),
            c.getCause().name()));
  }

  public static GapLine next(AmplifyGap g) {
    return new GapLine(
        g.getMilestoneId(),
        g.getBranchId(),
        g.getMilestoneTitle(),
        g.getStartsAt(),
        g.getOpen(),
        g.getAt());
  }

  public static IncidentLine next(IncidentStatus s) {
    return new IncidentLine(
        s.getIncidentId(),
        s.getBranchId(),
        s.getSeverity().name(),
        s.getSummary(),
        s.getState().name(),
        s.getAcknowledgedBy(),
        s.getReportedAt(),
        s.getAcknowledgedAt(),
        s.getResolvedAt());
  }
}
