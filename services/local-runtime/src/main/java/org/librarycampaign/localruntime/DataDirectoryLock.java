package org.librarycampaign.localruntime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a data directory by one local stack: a lock ({@link FileChannel#tryLock()}) on
 * {@code campaign-up.lock} in the directory, held until {@link #close()} or until the process ends,
 * whichever comes first; the operating system releases it when the holder dies, so a crash leaves
 * nothing to clean up. The file holds the holder's process id, for the message of the one that is
 * refused.
 */
public final class DataDirectoryLock implements AutoCloseable {

  static final String FILE_NAME = "campaign-up.lock";

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and locks it; throws a {@link StartupProblem} naming the
   * directory and {@code option} (the option that picks another directory) when it cannot be
   * created or written, or when another process, or another stack in this one, holds it.
   */
  public static DataDirectoryLock acquire(Path dataDir, String option) {
    Path directory = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StartupProblem(
          "data directory "
              + directory
              + " cannot be created ("
              + describe(e)
              + "): pass "
              + option
              + " with a directory you can write to");
    }
    Path file = directory.resolve(FILE_NAME);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StartupProblem(
          "data directory "
              + directory
              + " is not writable ("
              + describe(e)
              + "): pass "
              + option
              + " with a directory you can write to");
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StartupProblem(
          "data directory " + directory + " cannot be locked (" + describe(e) + ")");
    }
    if (lock == null) {
      String holder = holder(channel);
      closeQuietly(channel);
      throw new StartupProblem(
          "data directory "
              + directory
              + " is in use by another campaign up"
              + holder
              + ": stop it or pass "
              + option);
    }
    DataDirectoryLock held = new DataDirectoryLock(directory, channel, lock);
    held.writeHolder();
    return held;
  }

  /** The locked directory, absolute. */
  public Path directory() {
    return directory;
  }

  /** Releases the lock. The file stays: deleting it would race with the next one to lock it. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel below releases the lock all the same
    } finally {
      closeQuietly(channel);
    }
  }

  private void writeHolder() {
    byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(false);
    } catch (IOException e) {
      close();
      throw new StartupProblem(
          "data directory " + directory + " is not writable (" + describe(e) + ")");
    }
  }

  /** " (pid N)" when the lock file names its holder, else nothing. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
      return pid.strip().matches("\\d+") ? " (pid " + pid.strip() + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
