package org.librarycampaign.ingest.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

  // the worked example of Twilio's webhook security guide
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final Map<String, List<String>> FORM =
      Map.of(
          "CallSid", List.of("CA1234567890ABCDE"),
          "Caller", List.of("+12349013030"),
          "Digits", List.of("1234"),
          "From", List.of("+12349013030"),
          "To", List.of("+18005551212"));
  private static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

  @Test
  void theDocumentedExampleSignsAndVerifies() {
    assertThat(TwilioSignature.sign(TOKEN, URL, FORM)).isEqualTo(SIGNATURE);
    assertThat(TwilioSignature.verify(TOKEN, URL, FORM, SIGNATURE)).isTrue();
  }

  @Test
  void anyChangeOrAMissingHeaderFails() {
    Map<String, List<String>> tampered = new HashMap<>(FORM);
    tampered.put("Digits", List.of("9999"));
    assertThat(TwilioSignature.verify(TOKEN, URL, tampered, SIGNATURE)).isFalse();
    Map<String, List<String>> added = new HashMap<>(FORM);
    added.put("Body", List.of("4A"));
    assertThat(TwilioSignature.verify(TOKEN, URL, added, SIGNATURE)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, "https://mycompany.com/myapp.php", FORM, SIGNATURE))
        .isFalse();
    assertThat(TwilioSignature.verify("54321", URL, FORM, SIGNATURE)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, FORM, null)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, FORM, "")).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, FORM, SIGNATURE.substring(1))).isFalse();
  }
}
