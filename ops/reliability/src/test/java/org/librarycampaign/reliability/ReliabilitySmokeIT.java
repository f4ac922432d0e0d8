package org.librarycampaign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The reliability scenarios at smoke size (docs/RELIABILITY.md), on the shared broker and registry
 * and side by side: the same code as {@code ops/reliability/run}, with small counts and one kill
 * where the full run makes three. Each test fails with the properties that did not hold. The
 * three-broker leader scenario runs only in the full run ({@code ScaleOutIT} covers three broker
 * JVMs in the build).
 */
class ReliabilitySmokeIT {

  private static final long SEED = 42;
  private static ReliabilityRun.Stage stage;

  @BeforeAll
  static void stage() throws Exception {
    SharedStack shared = SharedStack.get();
    Path dir = Files.createDirectories(Path.of("target", "reliability-smoke").toAbsolutePath());
    stage =
        new ReliabilityRun.Stage(
            shared.bootstrapServers(), shared.registryUrl(), Files.createTempDirectory(dir, "it-"));
  }

  @Test
  void streamsServicesKilledUnderLoadMatchThePlan() throws Exception {
    assertPassed(Scenarios.run("crash", stage, true, SEED));
  }

  @Test
  void theDispatcherKilledMidBatchDeliversEveryNotificationOnceAfterDedup() throws Exception {
    assertPassed(Scenarios.run("dispatcher", stage, true, SEED));
  }

  @Test
  void everyPoisonRecordIsAccountedForAndEveryValidOneDecided() throws Exception {
    assertPassed(Scenarios.run("poison", stage, true, SEED));
  }

  @Test
  void aRegistryOutageDeadLettersNothingAndLosesNothing() throws Exception {
    assertPassed(Scenarios.run("registry", stage, true, SEED));
  }

  private static void assertPassed(Result result) {
    assertThat(result.problems()).as(result.scenario() + " " + result.figures()).isEmpty();
  }
}
