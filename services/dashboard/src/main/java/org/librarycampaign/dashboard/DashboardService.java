package org.librarycampaign.dashboard;

import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.librarycampaign.dashboard.board.Board;
import org.librarycampaign.dashboard.feed.CalendarFeedRoutes;
import org.librarycampaign.dashboard.login.DevelopmentViewers;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.dashboard.review.KafkaReviews;
import org.librarycampaign.dashboard.store.DashboardTopology;
import org.librarycampaign.dashboard.store.DeadLetterProducer;
import org.librarycampaign.dashboard.store.FactReader;
import org.librarycampaign.dashboard.web.DashboardWeb;
import org.librarycampaign.platform.calendar.CalendarLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.security.KafkaAccess;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The ops dashboard: the page at {@code /}, its JSON API under {@code /api} and its live stream at
 * {@code /api/stream}, over the views of {@link DashboardTopology}.
 *
 * <p>It does not offer its topology to {@code campaign plan}: it writes no topic, so a dry run
 * would print nothing more with it.
 */
public final class DashboardService implements CampaignService {

  /** The service's name: its application id suffix, readiness part and metric prefix. */
  public static final String NAME = "dashboard";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Its views' topology, and writing the reviews to {@code campaign.posts}; its dead-letter
   * producer writes where every service may.
   */
  @Override
  public KafkaAccess kafkaAccess(CampaignConfig config, TopicCatalogue topics) {
    return KafkaAccess.of(DashboardTopology.buildTopology(config, topics))
        .alsoWriting(List.of(KafkaReviews.topicOf(topics)));
  }

  @Override
  public RunningService start(ServiceContext context) {
    DashboardSettings settings = DashboardSettings.from(context.config());
    DeadLetterProducer deadLetters =
        DeadLetterProducer.start(context.config(), context.topics(), NAME);
    StreamsService streams =
        new StreamsService(
            NAME,
            DashboardTopology.buildTopology(context.config(), context.topics(), deadLetters),
            StreamsSettings.forService(context.config(), NAME, context.topics()));
    streams.start(context.readiness());
    Clock clock = Clock.systemUTC();
    KafkaReviews reviews =
        KafkaReviews.start(
            context.config(), context.topics(), NAME, () -> FactReader.read(streams.streams()));
    DashboardWeb web =
        DashboardWeb.start(
            (week, branch) ->
                Board.build(
                    FactReader.read(streams.streams()),
                    clock.instant(),
                    settings.zone(),
                    week,
                    branch,
                    settings.outboxDirectory().toString(),
                    settings.postOutboxDirectory().toString()),
            settings,
            settings.developmentViewers()
                ? DevelopmentViewers.loadOrCreate(settings.viewersFile(), new SecureRandom())
                : Viewers.read(settings.viewersFile()),
            reviews,
            clock);
    CalendarFeedRoutes calendarFeeds =
        new CalendarFeedRoutes(
            () -> FactReader.read(streams.streams()), CalendarLinks.from(context.config()));
    return new RunningService() {
      @Override
      public void addRoutes(RoutesConfig routes) {
        web.addRoutes(routes);
        calendarFeeds.addRoutes(routes);
      }

      @Override
      public List<String> describe() {
        return List.of(
            String.format(
                "Dashboard        http://localhost:%d/ (JSON: /api/board, live: /api/stream)",
                context.config().httpPort()),
            settings.developmentViewers()
                ? String.format(
                    "Dashboard login  user '%s' (reviewer: '%s'), passwords in %s",
                    DevelopmentViewers.USER, DevelopmentViewers.REVIEWER, settings.viewersFile())
                : String.format("Dashboard login  viewers in %s", settings.viewersFile()));
      }

      @Override
      public void close() {
        web.close();
        reviews.close();
        streams.close();
        deadLetters.close();
      }
    };
  }
}
