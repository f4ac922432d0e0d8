package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  @TempDir Path temp;

  private Path jar() throws Exception {
    Path jar = temp.resolve("runner.jar");
    if (!Files.exists(jar)) {
      Files.writeString(jar, "classes");
      Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
    }
    return jar;
  }

  private static Path pending(ClassDataArchive classData) {
    return classData.archive().resolveSibling(classData.archive().getFileName() + ".new");
  }

  @Test
  void theFirstChildWritesTheArchiveAndLaterOnesMapIt() throws Exception {
    Path storage = temp.resolve("registry");
    ClassDataArchive first = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true);
    assertThat(first.writing()).isTrue();
    assertThat(first.state()).isEqualTo("writing");
    assertThat(first.jvmOptions())
        .containsExactly(
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:+AllowArchivingWithJavaAgent",
            "-XX:ArchiveClassesAtExit=" + pending(first),
            "-Xlog:cds=off");
    assertThat(first.archive().getParent()).isEqualTo(storage.resolve("class-data"));

    Files.writeString(pending(first), "archived classes"); // what the child writes as it exits
    first.childExited(true);
    assertThat(first.archive()).hasContent("archived classes");
    assertThat(pending(first)).doesNotExist();

    ClassDataArchive second = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true);
    assertThat(second.archive()).isEqualTo(first.archive());
    assertThat(second.writing()).isFalse();
    assertThat(second.state()).isEqualTo("mapped");
    assertThat(second.jvmOptions())
        .containsExactly(
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:+AllowArchivingWithJavaAgent",
            "-XX:SharedArchiveFile=" + first.archive(),
            "-Xlog:cds=off");
    second.childExited(false);
    assertThat(first.archive()).hasContent("archived classes");
  }

  @Test
  void aChildKilledWhileWritingLeavesNoArchive() throws Exception {
    Path storage = temp.resolve("registry");
    ClassDataArchive first = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true);
    first.jvmOptions();
    Files.writeString(pending(first), "half an archi");
    first.childExited(false);

    assertThat(first.archive()).doesNotExist();
    assertThat(pending(first)).doesNotExist();
    assertThat(ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true).writing()).isTrue();
  }

  @Test
  void aRebuiltJarOrAnotherJvmGetsAnArchiveOfItsOwnAndTheOldOneGoes() throws Exception {
    Path storage = temp.resolve("registry");
    ClassDataArchive old = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true);
    old.jvmOptions();
    Files.writeString(pending(old), "old classes");
    old.childExited(true);

    ClassDataArchive otherJvm = ClassDataArchive.forJar(storage, jar(), "21.0.5+11", true);
    assertThat(otherJvm.archive()).isNotEqualTo(old.archive());
    assertThat(otherJvm.writing()).isTrue();

    Files.setLastModifiedTime(jar(), FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));
    ClassDataArchive rebuilt = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", true);
    assertThat(rebuilt.archive()).isNotEqualTo(old.archive());
    assertThat(rebuilt.writing()).isTrue();
    rebuilt.jvmOptions();
    Files.writeString(pending(rebuilt), "new classes");
    rebuilt.childExited(true);

    assertThat(rebuilt.archive()).hasContent("new classes");
    assertThat(old.archive()).doesNotExist();
  }

  @Test
  void hotSpotJvmsAreRecognisedByName() {
    assertThat(ClassDataArchive.hotSpot("OpenJDK 64-Bit Server VM")).isTrue();
    assertThat(ClassDataArchive.hotSpot("Java HotSpot(TM) 64-Bit Server VM")).isTrue();
    assertThat(ClassDataArchive.hotSpot("Eclipse OpenJ9 VM")).isFalse();
    // this very JVM, which the child runs on too (a HotSpot JVM is what the project builds with)
    assertThat(ClassDataArchive.hotSpot(System.getProperty("java.vm.name"))).isTrue();
  }

  @Test
  void offUnlessAskedFor() throws Exception {
    Path storage = temp.resolve("registry");
    System.clearProperty(ClassDataArchive.ENABLED_PROPERTY);
    assertThat(ClassDataArchive.forJar(storage, jar()).state()).isEqualTo("off");
    System.setProperty(ClassDataArchive.ENABLED_PROPERTY, "true");
    try {
      assertThat(ClassDataArchive.forJar(storage, jar()).state()).isEqualTo("writing");
    } finally {
      System.clearProperty(ClassDataArchive.ENABLED_PROPERTY);
    }
  }

  @Test
  void offMeansNoOptionsAndNothingWritten() throws Exception {
    Path storage = temp.resolve("registry");
    ClassDataArchive off = ClassDataArchive.forJar(storage, jar(), "17.0.15+6", false);
    assertThat(off.jvmOptions()).isEmpty();
    assertThat(off.writing()).isFalse();
    assertThat(off.state()).isEqualTo("off");
    off.childExited(true);
    assertThat(storage.resolve("class-data")).doesNotExist();
  }
}
