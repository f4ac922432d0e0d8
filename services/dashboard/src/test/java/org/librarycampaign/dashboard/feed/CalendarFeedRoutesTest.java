package org.librarycampaign.dashboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.store.ViewUnavailableException;
import org.librarycampaign.platform.calendar.CalendarLinks;

class CalendarFeedRoutesTest {

  static final String OLD = "old-secret-0123456789";
  static final String NEW = "new-secret-9876543210";

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean available = new AtomicBoolean(true);
  private Javalin app;
  private String base;

  private void start(CalendarLinks links) {
    CalendarFeedRoutes routes =
        new CalendarFeedRoutes(
            () -> {
              if (!available.get()) {
                throw new ViewUnavailableException("the dashboard's views are rebalancing", null);
              }
              return FeedFacts.twoBranches();
            },
            links);
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  routes.addRoutes(config.routes);
                })
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
  }

  static CalendarLinks links(String... idsAndSecrets) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < idsAndSecrets.length; i += 2) {
      keys.put(idsAndSecrets[i], idsAndSecrets[i + 1]);
    }
    return new CalendarLinks(keys, "https://campaign.example");
  }

  @BeforeEach
  void defaults() {
    available.set(true);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String path(String link) {
    return link.substring("https://campaign.example".length());
  }

  @Test
  void theSignedLinkServesTheBranchFeedThatTheLibraryParses() throws Exception {
    CalendarLinks links = links("k1", OLD);
    start(links);

    HttpResponse<String> feed = get(path(links.link("riverside")));

    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
    assertThat(BranchCalendarTest.parse(feed.body()).keySet())
        .contains("post-p-approved@library-campaign")
        .doesNotContain("post-p-hilltop@library-campaign");
  }

  @Test
  void anUnknownTamperedOrRevokedLinkIsNotFound() throws Exception {
    String signedWithOld = links("k1", OLD).link("riverside");
    start(links("k2", NEW));
    String good = links("k2", NEW).link("riverside");
    String hilltop = links("k2", NEW).token("hilltop").split("\\.")[1];
    String[] parts = good.substring(good.lastIndexOf('/') + 1).split("\\.");
    String swapped = "/calendar/" + parts[0] + "." + hilltop + "." + parts[2] + ".ics";

    assertThat(get(path(good)).statusCode()).isEqualTo(200);
    assertThat(get(swapped).statusCode()).isEqualTo(404);
    assertThat(get(path(signedWithOld)).statusCode()).isEqualTo(404);
    assertThat(get("/calendar/nonsense.ics").statusCode()).isEqualTo(404);
    assertThat(get("/calendar/nonsense.ics").body()).isEqualTo("not found");
  }

  @Test
  void linksOfTheOldKeyKeepWorkingWhileItIsStillListed() throws Exception {
    String signedWithOld = links("k1", OLD).link("riverside");
    start(links("k2", NEW, "k1", OLD));

    assertThat(get(path(signedWithOld)).statusCode()).isEqualTo(200);
  }

  @Test
  void unavailableViewsAnswer503AndTheLinkRouteNamesTheBranch() throws Exception {
    CalendarLinks links = links("k1", OLD);
    start(links);
    available.set(false);

    assertThat(get(path(links.link("riverside"))).statusCode()).isEqualTo(503);
    HttpResponse<String> link = get("/api/calendar-link?branch=riverside");
    assertThat(link.statusCode()).isEqualTo(200);
    assertThat(link.body()).contains("\"link\":\"" + links.link("riverside") + "\"");
    assertThat(get("/api/calendar-link").statusCode()).isEqualTo(400);
  }
}
