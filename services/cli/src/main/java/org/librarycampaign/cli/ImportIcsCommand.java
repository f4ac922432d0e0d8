package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.Stance;
import org.librarycampaign.calendars.FeedSync;
import org.librarycampaign.calendars.FeedText;
import org.librarycampaign.calendars.ics.FeedEvent;
import org.librarycampaign.calendars.ics.IcsException;
import org.librarycampaign.calendars.ics.IcsReader;
import org.librarycampaign.calendars.imports.FeedSource;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import-ics",
    mixinStandardHelpOptions = true,
    description = {
      "Reads an iCalendar feed (a file or an http(s) address) into campaign.milestones: each",
      "VEVENT becomes a community event, recurring events expanded over the horizon. Run it again",
      "after the feed changes: changed events get a new revision, cancelled (STATUS:CANCELLED)",
      "or vanished ones are cancelled, unchanged ones write nothing. What earlier imports of the",
      "same --feed wrote is read back from the topic. A feed that is not iCalendar, or an event",
      "that cannot become a milestone, stops the import with exit code 2 before anything is sent."
    })
final class ImportIcsCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", paramLabel = "FILE|URL", description = "The .ics file or address.")
  String location;

  @Option(
      names = "--branch",
      required = true,
      paramLabel = "ID|*",
      description = "The branch the events concern, or * for every branch.")
  String branch;

  @Option(
      names = "--stance",
      paramLabel = "AVOID|AMPLIFY",
      description = "Keep posts clear of these events (AVOID, the default) or amplify them.")
  String stance = "AVOID";

  @Option(
      names = "--feed",
      paramLabel = "NAME",
      description =
          "The feed's name in milestone ids (default: from the file or address, e.g. events for"
              + " .../events.ics). Use the same name each time: it is the memory of what the feed"
              + " produced.")
  String feed;

  @Option(
      names = "--horizon-days",
      paramLabel = "DAYS",
      description = "How far ahead events are read and recurring ones expanded (default: 90).")
  int horizonDays = 90;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Zone of all-day dates and times without a zone (default: UTC).")
  String zone = "UTC";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    FeedSource source = source();
    if (horizonDays < 1 || horizonDays > 3660) {
      throw new BadInputException("--horizon-days must be from 1 to 3660, got " + horizonDays);
    }
    ZoneId floating;
    try {
      floating = "UTC".equalsIgnoreCase(zone) ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new BadInputException(
          "--zone '" + zone + "' is not a time zone such as America/Chicago");
    }
    String text;
    try {
      text = FeedText.load(location, Duration.ofSeconds(30));
    } catch (FeedText.UnavailableException e) {
      err.println("campaign: " + e.getMessage());
      return 1;
    }
    Instant from = Clock.systemUTC().instant();
    Instant until = from.plus(Duration.ofDays(horizonDays));
    List<FeedEvent> events;
    try {
      // read it all before any connection: bad input sends nothing
      events = IcsReader.read(new StringReader(text), from, until, floating);
    } catch (IcsException e) {
      err.println(location + ": " + e.getMessage());
      throw new BadInputException("the feed was not imported; nothing was sent");
    }
    CampaignConfig config = cluster.config();
    TopicCatalogue topics = TopicCatalogue.forConfig(config);
    FeedSync.Result result;
    try (FeedSync sync = FeedSync.open(config, topics, Duration.ofSeconds(30))) {
      result = sync.sync(source, events, from, until);
    } catch (IcsException e) {
      err.println(location + ": " + e.getMessage());
      throw new BadInputException("the feed was not imported; nothing was sent");
    } catch (TimeoutException e) {
      err.println("campaign: " + e.getMessage());
      return 1;
    }
    long cancelled = result.written().stream().filter(MilestoneEvent::getCancelled).count();
    long fresh =
        result.written().stream().filter(m -> m.getRevision() == 1 && !m.getCancelled()).count();
    long changed = result.written().size() - cancelled - fresh;
    out.printf(
        Locale.ROOT,
        "%s: %d event%s in the next %d days; sent %d milestone%s (%d new, %d changed, %d cancelled)"
            + " to branch %s as %s%n",
        source.feed(),
        result.occurrences(),
        result.occurrences() == 1 ? "" : "s",
        horizonDays,
        result.written().size(),
        result.written().size() == 1 ? "" : "s",
        fresh,
        changed,
        cancelled,
        source.branchId(),
        source.stance());
    return 0;
  }

  private FeedSource source() {
    Stance parsed;
    try {
      parsed = Stance.valueOf(stance.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--stance must be AVOID or AMPLIFY, got '" + stance + "'");
    }
    if (parsed == Stance.NEUTRAL) {
      throw new BadInputException("--stance must be AVOID or AMPLIFY, got '" + stance + "'");
    }
    try {
      return new FeedSource(feed == null ? defaultFeedName(location) : feed, branch, parsed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The last part of the file name or address path, without its extension, as a feed name. */
  static String defaultFeedName(String location) {
    String path = location;
    if (FeedText.isAddress(location) || location.startsWith("webcal://")) {
      try {
        path = URI.create(location).getPath();
      } catch (IllegalArgumentException e) {
        path = location;
      }
    }
    Path name = path == null || path.isBlank() ? null : Path.of(path).getFileName();
    String base = name == null ? "feed" : name.toString();
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    String cleaned = base.replaceAll("[^A-Za-z0-9_-]", "-");
    if (cleaned.length() > 40) {
      cleaned = cleaned.substring(0, 40);
    }
    return cleaned.isEmpty() ? "feed" : cleaned;
  }
}
