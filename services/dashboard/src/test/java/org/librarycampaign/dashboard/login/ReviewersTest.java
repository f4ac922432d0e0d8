package org.librarycampaign.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewersTest {

  private final SecureRandom random = new SecureRandom();

  private Properties file(String... lines) {
    Properties file = new Properties();
    for (int i = 0; i < lines.length; i += 2) {
      file.setProperty(lines[i], lines[i + 1]);
    }
    return file;
  }

  @Test
  void aReviewerLineMakesAViewerAReviewerOfEveryBranchOrOfSome() {
    Viewers viewers =
        Viewers.parse(
            file(
                "alice", "correct horse battery",
                "bob", "another-long-password",
                "carol", "a third long password",
                "reviewer.alice", "*",
                "reviewer.bob", " eastside , westside "),
            "viewers.properties",
            random);
    Reviewers reviewers = viewers.reviewers();

    assertThat(reviewers.mayReview("alice", "eastside")).isTrue();
    assertThat(reviewers.mayReview("alice", "anywhere")).isTrue();
    assertThat(reviewers.mayReview("bob", "westside")).isTrue();
    assertThat(reviewers.mayReview("bob", "northgate")).isFalse();
    assertThat(reviewers.mayReview("carol", "eastside")).isFalse();
    assertThat(reviewers.mayReview(null, "eastside")).isFalse();
    assertThat(reviewers.branchesOf("bob")).containsExactly("eastside", "westside");
    assertThat(reviewers.branchesOf("carol")).isEmpty();
    assertThat(viewers.authenticate("reviewer.alice", "*")).isEmpty();
    assertThat(viewers.authenticate("alice", "correct horse battery")).hasValue("alice");
  }

  @Test
  void aBadReviewerLineStopsTheStartNamingTheLine() {
    assertThatThrownBy(
            () ->
                Viewers.parse(
                    file("alice", "correct horse battery", "reviewer.mallory", "*"), "f", random))
        .hasMessage(
            "f line reviewer.mallory: mallory is not a viewer; add a line mallory=<password hash>");
    assertThatThrownBy(
            () ->
                Viewers.parse(
                    file("alice", "correct horse battery", "reviewer.alice", "east side"),
                    "f",
                    random))
        .hasMessageContaining("f line reviewer.alice: 'east side' is not a branch id");
    assertThatThrownBy(
            () ->
                Viewers.parse(
                    file("alice", "correct horse battery", "reviewer.alice", "*,eastside"),
                    "f",
                    random))
        .hasMessage("f line reviewer.alice: * already means every branch");
  }

  @Test
  void theDevelopmentFileHasAReviewerOfEveryBranch(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dashboard-viewers.properties");

    Viewers viewers = DevelopmentViewers.loadOrCreate(file, random);
    Properties written = Viewers.load(file);

    assertThat(written.stringPropertyNames())
        .containsExactlyInAnyOrder("viewer", "director", "reviewer.director");
    assertThat(viewers.authenticate("director", written.getProperty("director")))
        .hasValue("director");
    assertThat(viewers.reviewers().branchesOf("director")).isEqualTo(Set.of("*"));
    assertThat(viewers.reviewers().branchesOf("viewer")).isEmpty();
  }

  @Test
  void anOlderDevelopmentFileGetsTheReviewerAndKeepsTheViewersPassword(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("dashboard-viewers.properties");
    Files.writeString(file, "viewer=the-old-viewer-password\n");

    Viewers viewers = DevelopmentViewers.loadOrCreate(file, random);

    assertThat(viewers.authenticate("viewer", "the-old-viewer-password")).hasValue("viewer");
    assertThat(viewers.reviewers().mayReview("director", "eastside")).isTrue();
  }
}
