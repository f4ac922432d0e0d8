package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.localruntime.DataDirectoryLock;
import picocli.CommandLine;

/**
 * {@code campaign up} that cannot start says why in one line and exits 2, before it has started
 * anything (so these tests need no broker and no registry).
 */
class UpCommandTest {

  @TempDir Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aKafkaPortInUseStopsUpWithOneLineNamingThePortAndTheOption() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int taken = other.getLocalPort();

      int exitCode = up("--kafka-port", Integer.toString(taken));

      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString())
          .isEqualTo(
              "campaign: port "
                  + taken
                  + " (Kafka) is in use: stop the other process or pass --kafka-port"
                  + System.lineSeparator());
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void anHttpPortInUseNamesTheHttpOption() throws Exception {
    try (ServerSocket other = new ServerSocket(0)) {
      int taken = other.getLocalPort();

      int exitCode = up("--kafka-port", "0", "--http-port", Integer.toString(taken));

      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString())
          .isEqualTo(
              "campaign: port "
                  + taken
                  + " (HTTP) is in use: stop the other process or pass --http-port"
                  + System.lineSeparator());
    }
  }

  @Test
  void aDataDirectoryInUseStopsUpWithOneLineNamingTheDirectoryAndTheOption() {
    // the lock a running campaign up holds
    try (DataDirectoryLock running = DataDirectoryLock.acquire(dataDir, "--data-dir")) {

      int exitCode = up("--kafka-port", "0");

      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString())
          .isEqualTo(
              "campaign: data directory "
                  + dataDir.toAbsolutePath()
                  + " is in use by another campaign up (pid "
                  + ProcessHandle.current().pid()
                  + "): stop it or pass --data-dir"
                  + System.lineSeparator());
      assertThat(out.toString()).isEmpty();
    }
    assertThat(Files.isDirectory(dataDir)).isTrue();
  }

  private int up(String... ports) {
    CommandLine command = CampaignCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    String[] args = new String[ports.length + 5];
    args[0] = "up";
    args[1] = "--data-dir";
    args[2] = dataDir.toString();
    args[3] = "--registry-port";
    args[4] = "0";
    System.arraycopy(ports, 0, args, 5, ports.length);
    return command.execute(args);
  }
}
