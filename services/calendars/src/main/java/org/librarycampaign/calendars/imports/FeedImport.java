package org.librarycampaign.calendars.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.MilestoneKind;
import org.librarycampaign.calendars.ics.FeedEvent;
import org.librarycampaign.calendars.ics.IcsException;
import org.librarycampaign.platform.json.FieldError;
import org.librarycampaign.platform.json.RecordRules;

/**
 * What one read of a feed changes in {@code campaign.milestones}, given what earlier imports of the
 * same feed (and branch) wrote: the rules of an import, without Kafka.
 *
 * <ul>
 *   <li>Each occurrence becomes a COMMUNITY_EVENT milestone whose id is the feed's prefix and a
 *       hash of the UID and the recurrence id, so the same event always has the same id.
 *   <li>A new event gets revision 1; one whose title, times, stance or cancellation differ from
 *       what was written gets the next revision; an unchanged one writes nothing. Importing the
 *       same feed twice therefore writes nothing the second time.
 *   <li>STATUS:CANCELLED cancels the milestone (a cancelled event never written is skipped).
 *   <li>An event written earlier and still live, inside the window, that the feed no longer holds
 *       is cancelled (next revision). Milestones outside the window (past ones, or beyond the
 *       horizon) are left as they are: the window moves, the events did not go away.
 * </ul>
 */
public final class FeedImport {

  private static final int HASH_HEX_CHARACTERS = 24;

  private FeedImport() {}

  /**
   * @param known the latest revision of every milestone with the source's id prefix
   * @return the records to write, in the feed's order, then the disappeared ones by id
   * @throws IcsException naming the event when one cannot become a milestone
   */
  public static List<MilestoneEvent> changes(
      FeedSource source,
      List<FeedEvent> events,
      Map<String, MilestoneEvent> known,
      Instant from,
      Instant until)
      throws IcsException {
    Map<String, FeedEvent> byId = new LinkedHashMap<>();
    for (FeedEvent event : events) {
      String id = milestoneId(source, event);
      FeedEvent twin = byId.put(id, event);
      if (twin != null) {
        throw new IcsException(
            event.label()
                + ": the feed holds this event twice (same UID"
                + (event.recurrenceId() == null ? "" : " and RECURRENCE-ID")
                + ")");
      }
    }
    List<MilestoneEvent> out = new ArrayList<>();
    for (Map.Entry<String, FeedEvent> entry : byId.entrySet()) {
      FeedEvent event = entry.getValue();
      MilestoneEvent before = known.get(entry.getKey());
      if (before == null && event.cancelled()) {
        continue;
      }
      MilestoneEvent wanted = milestone(source, entry.getKey(), event, before);
      if (before != null && sameContent(before, wanted)) {
        continue;
      }
      List<FieldError> problems = RecordRules.problems(wanted);
      if (!problems.isEmpty()) {
        throw new IcsException(event.label() + ": " + describe(problems));
      }
      out.add(wanted);
    }
    for (MilestoneEvent before : new TreeMap<>(known).values()) {
      String id = before.getMilestoneId();
      if (!id.startsWith(source.idPrefix())
          || byId.containsKey(id)
          || before.getCancelled()
          || !before.getEndsAt().isAfter(from)
          || !before.getStartsAt().isBefore(until)) {
        continue;
      }
      // field by field: Avro's copying builder needs the event classes trusted process-wide
      out.add(
          MilestoneEvent.newBuilder()
              .setMilestoneId(id)
              .setRevision(before.getRevision() + 1)
              .setKind(before.getKind())
              .setStance(before.getStance())
              .setCampaignId(before.getCampaignId())
              .setBranchId(before.getBranchId())
              .setTitle(before.getTitle())
              .setStartsAt(before.getStartsAt())
              .setEndsAt(before.getEndsAt())
              .setBufferMinutes(before.getBufferMinutes())
              .setCancelled(true)
              .build());
    }
    return out;
  }

  /** The milestone id of an occurrence: stable for the same UID and recurrence id. */
  public static String milestoneId(FeedSource source, FeedEvent event) {
    String key =
        event.uid() + "|" + (event.recurrenceId() == null ? "" : event.recurrenceId().toString());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return source.idPrefix() + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARACTERS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static MilestoneEvent milestone(
      FeedSource source, String id, FeedEvent event, MilestoneEvent before) {
    return MilestoneEvent.newBuilder()
        .setMilestoneId(id)
        .setRevision(before == null ? 1 : before.getRevision() + 1)
        .setKind(MilestoneKind.COMMUNITY_EVENT)
        .setStance(source.stance())
        .setCampaignId(null)
        .setBranchId(source.branchId())
        .setTitle(event.title())
        .setStartsAt(event.startsAt())
        .setEndsAt(event.endsAt())
        .setBufferMinutes(null)
        .setCancelled(event.cancelled())
        .build();
  }

  private static boolean sameContent(MilestoneEvent before, MilestoneEvent wanted) {
    return before.getKind() == wanted.getKind()
        && before.getStance() == wanted.getStance()
        && Objects.equals(before.getBranchId(), wanted.getBranchId())
        && Objects.equals(before.getTitle(), wanted.getTitle())
        && before.getStartsAt().equals(wanted.getStartsAt())
        && before.getEndsAt().equals(wanted.getEndsAt())
        && before.getCancelled() == wanted.getCancelled();
  }

  private static String describe(List<FieldError> problems) {
    List<String> parts = new ArrayList<>();
    for (FieldError problem : problems) {
      parts.add(problem.toString());
    }
    return String.join("; ", parts);
  }
}
