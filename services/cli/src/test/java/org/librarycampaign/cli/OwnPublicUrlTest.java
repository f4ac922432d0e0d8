package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.crisis.CrisisSettings;
import org.librarycampaign.ingest.respond.ResponderSettings;
import org.librarycampaign.platform.calendar.CalendarLinks;
import org.librarycampaign.platform.config.CampaignConfig;
import picocli.CommandLine;

/**
 * The links a command that serves HTTP writes (acknowledge links through the crisis and responder
 * settings, calendar links) point at its own port unless {@code campaign.public.url} is set; a
 * configuration without a port flag keeps the one default (no broker: only the configuration the
 * commands start the services with).
 */
class OwnPublicUrlTest {

  @TempDir Path dir;

  @Test
  void upOnAnotherHttpPortWritesItsLinksOnThatPort() {
    CampaignConfig config = up("--http-port", "18480");

    assertThat(config.httpPort()).isEqualTo(18480);
    assertLinksStartWith(config, "http://localhost:18480");
  }

  @Test
  void upWithoutAPortFlagWritesItsLinksOnItsDefaultPort() {
    CampaignConfig config = up();

    assertLinksStartWith(config, "http://localhost:8080");
  }

  @Test
  void upOnAPortFromItsConfigFileWritesItsLinksOnThatPort() throws IOException {
    Path file = properties("campaign.http.port=18482");

    CampaignConfig config = up("--config", file.toString());

    assertLinksStartWith(config, "http://localhost:18482");
  }

  @Test
  void anExplicitPublicUrlWinsOverTheHttpPort() throws IOException {
    Path file = properties("campaign.public.url=https://campaign.example.org/");

    CampaignConfig up = up("--http-port", "18480", "--config", file.toString());
    CampaignConfig run = run("crisis", "--http-port", "18481", "--config", file.toString());

    assertLinksStartWith(up, "https://campaign.example.org");
    assertLinksStartWith(run, "https://campaign.example.org");
  }

  @Test
  void runWithAnHttpPortFlagWritesItsLinksOnThatPort() {
    CampaignConfig config = run("crisis", "--http-port", "18481");

    assertLinksStartWith(config, "http://localhost:18481");
  }

  @Test
  void runWithoutThePortFlagComputesWhatAnyInstanceOfTheServiceComputes() throws IOException {
    // the port from a file (as compose and the scale-out test lay instances out) changes nothing:
    // every instance, and campaign plan, writes the same links
    Path file = properties("campaign.http.port=18483");

    CampaignConfig config = run("crisis", "--config", file.toString());

    assertThat(config.httpPort()).isEqualTo(18483);
    assertThat(config.get(CampaignConfig.PUBLIC_URL)).isEmpty();
    assertLinksStartWith(config, CampaignConfig.DEFAULT_PUBLIC_URL);
  }

  @Test
  void anyFreePortLeavesTheDefaultForItIsNotKnownBeforeTheServerStarts() {
    assertThat(up("--http-port", "0").get(CampaignConfig.PUBLIC_URL)).isEmpty();
    assertThat(run("crisis", "--http-port", "0").get(CampaignConfig.PUBLIC_URL)).isEmpty();
  }

  private static void assertLinksStartWith(CampaignConfig config, String publicUrl) {
    assertThat(config.publicUrl()).startsWith(publicUrl);
    assertThat(CrisisSettings.from(config).publicUrl()).startsWith(publicUrl);
    assertThat(ResponderSettings.from(config).publicUrl()).isEqualTo(publicUrl);
    assertThat(CalendarLinks.from(config).link("eastside")).startsWith(publicUrl + "/calendar/");
  }

  private Path properties(String line) throws IOException {
    return Files.writeString(dir.resolve("campaign.properties"), line + System.lineSeparator());
  }

  private CampaignConfig up(String... options) {
    UpCommand up = (UpCommand) parsed("up", options);
    return up.config();
  }

  private CampaignConfig run(String service, String... options) {
    String[] withService = new String[options.length + 1];
    withService[0] = service;
    System.arraycopy(options, 0, withService, 1, options.length);
    RunServiceCommand run = (RunServiceCommand) parsed("run", withService);
    return run.config();
  }

  /** The command the arguments name, its options set, not run. */
  private static Object parsed(String command, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = command;
    System.arraycopy(options, 0, args, 1, options.length);
    CommandLine.ParseResult result = CampaignCommand.commandLine().parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.commandSpec().userObject();
  }
}
