package org.librarycampaign.localruntime;

/**
 * Why the local stack cannot start, found before anything was started: a port another process
 * holds, a data directory another {@code campaign up} uses or that cannot be written. The message
 * is one line that names the problem and what to do about it; there is nothing behind it worth a
 * stack trace.
 */
public final class StartupProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StartupProblem(String message) {
    super(message, null, false, false);
  }
}
