package org.librarycampaign.crisis.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import library.campaign.events.ContactChannel;
import org.junit.jupiter.api.Test;

/** The configuration form of campaign.crisis.fallback-contacts (README: configuration). */
class FallbackContactTest {

  private static final String KEY = "campaign.crisis.fallback-contacts";

  @Test
  void readsPeopleSeparatedBySemicolonsEachANameAndContacts() {
    assertThat(
            FallbackContact.parse(
                KEY,
                " Duty desk <duty@library.example>, +1 555 0123 ; Lee Chen +15550188,"
                    + " https://chat.example/hooks/duty; Ops ops@library.example "))
        .containsExactly(
            new FallbackContact(
                "Duty desk",
                List.of(
                    new Contact(ContactChannel.EMAIL, "duty@library.example"),
                    new Contact(ContactChannel.SMS, "+15550123"))),
            new FallbackContact(
                "Lee Chen",
                List.of(
                    new Contact(ContactChannel.SMS, "+15550188"),
                    new Contact(ContactChannel.WEBHOOK, "https://chat.example/hooks/duty"))),
            new FallbackContact(
                "Ops", List.of(new Contact(ContactChannel.EMAIL, "ops@library.example"))));
  }

  @Test
  void blankMeansNobody() {
    assertThat(FallbackContact.parse(KEY, "")).isEmpty();
    assertThat(FallbackContact.parse(KEY, "  ;  ")).isEmpty();
    assertThat(FallbackContact.parse(KEY, null)).isEmpty();
  }

  @Test
  void aBadEntryIsNamedWithWhatIsWrong() {
    assertThatThrownBy(() -> FallbackContact.parse(KEY, "Duty desk <duty@x.example>; Lee Chen"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            KEY
                + " entry 2 (\"Lee Chen\"): expected a name followed by contacts, e.g."
                + " \"Duty desk <duty@library.example>, +15550123\"");
    assertThatThrownBy(() -> FallbackContact.parse(KEY, "<duty@x.example>"))
        .hasMessageStartingWith(KEY + " entry 1 (\"<duty@x.example>\"): expected a name");
    assertThatThrownBy(() -> FallbackContact.parse(KEY, "Duty desk +1555abc"))
        .hasMessage(
            KEY
                + " entry 1 (\"Duty desk +1555abc\"): \"+1555abc\" is not a phone number such as"
                + " +15550123");
    assertThatThrownBy(() -> FallbackContact.parse(KEY, "Duty desk <duty>, +15550123"))
        .hasMessageContaining("\"duty\" is not an e-mail address such as duty@library.example");
    assertThatThrownBy(() -> FallbackContact.parse(KEY, "Duty desk <a@b.example>, pager 7"))
        .hasMessageContaining(
            "\"pager 7\" is not a contact; use <name@domain> for e-mail, +15550123 for SMS or"
                + " https://... for a webhook");
  }
}
