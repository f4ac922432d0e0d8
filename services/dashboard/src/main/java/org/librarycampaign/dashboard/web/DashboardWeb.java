package org.librarycampaign.dashboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.board.Board;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.login.Sessions;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.dashboard.review.ReviewDesk;
import org.librarycampaign.dashboard.store.ViewUnavailableException;

/**
 * The dashboard's HTTP side: the page and its assets (from the jar), the JSON API and the live
 * stream.
 *
 * <pre>
 * GET /login                  the login form; POST /login logs in, POST /logout out
 * GET /                       the page
 * GET /assets/{file}          its stylesheet and script
 * GET /api/board              everything below at once            (?week=YYYY-MM-DD: that week's calendar; ?branch=: one branch's, in its zone)
 * GET /api/balance            per channel: this week's content, campaign and allowed posts, daily caps
 * GET /api/held               held posts, why, and what would release them
 * GET /api/calendar           a week of posts, milestones, conflicts and amplify gaps (?week=)
 * GET /api/incidents          incidents, who was notified, acknowledgements, delivery receipts
 * GET /api/outbox             messages written to the local outbox instead of sent
 * GET /api/dead-letters       dead-letter count and the latest reasons
 * GET /api/publications       the publisher's latest receipt per post revision, its local outbox
 * GET /api/me                 the logged-in user, the branches they review, the session's CSRF token
 * POST /api/reviews           a review (approve, reject, reschedule) written to campaign.posts
 * GET /api/stream             Server-Sent Events: "board" (the whole board) on connect and on change (?week=)
 * </pre>
 *
 * Everything but the login form and the assets needs a viewer's session ({@link Login}): the page
 * redirects to the form, the API answers 401. Answers 503 while the views are not readable
 * (starting, rebalancing), 400 for a bad week.
 */
public final class DashboardWeb implements AutoCloseable {

  /** A branch id, as the events' rules allow one (not {@code *}). */
  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  static final String PAGE = "/";
  static final String ASSETS = "/assets/{file}";
  static final String API = "/api";

  private static final Map<String, String> ASSET_TYPES =
      Map.of(
          "dashboard.css", "text/css; charset=utf-8",
          "dashboard.js", "text/javascript; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private static final String RESOURCES = "/org/librarycampaign/dashboard/web/";

  private final BoardSource source;
  private final LiveUpdates live;
  private final Login login;
  private final ReviewRoutes reviews;
  private final byte[] page;
  private final Map<String, byte[]> assets;

  private DashboardWeb(BoardSource source, LiveUpdates live, Login login, ReviewRoutes reviews) {
    this.source = source;
    this.live = live;
    this.login = login;
    this.reviews = reviews;
    this.page = resource("index.html");
    this.assets =
        Map.of(
            "dashboard.css", resource("dashboard.css"),
            "dashboard.js", resource("dashboard.js"),
            "favicon.svg", resource("favicon.svg"));
  }

  /** Serves the board to the given viewers once they have logged in. */
  public static DashboardWeb start(
      BoardSource source, DashboardSettings settings, Viewers viewers) {
    return start(source, settings, viewers, null, Clock.systemUTC());
  }

  /**
   * Serves the board, and takes reviews from the viewers who are reviewers ({@code GET /api/me},
   * {@code POST /api/reviews}).
   *
   * @param desk where reviews are checked and written; null for a board without reviews
   * @param clock the time of a review
   */
  public static DashboardWeb start(
      BoardSource source,
      DashboardSettings settings,
      Viewers viewers,
      ReviewDesk desk,
      Clock clock) {
    Sessions sessions = new Sessions(settings.sessionLifetime(), Clock.systemUTC());
    return new DashboardWeb(
        source,
        LiveUpdates.start(source, settings.refreshInterval(), settings.heartbeatInterval()),
        new Login(viewers, sessions, resource("login.html")),
        desk == null ? null : new ReviewRoutes(desk, viewers.reviewers(), sessions, clock));
  }

  public void addRoutes(RoutesConfig routes) {
    login.addRoutes(routes);
    routes.get(
        PAGE,
        ctx ->
            ctx.contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .result(page));
    routes.get(ASSETS, this::asset);
    routes.get(API + "/board", ctx -> answer(ctx, board -> board));
    routes.get(API + "/balance", ctx -> answer(ctx, Board::balance));
    routes.get(API + "/held", ctx -> answer(ctx, Board::held));
    routes.get(API + "/calendar", ctx -> answer(ctx, Board::calendar));
    routes.get(API + "/incidents", ctx -> answer(ctx, Board::incidents));
    routes.get(API + "/outbox", ctx -> answer(ctx, Board::outbox));
    routes.get(API + "/dead-letters", ctx -> answer(ctx, Board::deadLetters));
    routes.get(API + "/publications", ctx -> answer(ctx, Board::publications));
    if (reviews != null) {
      reviews.addRoutes(routes);
    }
    routes.sse(
        API + "/stream",
        client -> {
          LocalDate week;
          String branch;
          try {
            week = week(client.ctx());
            branch = branch(client.ctx());
          } catch (IllegalArgumentException e) {
            client.sendEvent("failure", FactJson.write(Map.of("error", e.getMessage())));
            client.close();
            return;
          }
          live.connect(client, week, branch);
        });
  }

  private void asset(Context ctx) {
    String file = ctx.pathParam("file");
    byte[] bytes = assets.get(file);
    if (bytes == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("not found");
      return;
    }
    ctx.contentType(ASSET_TYPES.get(file)).header("Cache-Control", "no-cache").result(bytes);
  }

  private void answer(Context ctx, Function<Board, Object> part) {
    LocalDate week;
    String branch;
    try {
      week = week(ctx);
      branch = branch(ctx);
    } catch (IllegalArgumentException e) {
      json(ctx.status(HttpStatus.BAD_REQUEST), Map.of("error", e.getMessage()));
      return;
    }
    try {
      json(ctx, part.apply(source.board(week, branch)));
    } catch (ViewUnavailableException e) {
      json(
          ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1"),
          Map.of("error", e.getMessage()));
    }
  }

  private static void json(Context ctx, Object body) {
    ctx.contentType("application/json").header("Cache-Control", "no-store").result(write(body));
  }

  private static String write(Object body) {
    return FactJson.write(body);
  }

  static LocalDate week(Context ctx) {
    String week = ctx.queryParam("week");
    if (week == null || week.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(week.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "week must be a date such as 2026-11-30, got '" + week + "'");
    }
  }

  /** {@code ?branch=}: the one branch the calendar shows, or null for every branch. */
  static String branch(Context ctx) {
    String branch = ctx.queryParam("branch");
    if (branch == null || branch.isBlank()) {
      return null;
    }
    if (!BRANCH.matcher(branch.trim()).matches()) {
      throw new IllegalArgumentException(
          "branch must be a branch id such as eastside, got '" + branch + "'");
    }
    return branch.trim();
  }

  private static byte[] resource(String name) {
    try (InputStream in = DashboardWeb.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    live.close();
  }
}
