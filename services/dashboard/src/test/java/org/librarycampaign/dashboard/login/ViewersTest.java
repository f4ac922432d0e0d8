package org.librarycampaign.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewersTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void aHashedOrPlainPasswordLetsItsUserInAndNoOneElse() {
    Properties file = new Properties();
    file.setProperty("alice", Viewers.hashed("correct horse battery", random));
    file.setProperty("bob", "another-long-password");
    Viewers viewers = Viewers.parse(file, "viewers.properties", random);

    assertThat(viewers.authenticate("alice", "correct horse battery")).hasValue("alice");
    assertThat(viewers.authenticate("bob", "another-long-password")).hasValue("bob");
    assertThat(viewers.authenticate("alice", "another-long-password")).isEmpty();
    assertThat(viewers.authenticate("carol", "correct horse battery")).isEmpty();
    assertThat(viewers.authenticate(null, null)).isEmpty();
  }

  @Test
  void aBadEntryIsRefusedNamingTheUserButNotTheValue() {
    Properties shortPassword = new Properties();
    shortPassword.setProperty("alice", "tooshort");
    Properties badHash = new Properties();
    badHash.setProperty("bob", "pbkdf2-sha256:1000:00:secretvalue");

    assertThatThrownBy(() -> Viewers.parse(shortPassword, "f", random))
        .hasMessageContaining("f user alice")
        .hasMessageNotContaining("tooshort");
    assertThatThrownBy(() -> Viewers.parse(badHash, "f", random))
        .hasMessageContaining("f user bob")
        .hasMessageNotContaining("secretvalue");
    assertThatThrownBy(() -> Viewers.parse(new Properties(), "f", random))
        .hasMessageContaining("no viewers");
  }

  @Test
  void theDevelopmentViewerIsMadeOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dashboard-viewers.properties");

    DevelopmentViewers.loadOrCreate(file, random);
    String first = Files.readString(file);
    Viewers viewers = DevelopmentViewers.loadOrCreate(file, random);
    Properties written = Viewers.load(file);

    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(viewers.authenticate("viewer", written.getProperty("viewer"))).hasValue("viewer");
  }
}
