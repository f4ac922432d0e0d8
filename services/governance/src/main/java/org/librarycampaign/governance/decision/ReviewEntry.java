package org.librarycampaign.governance.decision;

import java.time.Instant;
import library.campaign.events.ReviewAction;

/**
 * One review in a post's audit trail, as governance applied it.
 *
 * @param revision the revision reviewed
 * @param at when the reviewer reviewed it
 * @param scheduledAt RESCHEDULE: the new time; else null
 */
public record ReviewEntry(
    int revision,
    ReviewAction action,
    String reviewer,
    String reason,
    Instant at,
    Instant scheduledAt) {}
