package org.librarycampaign.dashboard.review;

import java.time.Instant;

/**
 * A reviewer's decision on one revision of a post, as the dashboard writes it to {@code
 * campaign.posts} (a {@code PostReviewed}).
 *
 * @param action {@code APPROVE}, {@code REJECT} or {@code RESCHEDULE}
 * @param reviewer the logged-in user who decided
 * @param scheduledAt the new time, for {@code RESCHEDULE} only
 */
public record Review(
    String postId,
    int revision,
    String branchId,
    String platform,
    String action,
    String reason,
    String reviewer,
    Instant reviewedAt,
    Instant scheduledAt) {}
