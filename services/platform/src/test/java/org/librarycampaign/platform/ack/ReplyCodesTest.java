package org.librarycampaign.platform.ack;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.ack.ReplyCodes.Action;
import org.librarycampaign.platform.ack.ReplyCodes.Reply;

class ReplyCodesTest {

  @Test
  void theNumberIsFixedByTheIncidentId() {
    assertThat(ReplyCodes.number("inc-7")).isEqualTo(ReplyCodes.number("inc-7"));
    assertThat(ReplyCodes.instruction("inc-7"))
        .isEqualTo(
            "Reply "
                + ReplyCodes.number("inc-7")
                + "A to acknowledge, "
                + ReplyCodes.number("inc-7")
                + "E to escalate now.");
  }

  @Property
  void everyNumberIsBetween1And99(@ForAll String incidentId) {
    assertThat(ReplyCodes.number(incidentId)).isBetween(1, 99);
  }

  @Test
  void repliesAreReadWhateverTheCaseAndSpaces() {
    assertThat(ReplyCodes.parse("4a")).contains(new Reply(4, Action.ACKNOWLEDGE));
    assertThat(ReplyCodes.parse(" 42 E\n")).contains(new Reply(42, Action.ESCALATE));
    assertThat(ReplyCodes.parse("ACK")).isEmpty();
    assertThat(ReplyCodes.parse("4")).isEmpty();
    assertThat(ReplyCodes.parse("123A")).isEmpty();
    assertThat(ReplyCodes.parse("4A please")).isEmpty();
  }
}
