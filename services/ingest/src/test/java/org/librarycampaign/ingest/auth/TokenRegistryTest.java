package org.librarycampaign.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

  private static final String ADMIN_TOKEN = "admin-token-0123456789";
  private static final String EAST_TOKEN = "eastside-token-0123456789";
  private static final String WEST_TOKEN = "westside-token-0123456789";

  private final TokenRegistry tokens =
      TokenRegistry.builder()
          .add(Caller.ADMIN, ADMIN_TOKEN, "admin")
          .add(Caller.branch("eastside"), EAST_TOKEN, "branch.eastside")
          .add(Caller.branch("westside"), TokenRegistry.hashed(WEST_TOKEN), "branch.westside")
          .build();

  @Test
  void aKnownTokenNamesItsCaller() {
    assertThat(tokens.authenticate(ADMIN_TOKEN)).contains(Caller.ADMIN);
    assertThat(tokens.authenticate(EAST_TOKEN)).contains(Caller.branch("eastside"));
  }

  @Test
  void aHashedTokenIsMatchedByTheTokenNotByItsHash() {
    assertThat(tokens.authenticate(WEST_TOKEN)).contains(Caller.branch("westside"));
    assertThat(tokens.authenticate(TokenRegistry.hashed(WEST_TOKEN))).isEmpty();
  }

  @Test
  void unknownAndMissingTokensNameNobody() {
    assertThat(tokens.authenticate("eastside-token-012345678")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
  }

  @Test
  void theHashedFormIsSha256InHex() {
    // echo -n password | sha256sum
    assertThat(TokenRegistry.hashed("password"))
        .isEqualTo("sha256:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
  }

  @Test
  void aShortTokenIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> TokenRegistry.builder().add(Caller.ADMIN, "short-secret", "key admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key admin")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void aMalformedHashIsRefused() {
    assertThatThrownBy(() -> TokenRegistry.builder().add(Caller.ADMIN, "sha256:abc", "key admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void theSameTokenForTwoCallersIsRefused() {
    TokenRegistry.Builder builder =
        TokenRegistry.builder().add(Caller.branch("eastside"), EAST_TOKEN, "branch.eastside");
    assertThatThrownBy(
            () ->
                builder.add(
                    Caller.branch("westside"), TokenRegistry.hashed(EAST_TOKEN), "branch.westside"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch:eastside")
        .hasMessageNotContaining(EAST_TOKEN);
  }

  @Property(tries = 200)
  void onlyTheExactTokenIsAccepted(
      @ForAll @StringLength(min = 16, max = 64) @CharRange(from = '!', to = '~') String token,
      @ForAll @StringLength(min = 16, max = 64) @CharRange(from = '!', to = '~') String other) {
    TokenRegistry registry =
        TokenRegistry.builder().add(Caller.branch("b1"), token, "branch.b1").build();
    assertThat(registry.authenticate(token)).contains(Caller.branch("b1"));
    assertThat(registry.authenticate(other))
        .isEqualTo(other.equals(token) ? registry.authenticate(token) : java.util.Optional.empty());
  }
}
