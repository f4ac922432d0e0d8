package org.librarycampaign.dashboard.facts;

import java.util.List;

/**
 * Everything the dashboard knows at one moment, each list in key order: what the page is drawn
 * from.
 */
public record Facts(
    List<PolicyFact> policies,
    List<PostFact> posts,
    List<DecisionFact> decisions,
    List<MilestoneFact> milestones,
    List<CalendarFlag> flags,
    List<IncidentFact> incidents,
    List<IncidentStatusFact> statuses,
    List<NotificationFact> notifications,
    List<ReceiptsFact> receipts,
    List<DeadLetterFact> deadLetters,
    List<PublicationFact> publications,
    List<OfficialsFact> officials,
    List<BranchSettingsFact> branchSettings) {

  public Facts {
    policies = List.copyOf(policies);
    posts = List.copyOf(posts);
    decisions = List.copyOf(decisions);
    milestones = List.copyOf(milestones);
    flags = List.copyOf(flags);
    incidents = List.copyOf(incidents);
    statuses = List.copyOf(statuses);
    notifications = List.copyOf(notifications);
    receipts = List.copyOf(receipts);
    deadLetters = List.copyOf(deadLetters);
    publications = publications == null ? List.of() : List.copyOf(publications);
    officials = officials == null ? List.of() : List.copyOf(officials);
    branchSettings = branchSettings == null ? List.of() : List.copyOf(branchSettings);
  }

  /** Facts without branch settings: every time reads in its channel's zone or the service's. */
  public Facts(
      List<PolicyFact> policies,
      List<PostFact> posts,
      List<DecisionFact> decisions,
      List<MilestoneFact> milestones,
      List<CalendarFlag> flags,
      List<IncidentFact> incidents,
      List<IncidentStatusFact> statuses,
      List<NotificationFact> notifications,
      List<ReceiptsFact> receipts,
      List<DeadLetterFact> deadLetters,
      List<PublicationFact> publications,
      List<OfficialsFact> officials) {
    this(
        policies,
        posts,
        decisions,
        milestones,
        flags,
        incidents,
        statuses,
        notifications,
        receipts,
        deadLetters,
        publications,
        officials,
        List.of());
  }

  /** Facts without publication receipts, directories of officials and branch settings. */
  public Facts(
      List<PolicyFact> policies,
      List<PostFact> posts,
      List<DecisionFact> decisions,
      List<MilestoneFact> milestones,
      List<CalendarFlag> flags,
      List<IncidentFact> incidents,
      List<IncidentStatusFact> statuses,
      List<NotificationFact> notifications,
      List<ReceiptsFact> receipts,
      List<DeadLetterFact> deadLetters) {
    this(
        policies,
        posts,
        decisions,
        milestones,
        flags,
        incidents,
        statuses,
        notifications,
        receipts,
        deadLetters,
        List.of(),
        List.of(),
        List.of());
  }

  public static Facts none() {
    return new Facts(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
