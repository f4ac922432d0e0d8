package org.librarycampaign.governance.rules;

import java.util.Objects;
import library.campaign.events.DecisionStatus;
import org.librarycampaign.governance.decision.Reason;
import org.librarycampaign.governance.decision.Warning;

/** What a {@link PostRule} finds in a post: advice, or a verdict. */
public sealed interface Finding {

  /** A warning: advice that does not change the post's status. */
  record Advice(Warning warning) implements Finding {
    public Advice {
      Objects.requireNonNull(warning, "warning");
    }
  }

  /** A post REJECTED or HELD, and why. */
  record Verdict(DecisionStatus status, Reason reason) implements Finding {
    public Verdict {
      Objects.requireNonNull(reason, "reason");
      if (status != DecisionStatus.REJECTED && status != DecisionStatus.HELD) {
        throw new IllegalArgumentException("a verdict rejects or holds, not " + status);
      }
    }
  }

  static Finding rejected(Reason reason) {
    return new Verdict(DecisionStatus.REJECTED, reason);
  }

  static Finding held(Reason reason) {
    return new Verdict(DecisionStatus.HELD, reason);
  }

  static Finding advice(Warning warning) {
    return new Advice(warning);
  }
}
