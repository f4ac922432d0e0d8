package org.librarycampaign.localruntime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks, before anything starts, that the ports the local stack will listen on are free, so that a
 * port held by another process is reported in one line rather than as a broker or registry failing
 * half-way through its start.
 */
public final class StartupCheck {

  /**
   * A port the stack will listen on: what listens there ("Kafka") and the option that changes it
   * ("--kafka-port"). Port 0 means any free port and is never in use.
   */
  public record PortClaim(int port, String what, String option) {}

  private StartupCheck() {}

  /**
   * Throws a {@link StartupProblem} naming the first claimed port that some process already listens
   * on, and the option that moves it.
   */
  public static void requireFreePorts(List<PortClaim> claims) {
    for (PortClaim claim : claims) {
      if (claim.port() != 0 && inUse(claim.port())) {
        throw new StartupProblem(
            "port "
                + claim.port()
                + " ("
                + claim.what()
                + ") is in use: stop the other process or pass "
                + claim.option());
      }
    }
  }

  /**
   * Whether some process listens on the port, on any local address. The probe binds the wildcard
   * address, which clashes with a listener on the loopback interface as well as on every other; it
   * reuses the address as the broker and the HTTP server do, so that connections of a process that
   * just stopped (TIME_WAIT) do not count.
   */
  public static boolean inUse(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
