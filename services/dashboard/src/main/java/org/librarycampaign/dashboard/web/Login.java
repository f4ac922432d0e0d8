package org.librarycampaign.dashboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.librarycampaign.dashboard.DashboardMetrics;
import org.librarycampaign.dashboard.login.Sessions;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.platform.ops.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's login: a form at {@code /login} that sets a session cookie (HttpOnly,
 * SameSite=Strict, so no other site can send it along), and a guard in front of the page, the JSON
 * API and the live stream. Without a session the page redirects to the form and the API answers
 * 401. The assets (stylesheet, script, icon) hold nothing private and stay open, as do {@code
 * /live}, {@code /ready} and {@code /metrics}.
 */
final class Login {

  static final String PATH = "/login";
  static final String LOGOUT = "/logout";
  static final String COOKIE = "campaign_session";

  private static final Logger LOGGER = LoggerFactory.getLogger(Login.class);

  /** Login attempts per client address: enough for typos, far too few to guess a password. */
  private static final double ATTEMPTS_PER_SECOND = 0.2;

  private static final int ATTEMPTS_BURST = 10;

  private final Viewers viewers;
  private final Sessions sessions;
  private final String form;
  private final TokenBuckets attempts = new TokenBuckets(ATTEMPTS_PER_SECOND, ATTEMPTS_BURST);

  Login(Viewers viewers, Sessions sessions, byte[] form) {
    this.viewers = viewers;
    this.sessions = sessions;
    this.form = new String(form, StandardCharsets.UTF_8);
  }

  /** The form, logging in and out, and the guard of the page and the API. */
  void addRoutes(RoutesConfig routes) {
    routes.before(
        DashboardWeb.PAGE,
        ctx -> {
          if (user(ctx) == null) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(PATH, HttpStatus.SEE_OTHER);
          }
        });
    routes.before(
        DashboardWeb.API + "/*",
        ctx -> {
          if (user(ctx) == null) {
            throw new UnauthorizedResponse("log in first, at " + PATH);
          }
        });
    routes.get(PATH, ctx -> form(ctx, HttpStatus.OK, ""));
    routes.post(PATH, this::logIn);
    routes.post(
        LOGOUT,
        ctx -> {
          sessions.close(ctx.cookie(COOKIE));
          ctx.header("Set-Cookie", cookie(ctx, "", 0));
          ctx.redirect(PATH, HttpStatus.SEE_OTHER);
        });
  }

  private String user(Context ctx) {
    return sessions.user(ctx.cookie(COOKIE)).orElse(null);
  }

  private void logIn(Context ctx) {
    OptionalLong wait = attempts.tryTake(ctx.ip());
    if (wait.isPresent()) {
      Metrics.counter(DashboardMetrics.LOGINS, DashboardMetrics.TAG_OUTCOME, "limited").increment();
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      form(
          ctx,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many attempts; try again in " + wait.getAsLong() + " seconds.");
      return;
    }
    String user = ctx.formParam("username");
    var viewer = viewers.authenticate(user, ctx.formParam("password"));
    if (viewer.isEmpty()) {
      Metrics.counter(DashboardMetrics.LOGINS, DashboardMetrics.TAG_OUTCOME, "refused").increment();
      LOGGER.atInfo().addKeyValue("address", ctx.ip()).log("Dashboard login refused");
      form(ctx, HttpStatus.UNAUTHORIZED, "Wrong user name or password.");
      return;
    }
    Metrics.counter(DashboardMetrics.LOGINS, DashboardMetrics.TAG_OUTCOME, "accepted").increment();
    LOGGER.atInfo().addKeyValue("user", viewer.get()).log("Dashboard login");
    String session = sessions.open(viewer.get());
    ctx.header("Set-Cookie", cookie(ctx, session, sessions.lifetime().toSeconds()));
    ctx.redirect(DashboardWeb.PAGE, HttpStatus.SEE_OTHER);
  }

  private void form(Context ctx, HttpStatus status, String problem) {
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .header("Cache-Control", "no-store")
        .result(form.replace("<!--problem-->", problem));
  }

  private static String cookie(Context ctx, String value, long maxAgeSeconds) {
    return COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + ("https".equals(ctx.scheme()) ? "; Secure" : "");
  }
}
