package org.librarycampaign.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import library.campaign.events.Severity;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.platform.state.StateCodec;

/**
 * The stored forms of governance's own state: store values, their changelogs and the internal
 * hashtag topics, all by platform's {@link StateCodec}. These never leave the service, so they are
 * not Avro contract types. Records are stored as they are; the two mutable domain classes through a
 * stored record, so that their stored form changes only on purpose.
 */
public final class StateCodecs {

  private static final StateCodec<PostRecord> POST_RECORDS = StateCodec.of(PostRecord.class);
  private static final StateCodec<BalanceLedger> LEDGERS =
      StateCodec.of(StoredLedger.class).as(StoredLedger::of, StoredLedger::ledger);
  private static final StateCodec<BranchCrises> CRISES =
      StateCodec.of(StoredCrises.class).as(StoredCrises::of, StoredCrises::crises);
  private static final StateCodec<HashtagUse> HASHTAG_USES = StateCodec.of(HashtagUse.class);

  private StateCodecs() {}

  static StateCodec<PostRecord> postRecords() {
    return POST_RECORDS;
  }

  static StateCodec<BalanceLedger> ledgers() {
    return LEDGERS;
  }

  static StateCodec<BranchCrises> crises() {
    return CRISES;
  }

  static StateCodec<HashtagUse> hashtagUses() {
    return HASHTAG_USES;
  }

  /** A {@link BalanceLedger} as stored. */
  record StoredLedger(
      WindowKey key,
      int approvedContent,
      int approvedCampaign,
      Map<LocalDate, Integer> approvedPerDay,
      List<BalanceLedger.Held> held) {

    static StoredLedger of(BalanceLedger ledger) {
      return new StoredLedger(
          ledger.key(),
          ledger.approvedContent(),
          ledger.approvedCampaign(),
          ledger.approvedPerDay(),
          ledger.held());
    }

    BalanceLedger ledger() {
      return new BalanceLedger(key, approvedContent, approvedCampaign, approvedPerDay, held);
    }
  }

  /** A {@link BranchCrises} as stored: its open incidents and their severities. */
  record StoredCrises(Map<String, Severity> open) {

    static StoredCrises of(BranchCrises crises) {
      return new StoredCrises(crises.open());
    }

    BranchCrises crises() {
      return new BranchCrises(open);
    }
  }
}
