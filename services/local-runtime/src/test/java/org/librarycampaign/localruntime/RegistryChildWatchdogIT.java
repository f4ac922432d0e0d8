package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry child does not outlive its parent, kill -9 included: a JVM that starts the registry
 * as {@code campaign up} does ({@link RegistryParent}) is killed with SIGKILL, so none of its
 * shutdown hooks runs; the child's watchdog agent must stop the child and free its port.
 */
class RegistryChildWatchdogIT {

  private static final Duration CHILD_STARTED = Duration.ofSeconds(120);
  private static final Duration CHILD_GONE = Duration.ofSeconds(30);

  @Test
  void theRegistryChildStopsAndFreesItsPortWhenItsParentIsKilled(@TempDir Path dir)
      throws Exception {
    Path output = dir.resolve("parent.out");
    Process parent =
        new ProcessBuilder(
                List.of(
                    ChildProcesses.javaExecutable(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    RegistryParent.class.getName(),
                    RegistryProcess.locateRunnerJar().toString(),
                    dir.resolve("registry").toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    long childPid = -1;
    try {
      String line =
          await("the parent's line naming its registry child")
              .atMost(CHILD_STARTED)
              .pollInterval(Duration.ofMillis(200))
              .failFast("the parent exited", () -> !parent.isAlive())
              .until(() -> childLine(output), Optional::isPresent)
              .orElseThrow();
      String[] fields = line.substring(RegistryParent.LINE_PREFIX.length()).trim().split(" ");
      childPid = Long.parseLong(fields[0]);
      int port = Integer.parseInt(fields[1]);
      ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
      assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.pid());
      assertThat(StartupCheck.inUse(port)).as("the child listens on its port").isTrue();

      parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
      assertThat(parent.waitFor()).isEqualTo(137);

      await("the registry child's exit")
          .atMost(CHILD_GONE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !child.isAlive());
      await("the registry port free")
          .atMost(CHILD_GONE)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !StartupCheck.inUse(port));
      assertThat(Files.readString(dir.resolve("registry").resolve("registry.log")))
          .contains("campaign parent watchdog: stopping this JVM");
    } finally {
      parent.destroyForcibly();
      ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static Optional<String> childLine(Path output) throws IOException {
    if (!Files.exists(output)) {
      return Optional.empty();
    }
    return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith(RegistryParent.LINE_PREFIX))
        .findFirst();
  }
}
