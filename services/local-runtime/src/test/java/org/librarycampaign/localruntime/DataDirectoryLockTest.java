package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

  @TempDir Path temp;

  @Test
  void aSecondLockOnTheSameDirectoryIsRefusedNamingTheDirectoryAndTheOption() {
    Path dataDir = temp.resolve("campaign-data");
    try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDir, "--data-dir")) {
      assertThat(first.directory()).isEqualTo(dataDir.toAbsolutePath());
      assertThat(Files.isDirectory(dataDir)).isTrue();

      assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir, "--data-dir"))
          .isInstanceOf(StartupProblem.class)
          .hasMessage(
              "data directory "
                  + dataDir.toAbsolutePath()
                  + " is in use by another campaign up (pid "
                  + ProcessHandle.current().pid()
                  + "): stop it or pass --data-dir");
    }
  }

  @Test
  void theDirectoryCanBeLockedAgainOnceReleased() {
    Path dataDir = temp.resolve("campaign-data");
    DataDirectoryLock.acquire(dataDir, "--data-dir").close();

    try (DataDirectoryLock again = DataDirectoryLock.acquire(dataDir, "--data-dir")) {
      assertThat(again.directory()).isEqualTo(dataDir.toAbsolutePath());
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamedWithTheOption() throws Exception {
    Path aFile = Files.writeString(temp.resolve("not-a-directory"), "x");
    Path dataDir = aFile.resolve("campaign-data");

    assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir, "--data-dir"))
        .isInstanceOf(StartupProblem.class)
        .hasMessageStartingWith("data directory " + dataDir + " cannot be created (")
        .hasMessageEndingWith("): pass --data-dir with a directory you can write to")
        .hasMessageNotContaining("\n");
  }
}
