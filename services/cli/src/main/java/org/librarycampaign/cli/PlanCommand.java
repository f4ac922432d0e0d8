package org.librarycampaign.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.librarycampaign.platform.config.CampaignConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run without a broker: runs the real topologies of every service on the JSON lines of",
      "FILE, in order, and prints every record they write as JSON lines, then a summary on",
      "stderr. The wall clock starts at the first instant in the file and moves forward to each",
      "line's own time (Tick lines move it too). Same file, same output. A bad line: exit 2,",
      "naming the line and what is wrong, before anything runs."
    })
final class PlanCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "File of JSON lines, or - for stdin.")
  String file;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = {
        "Properties file of campaign.* keys the topologies read, the file campaign up",
        "--config takes: every service's settings, e.g. campaign.conflicts.zone or",
        "campaign.crisis.fallback-contacts. The environment is not read: same file and config,",
        "same output. Zones of branches and channels are events, as in campaign up: a",
        "BranchSettings or ChannelPolicy line in FILE."
      })
  Path configFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Plan plan;
    try (BufferedReader reader = open()) {
      plan = Plan.read(reader);
    } catch (Plan.BadLineException e) {
      err.println(e.getMessage());
      throw new BadInputException("line " + e.lineNumber() + " is not a valid event");
    }
    CampaignConfig config =
        CampaignConfig.load(Optional.ofNullable(configFile), Map.of(), Map.of());
    Plan.Summary summary;
    try {
      summary = plan.run(out::println, config);
    } catch (IllegalArgumentException e) {
      // a setting a topology refuses (e.g. a malformed campaign.crisis.fallback-contacts)
      throw new BadInputException(e.getMessage());
    }
    out.flush();
    err.println(summary);
    return 0;
  }

  private BufferedReader open() throws IOException {
    return "-".equals(file)
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }
}
