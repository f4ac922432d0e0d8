package org.librarycampaign.platform.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.ack.AckLinks.Verification;
import org.librarycampaign.platform.config.CampaignConfig;

class AckLinksTest {

  private static final Instant ISSUED = Instant.parse("2026-12-01T15:00:00Z");
  private static final AckLinks OLD =
      new AckLinks(Map.of("k1", "first-secret-0123456789"), Duration.ofDays(7));

  private static AckLinks rotated() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("k2", "second-secret-0123456789");
    keys.put("k1", "first-secret-0123456789");
    return new AckLinks(keys, Duration.ofDays(7));
  }

  private static AckClaim claim() {
    return OLD.claim("eastside", "inc-7", 1, "ana", ISSUED);
  }

  @Test
  void aSignedTokenVerifiesToItsClaimUntilItExpires() {
    String token = OLD.sign(claim());

    assertThat(claim().expiresAt()).isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
    assertThat(OLD.verify(token, ISSUED)).isEqualTo(new Verification.Valid(claim()));
    assertThat(OLD.verify(token, claim().expiresAt().minusSeconds(1)))
        .isEqualTo(new Verification.Valid(claim()));
    assertThat(OLD.verify(token, claim().expiresAt())).isEqualTo(new Verification.Expired(claim()));
  }

  @Test
  void theSameClaimGivesTheSameTokenAndTheTokenIsUrlSafe() {
    assertThat(OLD.sign(claim())).isEqualTo(OLD.sign(claim()));
    assertThat(OLD.sign(claim())).matches("[A-Za-z0-9_.-]+").startsWith("k1.1796742000.1.");
  }

  @Test
  void changingAnyPartOfTheTokenMakesItInvalid() {
    String token = OLD.sign(claim());
    String[] parts = token.split("\\.");
    String otherIncident =
        OLD.sign(OLD.claim("eastside", "inc-8", 1, "ana", ISSUED)).split("\\.")[4];
    String laterExpiry = Long.toString(claim().expiresAt().getEpochSecond() + 86_400);
    for (String[] changed :
        new String[][] {
          {parts[0], laterExpiry, parts[2], parts[3], parts[4], parts[5], parts[6]},
          {parts[0], parts[1], "0", parts[3], parts[4], parts[5], parts[6]},
          {parts[0], parts[1], parts[2], parts[3], otherIncident, parts[5], parts[6]},
          {parts[0], parts[1], parts[2], parts[3], parts[4], "Ym9i", parts[6]},
          {parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], "AAAA" + parts[6]},
        }) {
      assertThat(OLD.verify(String.join(".", changed), ISSUED))
          .isInstanceOf(Verification.Invalid.class);
    }
    assertThat(OLD.verify(token.substring(0, token.length() - 1), ISSUED))
        .isInstanceOf(Verification.Invalid.class);
    assertThat(OLD.verify("not-a-token", ISSUED))
        .isEqualTo(new Verification.Invalid("the link is not complete"));
  }

  @Test
  void aTokenSignedByAnotherSecretIsInvalidEvenUnderTheSameKeyId() {
    AckLinks forger = new AckLinks(Map.of("k1", "guessed-secret-0123456789"), Duration.ofDays(7));

    assertThat(OLD.verify(forger.sign(claim()), ISSUED))
        .isEqualTo(new Verification.Invalid("the link's signature does not match: it was changed"));
  }

  @Test
  void afterRotationOldLinksStillWorkAndNewOnesAreSignedWithTheNewKey() {
    String before = OLD.sign(claim());
    AckLinks rotated = rotated();

    assertThat(rotated.verify(before, ISSUED)).isEqualTo(new Verification.Valid(claim()));
    String after = rotated.sign(claim());
    assertThat(after).startsWith("k2.");
    assertThat(rotated.verify(after, ISSUED)).isEqualTo(new Verification.Valid(claim()));
    // the old key alone does not know k2
    assertThat(OLD.verify(after, ISSUED))
        .isEqualTo(
            new Verification.Invalid("the link was signed with a key that is no longer used"));
    // once k1 is withdrawn, its links stop working
    AckLinks withdrawn = new AckLinks(Map.of("k2", "second-secret-0123456789"), Duration.ofDays(7));
    assertThat(withdrawn.verify(before, ISSUED)).isInstanceOf(Verification.Invalid.class);
  }

  @Test
  void idsWithDotsAndNonAsciiSurviveTheRoundTrip() {
    AckClaim claim = OLD.claim("*", "inc.2026:07", 0, "zoë", ISSUED);

    assertThat(OLD.verify(OLD.sign(claim), ISSUED)).isEqualTo(new Verification.Valid(claim));
  }

  @Test
  void configurationListsKeysNewestFirstAndFallsBackToTheDevelopmentKey() {
    AckLinks configured =
        AckLinks.from(
            CampaignConfig.of(
                Map.of(
                    AckLinks.KEYS,
                    "k2:second-secret-0123456789, k1:first-secret-0123456789",
                    AckLinks.VALIDITY,
                    "2h")));
    assertThat(configured.keyIds()).containsExactly("k2", "k1");
    assertThat(configured.validity()).isEqualTo(Duration.ofHours(2));
    assertThat(configured.usesDevelopmentKey()).isFalse();
    assertThat(configured.verify(OLD.sign(claim()), ISSUED)).isInstanceOf(Verification.Valid.class);

    AckLinks development = AckLinks.from(CampaignConfig.of(Map.of()));
    assertThat(development.usesDevelopmentKey()).isTrue();
    assertThat(development.validity()).isEqualTo(AckLinks.DEFAULT_VALIDITY);
  }

  @Test
  void badKeysAreRefusedWithoutEchoingTheSecret() {
    assertThatThrownBy(
            () -> AckLinks.from(CampaignConfig.of(Map.of(AckLinks.KEYS, "justasecretvalue123"))))
        .hasMessage("campaign.ack.keys: each entry must be <id>:<secret>; entry 1 is not");
    assertThatThrownBy(() -> AckLinks.from(CampaignConfig.of(Map.of(AckLinks.KEYS, "k1:short"))))
        .hasMessage("campaign.ack.keys: the secret of key 'k1' must be at least 16 characters");
    assertThatThrownBy(
            () ->
                AckLinks.from(
                    CampaignConfig.of(
                        Map.of(
                            AckLinks.KEYS,
                            "k1:first-secret-0123456789,k1:other-secret-0123456789"))))
        .hasMessage("campaign.ack.keys: key id 'k1' is listed twice");
  }
}
