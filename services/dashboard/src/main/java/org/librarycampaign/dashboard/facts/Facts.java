package org.librarycampaign.dashboard.facts;

import java.util.List;

/**
 * Everything the dashboard knows at one moment, each list in key order: what the page is drawn
 * from.
 *
 * <p>Made whole by {@link org.librarycampaign.dashboard.store.FactReader} (every list), or by
 * {@link #builder()} where only some lists matter (tests, a copy with one list changed: {@link
 * #toBuilder()}); a list not given is empty.
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
    publications = List.copyOf(publications);
    officials = List.copyOf(officials);
    branchSettings = List.copyOf(branchSettings);
  }

  /** Nothing known yet. */
  public static Facts none() {
    return builder().build();
  }

  /** Facts with every list empty until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these facts, to change some lists of a copy. */
  public Builder toBuilder() {
    return builder()
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
        .publications(publications)
        .officials(officials)
        .branchSettings(branchSettings);
  }

  /** Sets lists by name; {@link #build()} copies them, so a builder can go on after it. */
  public static final class Builder {
    private List<PolicyFact> policies = List.of();
    private List<PostFact> posts = List.of();
    private List<DecisionFact> decisions = List.of();
    private List<MilestoneFact> milestones = List.of();
    private List<CalendarFlag> flags = List.of();
    private List<IncidentFact> incidents = List.of();
    private List<IncidentStatusFact> statuses = List.of();
    private List<NotificationFact> notifications = List.of();
    private List<ReceiptsFact> receipts = List.of();
    private List<DeadLetterFact> deadLetters = List.of();
    private List<PublicationFact> publications = List.of();
    private List<OfficialsFact> officials = List.of();
    private List<BranchSettingsFact> branchSettings = List.of();

    private Builder() {}

    public Builder policies(List<PolicyFact> policies) {
      this.policies = policies;
      return this;
    }

    public Builder posts(List<PostFact> posts) {
      this.posts = posts;
      return this;
    }

    public Builder decisions(List<DecisionFact> decisions) {
      this.decisions = decisions;
      return this;
    }

    public Builder milestones(List<MilestoneFact> milestones) {
      this.milestones = milestones;
      return this;
    }

    public Builder flags(List<CalendarFlag> flags) {
      this.flags = flags;
      return this;
    }

    public Builder incidents(List<IncidentFact> incidents) {
      this.incidents = incidents;
      return this;
    }

    public Builder statuses(List<IncidentStatusFact> statuses) {
      this.statuses = statuses;
      return this;
    }

    public Builder notifications(List<NotificationFact> notifications) {
      this.notifications = notifications;
      return this;
    }

    public Builder receipts(List<ReceiptsFact> receipts) {
      this.receipts = receipts;
      return this;
    }

    public Builder deadLetters(List<DeadLetterFact> deadLetters) {
      this.deadLetters = deadLetters;
      return this;
    }

    public Builder publications(List<PublicationFact> publications) {
      this.publications = publications;
      return this;
    }

    public Builder officials(List<OfficialsFact> officials) {
      this.officials = officials;
      return this;
    }

    public Builder branchSettings(List<BranchSettingsFact> branchSettings) {
      this.branchSettings = branchSettings;
      return this;
    }

    public Facts build() {
      return new Facts(
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
          branchSettings);
    }
  }
}
