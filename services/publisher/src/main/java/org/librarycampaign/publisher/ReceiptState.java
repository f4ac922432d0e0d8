package org.librarycampaign.publisher;

import java.time.Instant;

/**
 * The latest outcome of a post revision (store {@code publisher-receipts}, key {@code
 * postId/revision}). PUBLISHED, FAILED and SKIPPED are final: the revision is never tried again.
 *
 * @param status the {@code PublicationStatus} name
 */
record ReceiptState(String status, int attempt, Instant at) {

  boolean isFinal() {
    return !"RETRYING".equals(status);
  }
}
