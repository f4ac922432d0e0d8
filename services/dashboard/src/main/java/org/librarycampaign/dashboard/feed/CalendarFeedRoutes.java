package org.librarycampaign.dashboard.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.store.ViewUnavailableException;
import org.librarycampaign.platform.calendar.CalendarLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The branch calendar feeds and their links.
 *
 * <pre>
 * GET /calendar/{token}.ics       a branch's iCalendar feed; the signed token is the credential
 *                                 (404 for an unknown, tampered or revoked link)
 * GET /api/calendar-link?branch=  the feed link of a branch, for a logged-in viewer (behind the
 *                                 dashboard login like every /api route)
 * </pre>
 */
public final class CalendarFeedRoutes {

  static final String FEED = "/calendar/{token}";
  static final String LINK = "/api/calendar-link";

  private static final Logger LOGGER = LoggerFactory.getLogger(CalendarFeedRoutes.class);

  private final Supplier<Facts> facts;
  private final CalendarLinks links;

  public CalendarFeedRoutes(Supplier<Facts> facts, CalendarLinks links) {
    this.facts = facts;
    this.links = links;
  }

  public void addRoutes(RoutesConfig routes) {
    routes.get(FEED, this::feed);
    routes.get(LINK, this::link);
  }

  private void feed(Context ctx) {
    Optional<String> branch = links.branchOf(ctx.pathParam("token"));
    if (branch.isEmpty()) {
      // never say why: a wrong link and a revoked one look the same from outside
      LOGGER.atInfo().addKeyValue("address", ctx.ip()).log("Calendar feed link refused");
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("not found");
      return;
    }
    Facts now;
    try {
      now = facts.get();
    } catch (ViewUnavailableException e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "5")
          .contentType("text/plain")
          .result(e.getMessage());
      return;
    }
    ctx.contentType("text/calendar; charset=utf-8")
        .header("Cache-Control", "no-store")
        .result(BranchCalendar.ics(now, branch.get()));
  }

  private void link(Context ctx) {
    String branch = ctx.queryParam("branch");
    if (branch == null || branch.isBlank() || "*".equals(branch.strip())) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .contentType("application/json")
          .result(
              FactJson.write(Map.of("error", "branch: name one branch, e.g. ?branch=riverside")));
      return;
    }
    ctx.contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(
            FactJson.write(
                Map.of(
                    "branch",
                    branch.strip(),
                    "link",
                    links.link(branch.strip()),
                    "developmentKey",
                    links.usesDevelopmentKey())));
  }
}
