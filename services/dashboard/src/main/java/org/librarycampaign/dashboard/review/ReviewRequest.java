package org.librarycampaign.dashboard.review;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.login.Reviewers;

/**
 * The rules of a review sent from the dashboard's forms (fields {@code postId}, {@code revision},
 * {@code action}, {@code reason}, {@code scheduledAt}), checked against what the dashboard knows
 * now. Plain Java: the web side turns the outcome into an HTTP answer.
 *
 * <ul>
 *   <li>the post is known and not withdrawn, and {@code revision} is its latest (a review of an
 *       older revision would be ignored by governance: 409, reload);
 *   <li>the user reviews the post's branch (403 otherwise);
 *   <li>{@code APPROVE} only of a post whose latest decision is {@code HELD}, or {@code APPROVED}
 *       and waiting for a sign-off its channel requires (the approval signs it); {@code REJECT} of
 *       any live post; {@code RESCHEDULE} with a {@code scheduledAt} in the future;
 *   <li>a reason of {@value #MIN_REASON} to {@value #MAX_REASON} characters for APPROVE and REJECT
 *       (it is the audit trail); optional for RESCHEDULE.
 * </ul>
 *
 * The branch and platform written come from the post, never from the form.
 */
public final class ReviewRequest {

  public static final Set<String> ACTIONS = Set.of("APPROVE", "REJECT", "RESCHEDULE");
  static final int MIN_REASON = 3;
  static final int MAX_REASON = 500;

  /** What became of a request. */
  public sealed interface Outcome {}

  /** Valid: the review to write. */
  public record Accepted(Review review) implements Outcome {}

  /**
   * Refused, with a message per field.
   *
   * @param stale whether the post has changed since the page showed it (HTTP 409, not 400)
   */
  public record Invalid(Map<String, String> errors, boolean stale) implements Outcome {
    public Invalid {
      errors = Map.copyOf(errors);
    }
  }

  /** The user may not review this post's branch. */
  public record Forbidden(String message) implements Outcome {}

  private ReviewRequest() {}

  /**
   * @param form the submitted fields (absent ones null)
   * @param user the logged-in user
   */
  public static Outcome check(
      Map<String, String> form, String user, Reviewers reviewers, Facts facts, Instant now) {
    Map<String, String> errors = new LinkedHashMap<>();
    String postId = trimmed(form.get("postId"));
    String action = trimmed(form.get("action"));
    String reason = trimmed(form.get("reason"));
    Integer revision = null;
    if (postId == null) {
      errors.put("postId", "postId is required");
    }
    String revisionText = trimmed(form.get("revision"));
    if (revisionText == null) {
      errors.put("revision", "revision is required");
    } else {
      try {
        revision = Integer.parseInt(revisionText);
      } catch (NumberFormatException e) {
        errors.put("revision", "revision must be a whole number, got '" + revisionText + "'");
      }
    }
    if (action == null) {
      errors.put("action", "action is required: APPROVE, REJECT or RESCHEDULE");
    } else if (!ACTIONS.contains(action)) {
      errors.put("action", "action must be APPROVE, REJECT or RESCHEDULE, got '" + action + "'");
    }
    Instant scheduledAt = null;
    if ("RESCHEDULE".equals(action)) {
      String text = trimmed(form.get("scheduledAt"));
      if (text == null) {
        errors.put("scheduledAt", "scheduledAt is required to reschedule");
      } else {
        try {
          scheduledAt = Instant.parse(text);
          if (!scheduledAt.isAfter(now)) {
            errors.put("scheduledAt", "the new time " + text + " has already passed");
          }
        } catch (DateTimeParseException e) {
          errors.put(
              "scheduledAt",
              "scheduledAt must be an ISO-8601 instant such as 2026-12-05T20:00:00Z, got '"
                  + text
                  + "'");
        }
      }
    }
    boolean reasonNeeded = "APPROVE".equals(action) || "REJECT".equals(action);
    if (reason == null && reasonNeeded) {
      errors.put("reason", "say why: the reason is kept with the decision");
    } else if (reason != null && reasonNeeded && reason.length() < MIN_REASON) {
      errors.put("reason", "the reason must be at least " + MIN_REASON + " characters");
    } else if (reason != null && reason.length() > MAX_REASON) {
      errors.put(
          "reason",
          "the reason must be at most " + MAX_REASON + " characters, got " + reason.length());
    }
    PostFact post = postId == null ? null : find(facts, postId).orElse(null);
    if (postId != null && post == null) {
      errors.put("postId", "no post " + postId + " is known");
    } else if (post != null && post.withdrawn()) {
      errors.put("postId", "post " + postId + " was withdrawn by its branch");
    }
    if (!errors.isEmpty() || post == null) {
      return new Invalid(errors, false);
    }
    if (!reviewers.mayReview(user, post.branchId())) {
      return new Forbidden(user + " does not review the posts of " + post.branchId());
    }
    if (revision != post.revision()) {
      return new Invalid(
          Map.of(
              "revision",
              "revision "
                  + revision
                  + " is no longer the post's latest ("
                  + post.revision()
                  + "); look at the new revision and review that"),
          true);
    }
    if ("APPROVE".equals(action)) {
      DecisionFact decision = decision(facts, postId).orElse(null);
      if (decision == null || decision.revision() != post.revision()) {
        return new Invalid(
            Map.of(
                "action",
                "revision " + revision + " has no decision yet; only a held post can be approved"),
            true);
      }
      boolean waitsForSignOff =
          "APPROVED".equals(decision.status())
              && decision.signOff() != null
              && decision.signOff().waiting();
      if (!"HELD".equals(decision.status()) && !waitsForSignOff) {
        return new Invalid(
            Map.of(
                "action",
                "only a held post can be approved; "
                    + postId
                    + " is "
                    + decision.status().toLowerCase(java.util.Locale.ROOT)),
            true);
      }
    }
    return new Accepted(
        new Review(
            postId,
            post.revision(),
            post.branchId(),
            post.platform(),
            action,
            reason,
            user,
            now,
            scheduledAt));
  }

  private static Optional<PostFact> find(Facts facts, String postId) {
    return facts.posts().stream().filter(p -> p.postId().equals(postId)).findFirst();
  }

  private static Optional<DecisionFact> decision(Facts facts, String postId) {
    return facts.decisions().stream().filter(d -> d.postId().equals(postId)).findFirst();
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
