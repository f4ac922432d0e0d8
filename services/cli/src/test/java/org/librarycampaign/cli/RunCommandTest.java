package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  private static final String[] SERVICES = {
    "conflicts", "crisis", "dashboard", "dispatcher", "governance", "ingest", "publisher", "report"
  };

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine campaign = CampaignCommand.commandLine();
    campaign.setOut(new PrintWriter(out, true));
    campaign.setErr(new PrintWriter(err, true));
    return campaign.execute(args);
  }

  @Test
  void helpListsEveryService() {
    int exit = execute("run", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("campaign run [-hV] SERVICE").contains(SERVICES);
  }

  @Test
  void eachServiceHasItsOwnHelp() {
    for (String service : SERVICES) {
      out.getBuffer().setLength(0);

      int exit = execute("run", service, "--help");

      assertThat(exit).as(service).isZero();
      assertThat(out.toString())
          .as(service)
          .contains("campaign run " + service)
          .contains("--bootstrap", "--registry", "--config", "--http-port", "--instance-id");
    }
  }

  @Test
  void anUnknownServiceIsABadInputNamingTheValidOnes() {
    int exit = execute("run", "governor");

    assertThat(exit).isEqualTo(CampaignCommand.EXIT_BAD_INPUT);
    assertThat(err.toString())
        .contains("unknown service 'governor'")
        .contains(String.join(", ", SERVICES));
  }

  @Test
  void noServiceIsABadInputNamingTheValidOnes() {
    int exit = execute("run");

    assertThat(exit).isEqualTo(CampaignCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains(String.join(", ", SERVICES));
  }

  @Test
  void theDerivedInstanceIdNamesHostServiceAndPort() {
    ProcessHandle self = ProcessHandle.current();

    assertThat(RunServiceCommand.derivedInstanceId("Node_1", "governance", 8181, self))
        .isEqualTo("node-1-governance-8181");
    assertThat(RunServiceCommand.derivedInstanceId("node-1", "governance", 0, self))
        .isEqualTo("node-1-governance-pid" + self.pid());
  }

  @Test
  void anInstanceIdThatCannotNameADirectoryIsABadInput() {
    int exit = execute("run", "governance", "--instance-id", "../a");

    assertThat(exit).isEqualTo(CampaignCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("instance id '../a'");
  }
}
