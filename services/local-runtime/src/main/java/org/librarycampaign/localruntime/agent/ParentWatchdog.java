package org.librarycampaign.localruntime.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * A Java agent that ends the JVM it runs in once the process that started it is gone, however that
 * process ended (kill -9 included): the registry child of {@code campaign up} must not outlive it
 * and keep holding its port. Two signals, whichever comes first: the end of standard input (the
 * parent holds the only writing end of the pipe, and the system closes it when the parent dies),
 * and the exit of the parent's process id (should standard input be closed or redirected).
 *
 * <p>Started with {@code -javaagent:<jar>=<parent pid>}; the jar holds only this class, so it
 * depends on nothing but the JDK. The JVM then exits normally (its shutdown hooks run, the registry
 * closes its database); if that takes more than {@value #HALT_AFTER_MS} ms it is halted.
 */
public final class ParentWatchdog {

  static final long HALT_AFTER_MS = 10_000;

  private static boolean exiting;

  private ParentWatchdog() {}

  /** The agent's entry point: {@code args} is the parent's process id. */
  public static void premain(String args, Instrumentation instrumentation) {
    long parentPid;
    try {
      parentPid = Long.parseLong(args == null ? "" : args.trim());
    } catch (NumberFormatException e) {
      System.err.println(
          "campaign parent watchdog: no parent pid given (" + args + "); not started");
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      exit("its parent (pid " + parentPid + ") was gone before it started");
      return;
    }
    parent.get().onExit().thenRun(() -> exit("its parent (pid " + parentPid + ") exited"));
    daemon("campaign-parent-stdin", () -> awaitEndOfInput(System.in, parentPid));
  }

  private static void awaitEndOfInput(InputStream in, long parentPid) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // whatever the parent writes means nothing: only the end of the stream does
      }
    } catch (IOException e) {
      // a broken pipe is an end of input too
    }
    exit("its parent's pipe (pid " + parentPid + ") closed");
  }

  private static synchronized void exit(String why) {
    if (exiting) {
      return;
    }
    exiting = true;
    System.err.println("campaign parent watchdog: stopping this JVM, " + why);
    daemon(
        "campaign-parent-halt",
        () -> {
          try {
            Thread.sleep(HALT_AFTER_MS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Runtime.getRuntime().halt(1);
        });
    // System.exit from a thread of its own: the caller may be a thread a shutdown hook waits for
    daemon("campaign-parent-exit", () -> System.exit(0));
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
