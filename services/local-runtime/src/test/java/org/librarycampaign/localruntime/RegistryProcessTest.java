package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProcessTest {

  @TempDir Path temp;

  @Test
  void aPortAnotherProcessHoldsIsRefusedBeforeAnyChildStarts() throws Exception {
    // the jar is never run: the port is checked first
    Path jar = Files.writeString(temp.resolve("runner.jar"), "not a jar");
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int taken = other.getLocalPort();

      assertThatThrownBy(() -> RegistryProcess.start(jar, taken, temp.resolve("registry")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "The schema registry cannot listen on port " + taken + ": another process uses it");
    }
  }
}
