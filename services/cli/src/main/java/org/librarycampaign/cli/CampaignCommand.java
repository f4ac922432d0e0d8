package org.librarycampaign.cli;

import org.librarycampaign.localruntime.StartupProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code campaign}: run and feed the campaign pipeline. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    versionProvider = CampaignCommand.Version.class,
    description = "Runs and feeds the library campaign pipeline.",
    subcommands = {
      UpCommand.class,
      EmitCommand.class,
      ExportCommand.class,
      DeadLettersCommand.class,
      TopicsCommand.class,
      PlanCommand.class,
      RunCommand.class,
      AclsCommand.class,
      ReportCommand.class,
      ImportIcsCommand.class,
      CalendarLinkCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CampaignCommand {

  /**
   * Exit code of a bad input line or bad arguments, and of a {@code campaign up} that cannot start
   * (a port in use, a data directory in use or not writable).
   */
  public static final int EXIT_BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine campaign = new CommandLine(new CampaignCommand());
    RunCommand.addServices(campaign.getSubcommands().get("run"));
    return campaign
        .setExitCodeExceptionMapper(
            error ->
                error instanceof BadInputException || error instanceof StartupProblem
                    ? EXIT_BAD_INPUT
                    : 1)
        .setExecutionExceptionHandler(
            (error, commandLine, parseResult) -> {
              commandLine.getErr().println("campaign: " + error.getMessage());
              return commandLine.getExitCodeExceptionMapper().getExitCode(error);
            });
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CampaignCommand.class.getPackage().getImplementationVersion();
      return new String[] {"campaign " + (version == null ? "(development build)" : version)};
    }
  }
}
