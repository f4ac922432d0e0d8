package org.librarycampaign.dashboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.librarycampaign.dashboard.DashboardMetrics;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.login.Reviewers;
import org.librarycampaign.dashboard.login.Sessions;
import org.librarycampaign.dashboard.review.Review;
import org.librarycampaign.dashboard.review.ReviewDesk;
import org.librarycampaign.dashboard.review.ReviewNotWrittenException;
import org.librarycampaign.dashboard.review.ReviewRequest;
import org.librarycampaign.dashboard.store.ViewUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews from the page: who is logged in and what they may review ({@code GET /api/me}, with the
 * session's CSRF token), and the review form ({@code POST /api/reviews}, form-encoded). Both sit
 * behind the login's guard of {@code /api/*}.
 *
 * <p>A review needs the session's CSRF token in the field {@code csrf} (403 without it), a user who
 * reviews the post's branch (403), and valid fields (400 with {@code errors} per field; 409 when
 * the post changed since the page showed it). It is then written to {@code campaign.posts} as a
 * {@code PostReviewed} by the logged-in user, and answered 202 with the review.
 */
final class ReviewRoutes {

  static final String ME = DashboardWeb.API + "/me";
  static final String REVIEWS = DashboardWeb.API + "/reviews";
  static final String CSRF_FIELD = "csrf";

  private static final Logger LOGGER = LoggerFactory.getLogger(ReviewRoutes.class);
  private static final List<String> FIELDS =
      List.of("postId", "revision", "action", "reason", "scheduledAt");

  private final ReviewDesk desk;
  private final Reviewers reviewers;
  private final Sessions sessions;
  private final Clock clock;

  ReviewRoutes(ReviewDesk desk, Reviewers reviewers, Sessions sessions, Clock clock) {
    this.desk = desk;
    this.reviewers = reviewers;
    this.sessions = sessions;
    this.clock = clock;
  }

  void addRoutes(RoutesConfig routes) {
    routes.get(ME, this::me);
    routes.post(REVIEWS, this::review);
  }

  private void me(Context ctx) {
    String session = ctx.cookie(Login.COOKIE);
    String user = sessions.user(session).orElseThrow();
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("user", user);
    me.put("reviews", reviewers.branchesOf(user));
    me.put("csrfToken", sessions.csrfToken(session).orElseThrow());
    json(ctx, HttpStatus.OK, me);
  }

  private void review(Context ctx) {
    String session = ctx.cookie(Login.COOKIE);
    String user = sessions.user(session).orElseThrow();
    if (!sessions.csrfMatches(session, ctx.formParam(CSRF_FIELD))) {
      outcome("forbidden");
      json(
          ctx,
          HttpStatus.FORBIDDEN,
          Map.of("error", "the form's CSRF token is missing or stale; reload the page"));
      return;
    }
    Map<String, String> form = new HashMap<>();
    for (String field : FIELDS) {
      form.put(field, ctx.formParam(field));
    }
    ReviewRequest.Outcome outcome;
    try {
      outcome = ReviewRequest.check(form, user, reviewers, desk.facts(), clock.instant());
    } catch (ViewUnavailableException e) {
      unavailable(ctx, e.getMessage());
      return;
    }
    if (outcome instanceof ReviewRequest.Forbidden forbidden) {
      outcome("forbidden");
      json(ctx, HttpStatus.FORBIDDEN, Map.of("error", forbidden.message()));
    } else if (outcome instanceof ReviewRequest.Invalid invalid) {
      outcome(invalid.stale() ? "stale" : "invalid");
      json(
          ctx,
          invalid.stale() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
          Map.of("error", "the review was not sent", "errors", invalid.errors()));
    } else if (outcome instanceof ReviewRequest.Accepted accepted) {
      write(ctx, accepted.review());
    }
  }

  private void write(Context ctx, Review review) {
    try {
      desk.write(review);
    } catch (ReviewNotWrittenException e) {
      unavailable(ctx, e.getMessage());
      return;
    }
    outcome("written");
    LOGGER
        .atInfo()
        .addKeyValue("postId", review.postId())
        .addKeyValue("revision", review.revision())
        .addKeyValue("action", review.action())
        .addKeyValue("reviewer", review.reviewer())
        .log("Review written from the dashboard");
    json(ctx, HttpStatus.ACCEPTED, review);
  }

  private void unavailable(Context ctx, String message) {
    outcome("unavailable");
    ctx.header("Retry-After", "1");
    json(
        ctx,
        HttpStatus.SERVICE_UNAVAILABLE,
        Map.of("error", "the review was not sent: " + message + "; send it again"));
  }

  private static void outcome(String outcome) {
    Metrics.counter(DashboardMetrics.REVIEWS, DashboardMetrics.TAG_OUTCOME, outcome).increment();
  }

  private static void json(Context ctx, HttpStatus status, Object body) {
    ctx.status(status)
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(FactJson.write(body));
  }
}
