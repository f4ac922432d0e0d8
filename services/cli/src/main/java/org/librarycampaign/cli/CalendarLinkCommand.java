package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.librarycampaign.platform.calendar.CalendarLinks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "calendar-link",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the secret link of a branch's calendar feed (iCalendar: its posts with their status,",
      "milestones, conflicts and amplify gaps), signed with the first key of",
      "campaign.calendar.keys. Subscribe to it in Google Calendar, Outlook or Apple Calendar.",
      "Anyone with the link can read the feed: share it like a password."
    })
final class CalendarLinkCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @Option(names = "--branch", required = true, paramLabel = "ID", description = "The branch.")
  String branch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CalendarLinks links;
    try {
      links = CalendarLinks.from(cluster.config());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (branch.isBlank() || "*".equals(branch.strip())) {
      throw new BadInputException("--branch must name one branch");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(links.link(branch.strip()));
    if (links.usesDevelopmentKey()) {
      spec.commandLine()
          .getErr()
          .println(
              "campaign: signed with the development key; set "
                  + CalendarLinks.KEYS
                  + " before sharing links");
    }
    return 0;
  }
}
