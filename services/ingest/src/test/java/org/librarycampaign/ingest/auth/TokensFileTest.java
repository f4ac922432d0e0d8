package org.librarycampaign.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensFileTest {

  @TempDir Path dir;

  @Test
  void readsTheAdminAndBranchTokensInBothForms() throws IOException {
    Path file =
        write(
            "# comment",
            "admin=" + TokenRegistry.hashed("the-admin-token-123"),
            "branch.eastside=east-token-0123456789",
            "branch.westside=west-old-0123456789, " + TokenRegistry.hashed("west-new-0123456789"));

    TokenRegistry tokens = TokensFile.read(file);

    assertThat(tokens.size()).isEqualTo(4);
    assertThat(tokens.authenticate("the-admin-token-123")).contains(Caller.ADMIN);
    assertThat(tokens.authenticate("east-token-0123456789")).contains(Caller.branch("eastside"));
    assertThat(tokens.authenticate("west-old-0123456789")).contains(Caller.branch("westside"));
    assertThat(tokens.authenticate("west-new-0123456789")).contains(Caller.branch("westside"));
    assertThat(tokens.branches()).containsExactly("eastside", "westside");
  }

  @Test
  void aReviewerKeyGivesTheBranchsReviewerToken() throws IOException {
    Path file =
        write(
            "branch.eastside=east-token-0123456789",
            "reviewer.eastside=" + TokenRegistry.hashed("east-reviewer-0123456789"));

    TokenRegistry tokens = TokensFile.read(file);

    assertThat(tokens.authenticate("east-reviewer-0123456789"))
        .contains(Caller.reviewer("eastside"));
    assertThat(tokens.authenticate("east-token-0123456789")).contains(Caller.branch("eastside"));
    assertThat(Caller.reviewer("eastside")).isNotEqualTo(Caller.branch("eastside"));
    assertThatThrownBy(() -> TokensFile.read(write("reviewer.*=every-branch-0123456789")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reviewer.*");
  }

  @Test
  void anUnknownKeyIsAnErrorNamingTheKeyButNotTheValue() throws IOException {
    Path file = write("branches.eastside=east-token-0123456789");

    assertThatThrownBy(() -> TokensFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branches.eastside")
        .hasMessageNotContaining("east-token-0123456789");
  }

  @Test
  void aBranchKeyMustNameABranch() throws IOException {
    assertThatThrownBy(() -> TokensFile.read(write("branch.*=every-branch-0123456789")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch.*");
    assertThatThrownBy(() -> TokensFile.read(write("branch.=empty-branch-0123456789")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("tokens-" + System.nanoTime() + ".properties");
    Files.write(file, java.util.List.of(lines));
    return file;
  }
}
