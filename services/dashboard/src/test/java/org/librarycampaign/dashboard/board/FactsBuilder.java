package org.librarycampaign.dashboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.librarycampaign.dashboard.facts.BranchSettingsFact;
import org.librarycampaign.dashboard.facts.CalendarFlag;
import org.librarycampaign.dashboard.facts.DeadLetterFact;
import org.librarycampaign.dashboard.facts.DecisionFact;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.IncidentFact;
import org.librarycampaign.dashboard.facts.IncidentStatusFact;
import org.librarycampaign.dashboard.facts.MilestoneFact;
import org.librarycampaign.dashboard.facts.NotificationFact;
import org.librarycampaign.dashboard.facts.OfficialsFact;
import org.librarycampaign.dashboard.facts.PolicyFact;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.ReceiptsFact;

/** Facts for a board test, written as a comms officer would describe the week. */
final class FactsBuilder {

  final List<PolicyFact> policies = new ArrayList<>();
  final List<PostFact> posts = new ArrayList<>();
  final List<DecisionFact> decisions = new ArrayList<>();
  final List<MilestoneFact> milestones = new ArrayList<>();
  final List<CalendarFlag> flags = new ArrayList<>();
  final List<IncidentFact> incidents = new ArrayList<>();
  final List<IncidentStatusFact> statuses = new ArrayList<>();
  final List<NotificationFact> notifications = new ArrayList<>();
  final List<ReceiptsFact> receipts = new ArrayList<>();
  final List<DeadLetterFact> deadLetters = new ArrayList<>();
  final List<OfficialsFact> officials = new ArrayList<>();
  final List<BranchSettingsFact> branchSettings = new ArrayList<>();

  Facts build() {
    return Facts.builder()
        .policies(policies)
        .posts(posts)
        .decisions(decisions)
        .milestones(milestones)
        .flags(flags)
        .incidents(incidents)
        .statuses(statuses)
        .notifications(notifications)
        .receipts(receipts)
        .deadLetters(deadLetters)
        .officials(officials)
        .branchSettings(branchSettings)
        .build();
  }

  /** The settings of a branch (or of {@code *}) naming a zone, or none (null). */
  FactsBuilder branchZone(String branchId, String zone) {
    branchSettings.add(new BranchSettingsFact(branchId, zone));
    return this;
  }

  FactsBuilder policy(String channelId, int maxPerDay, String zone) {
    String[] parts = channelId.split("/");
    policies.add(new PolicyFact(channelId, parts[0], parts[1], 3, maxPerDay, zone, true));
    return this;
  }

  FactsBuilder post(String postId, int revision, String channelId, String category, Instant at) {
    String[] parts = channelId.split("/");
    posts.add(
        new PostFact(
            postId,
            revision,
            parts[0],
            parts[1],
            category,
            "CAMPAIGN".equals(category) ? "budget-2027" : null,
            "Text of " + postId,
            List.of(),
            List.of(),
            List.of(),
            0,
            at,
            "jlee",
            at.minusSeconds(86_400),
            false,
            null,
            null));
    return this;
  }

  FactsBuilder decided(
      String postId,
      int revision,
      String channelId,
      String category,
      Instant at,
      String status,
      Instant decidedAt,
      DecisionFact.Reason... reasons) {
    decisions.add(
        new DecisionFact(
            postId,
            revision,
            channelId.split("/")[0],
            channelId,
            category,
            "CAMPAIGN".equals(category) ? "budget-2027" : null,
            at,
            status,
            false,
            List.of(reasons),
            List.of(),
            null,
            decidedAt));
    return this;
  }

  /** A post and its decision on the same revision. */
  FactsBuilder approved(String postId, String channelId, String category, Instant at) {
    return post(postId, 1, channelId, category, at)
        .decided(postId, 1, channelId, category, at, "APPROVED", at.minusSeconds(3600));
  }
}
