package org.librarycampaign.platform.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.calendar.CalendarLinks;
import org.librarycampaign.platform.config.CampaignConfig;

class SigningKeysTest {

  private static final String SECRET = "a-secret-of-twenty-chars";

  @Test
  void signsWithTheFirstKeyAndChecksWithTheKeyTheLinkNames() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("k2", SECRET + "-new");
    keys.put("k1", SECRET);
    SigningKeys rotated = new SigningKeys("test.keys", keys, "dev-secret-not-used-here");
    SigningKeys old = new SigningKeys("test.keys", Map.of("k1", SECRET), "dev-secret-not-used");

    assertThat(rotated.signingKeyId()).isEqualTo("k2");
    assertThat(rotated.check("k1", "k1.payload", old.sign("k1.payload")))
        .isEqualTo(SigningKeys.Check.VALID);
    assertThat(rotated.check("k2", "k2.payload", old.sign("k2.payload")))
        .isEqualTo(SigningKeys.Check.CHANGED);
    assertThat(rotated.check("k1", "k1.payload!", old.sign("k1.payload")))
        .isEqualTo(SigningKeys.Check.CHANGED);
    assertThat(old.check("k2", "k2.payload", rotated.sign("k2.payload")))
        .isEqualTo(SigningKeys.Check.UNKNOWN_KEY);
    assertThat(old.check("k1", "k1.payload", "not*base64")).isEqualTo(SigningKeys.Check.DAMAGED);
  }

  @Test
  void theSignatureIsTheBase64UrlHmacSha256OfThePayloadSoLinksSignedBeforeStayValid() {
    // computed outside Java: printf %s dev.ZWFzdHNpZGU | openssl dgst -sha256 -hmac
    // campaign-development-calendar-key-not-secret -binary | base64 (url alphabet, no padding)
    String token = CalendarLinks.from(CampaignConfig.of(Map.of())).token("eastside");

    assertThat(token).isEqualTo("dev.ZWFzdHNpZGU.AAcYaNRuZbrA2I7s8K_mKj0EutYVjmRlnmTN2wV_soE");
  }

  @Test
  void badKeysAreNamedWithTheirSettingButNeverTheirSecret() {
    assertThatThrownBy(() -> new SigningKeys("test.keys", Map.of(), "dev-secret"))
        .hasMessage("test.keys lists no key");
    assertThatThrownBy(() -> new SigningKeys("test.keys", Map.of("k 1", SECRET), "dev-secret"))
        .hasMessage("test.keys: key id 'k 1' must be 1 to 16 of A-Z a-z 0-9 _ -");
    assertThatThrownBy(() -> new SigningKeys("test.keys", Map.of("k1", "short"), "dev-secret"))
        .hasMessage("test.keys: the secret of key 'k1' must be at least 16 characters");
    assertThatThrownBy(
            () ->
                SigningKeys.from(
                    CampaignConfig.of(Map.of("test.keys", "k1-" + SECRET)),
                    "test.keys",
                    "dev-secret"))
        .hasMessage("test.keys: each entry must be <id>:<secret>; entry 1 is not")
        .message()
        .doesNotContain(SECRET);
    assertThatThrownBy(
            () ->
                SigningKeys.from(
                    CampaignConfig.of(Map.of("test.keys", "k1:" + SECRET + ",k1:" + SECRET)),
                    "test.keys",
                    "dev-secret"))
        .hasMessage("test.keys: key id 'k1' is listed twice");
  }

  @Test
  void withoutKeysTheDevelopmentKeySignsAndSaysSo() {
    SigningKeys development =
        SigningKeys.from(CampaignConfig.of(Map.of()), "test.keys", "dev-secret-of-16-chars");
    SigningKeys configured =
        SigningKeys.from(
            CampaignConfig.of(Map.of("test.keys", "dev:" + SECRET)),
            "test.keys",
            "dev-secret-of-16-chars");

    assertThat(development.keyIds()).containsExactly(SigningKeys.DEVELOPMENT_KEY_ID);
    assertThat(development.usesDevelopmentKey()).isTrue();
    assertThat(configured.usesDevelopmentKey()).as("a key named dev with a real secret").isFalse();
    assertThat(configured.toString()).doesNotContain(SECRET);
  }
}
