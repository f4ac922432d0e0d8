package org.librarycampaign.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.service.StandaloneService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code campaign run SERVICE}: one service as a process of its own. The services are found with
 * {@link java.util.ServiceLoader}, so each becomes a subcommand ({@code campaign run governance
 * --help}) without this class naming them.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "SERVICE",
    description = {
      "Runs one service as a process of its own, against a Kafka cluster and a schema",
      "registry that run elsewhere, with its own HTTP server (/live, /ready, /metrics",
      "and the service's API). Instances of a service share its partitions. The topics",
      "must exist ('campaign topics --create'). SIGTERM stops it cleanly."
    })
final class RunCommand implements Callable<Integer> {

  /** Catches a name that is not a subcommand, to answer with the valid ones. */
  @Parameters(arity = "0..1", paramLabel = "SERVICE", hidden = true)
  String unknownService;

  /** Adds a subcommand per service on the class path to the {@code run} command line. */
  static void addServices(CommandLine run) {
    for (CampaignService service : StandaloneService.available()) {
      CommandLine serviceCommand = new CommandLine(new RunServiceCommand(service));
      serviceCommand
          .getCommandSpec()
          .usageMessage()
          .description("Runs the " + service.name() + " service on its own.");
      run.addSubcommand(service.name(), serviceCommand);
    }
  }

  @Override
  public Integer call() {
    List<String> names = StandaloneService.available().stream().map(CampaignService::name).toList();
    if (unknownService == null) {
      throw new BadInputException("name the service to run, one of: " + String.join(", ", names));
    }
    throw new BadInputException(
        "unknown service '" + unknownService + "'; services: " + String.join(", ", names));
  }
}
