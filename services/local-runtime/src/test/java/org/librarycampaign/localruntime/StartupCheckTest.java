package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.localruntime.StartupCheck.PortClaim;

class StartupCheckTest {

  @Test
  void aPortSomeoneListensOnIsNamedWithTheOptionThatMovesIt() throws Exception {
    // Given a port another "process" listens on, on the loopback interface only
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int taken = other.getLocalPort();

      // When / Then
      assertThat(StartupCheck.inUse(taken)).isTrue();
      assertThatThrownBy(
              () ->
                  StartupCheck.requireFreePorts(
                      List.of(
                          new PortClaim(0, "schema registry", "--registry-port"),
                          new PortClaim(taken, "Kafka", "--kafka-port"))))
          .isInstanceOf(StartupProblem.class)
          .hasMessage(
              "port " + taken + " (Kafka) is in use: stop the other process or pass --kafka-port")
          .satisfies(problem -> assertThat(problem.getStackTrace()).isEmpty());
    }
  }

  @Test
  void aPortOnTheWildcardAddressCountsAsInUse() throws Exception {
    try (ServerSocket other = new ServerSocket(0)) {
      assertThat(StartupCheck.inUse(other.getLocalPort())).isTrue();
    }
  }

  @Test
  void freePortsAndPortZeroPass() throws Exception {
    int free;
    try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = released.getLocalPort();
    }

    assertThat(StartupCheck.inUse(free)).isFalse();
    assertThatCode(
            () ->
                StartupCheck.requireFreePorts(
                    List.of(
                        new PortClaim(free, "HTTP", "--http-port"),
                        new PortClaim(0, "Kafka", "--kafka-port"))))
        .doesNotThrowAnyException();
  }
}
