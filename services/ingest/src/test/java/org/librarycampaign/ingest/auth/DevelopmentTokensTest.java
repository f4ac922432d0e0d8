package org.librarycampaign.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.ingest.IngestService;
import org.librarycampaign.ingest.IngestSettings;
import org.librarycampaign.platform.config.CampaignConfig;

class DevelopmentTokensTest {

  @TempDir Path dataDir;

  @Test
  void makesAnAdminTokenAndOneTokenPerBranchReadableByTheOwnerOnly() throws IOException {
    Path file = dataDir.resolve("sub").resolve("ingest-tokens.properties");

    TokenRegistry tokens =
        DevelopmentTokens.loadOrCreate(file, List.of("eastside", "westside"), new SecureRandom());

    Properties written = read(file);
    assertThat(written.stringPropertyNames())
        .containsExactlyInAnyOrder("admin", "branch.eastside", "branch.westside");
    assertThat(tokens.authenticate(written.getProperty("admin"))).contains(Caller.ADMIN);
    assertThat(tokens.authenticate(written.getProperty("branch.westside")))
        .contains(Caller.branch("westside"));
    assertThat(written.getProperty("admin")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void keepsTheTokensItMadeAndAddsNewBranches() throws IOException {
    Path file = dataDir.resolve("ingest-tokens.properties");
    DevelopmentTokens.loadOrCreate(file, List.of("eastside"), new SecureRandom());
    Properties first = read(file);

    TokenRegistry tokens =
        DevelopmentTokens.loadOrCreate(file, List.of("eastside", "north:end"), new SecureRandom());

    Properties second = read(file);
    assertThat(second.getProperty("admin")).isEqualTo(first.getProperty("admin"));
    assertThat(second.getProperty("branch.eastside"))
        .isEqualTo(first.getProperty("branch.eastside"));
    assertThat(tokens.authenticate(second.getProperty("branch.north:end")))
        .contains(Caller.branch("north:end"));
  }

  @Test
  void refusesABranchThatIsNotAnId() {
    assertThatThrownBy(
            () ->
                DevelopmentTokens.loadOrCreate(
                    dataDir.resolve("t.properties"), List.of("east side"), new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("east side");
  }

  @Test
  void withoutATokensFileTheServiceUsesDevelopmentTokensInTheDataDirectory() throws IOException {
    IngestSettings settings =
        IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.DEV_BRANCHES, "eastside")));

    TokenRegistry tokens = IngestService.loadTokens(settings, dataDir);

    Properties written = read(dataDir.resolve(IngestSettings.DEV_TOKENS_FILE_NAME));
    assertThat(tokens.authenticate(written.getProperty("branch.eastside")))
        .contains(Caller.branch("eastside"));
  }

  @Test
  void withoutATokensFileAndWithoutDevelopmentTokensTheServiceDoesNotStart() {
    IngestSettings settings =
        IngestSettings.from(CampaignConfig.of(Map.of(IngestSettings.DEV_TOKENS, "false")));

    assertThatThrownBy(() -> IngestService.loadTokens(settings, dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(IngestSettings.TOKENS_FILE);
    assertThat(dataDir.resolve(IngestSettings.DEV_TOKENS_FILE_NAME)).doesNotExist();
  }

  private static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
