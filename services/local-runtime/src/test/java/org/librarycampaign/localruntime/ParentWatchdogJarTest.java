package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.localruntime.agent.ParentWatchdog;

class ParentWatchdogJarTest {

  @Test
  void theAgentJarHoldsTheWatchdogAloneAndNamesItAsPremainClass(@TempDir Path dir)
      throws Exception {
    Path jar = ParentWatchdogJar.write(dir);

    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Premain-Class"))
          .isEqualTo(ParentWatchdog.class.getName());
      assertThat(Collections.list(file.entries()).stream().map(e -> e.getName()))
          .containsExactlyInAnyOrder(
              "META-INF/MANIFEST.MF",
              "org/librarycampaign/localruntime/agent/ParentWatchdog.class");
    }
  }

  @Test
  void theOptionPassesThisJvmsPidToTheAgent(@TempDir Path dir) {
    assertThat(ParentWatchdogJar.agentOption(dir))
        .isEqualTo(
            "-javaagent:"
                + dir.resolve(ParentWatchdogJar.FILE_NAME)
                + "="
                + ProcessHandle.current().pid());
  }

  @Test
  void writingAgainReplacesTheJar(@TempDir Path dir) {
    Path first = ParentWatchdogJar.write(dir);
    Path second = ParentWatchdogJar.write(dir);

    assertThat(second).isEqualTo(first).exists();
    assertThat(dir.toFile().list()).containsExactly(ParentWatchdogJar.FILE_NAME);
  }
}
