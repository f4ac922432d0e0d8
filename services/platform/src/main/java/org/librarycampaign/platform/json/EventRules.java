package org.librarycampaign.platform.json;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import library.campaign.events.Platform;
import org.apache.avro.Schema;

/**
 * The checks beyond the schema that every consumer of the input topics relies on. They run on lines
 * that are sent in (the input types of {@link org.librarycampaign.platform.events.EventType}),
 * after a value has the right JSON type; records produced by the pipeline itself are not checked.
 * The messages are for the comms officer or branch system that wrote the line.
 *
 * <ul>
 *   <li>Ids ({@code postId, milestoneId, incidentId, branchId, campaignId, responderId}): 1 to 128
 *       ASCII letters, digits, {@code .}, {@code _}, {@code :} and {@code -} (ids are joined with
 *       {@code /} into channel and notification ids, and compared byte for byte). {@code branchId}
 *       may be {@code *} (every branch) on a Milestone and a ResponsePlan only.
 *   <li>{@code revision} at least 1; {@code bufferMinutes} at least 0; {@code ackTimeoutMinutes} at
 *       least 1; {@code contentPerCampaign} and {@code maxPostsPerDay} at least 1; {@code
 *       minMinutesBetweenPosts} 0 to 1440; {@code maxCampaignPostsPerWeek} 1 to 100.
 *   <li>{@code zone}: a time zone Java knows ({@link ZoneId#of}), e.g. {@code America/Chicago}.
 *   <li>{@code links} and media {@code url}: absolute http(s) web addresses.
 *   <li>Milestone {@code endsAt} after {@code startsAt}.
 *   <li>ResponsePlan {@code repeat}: {@code everyMinutes} at least 1, {@code times} 0 to 10. A
 *       rotation: at least one member, {@code handoffTime} HH:mm, its responder without contacts of
 *       its own. RotationOverride {@code until} on or after {@code from}; its {@code branchId} may
 *       be {@code *} (the default plan's rotations).
 *   <li>BranchSettings: {@code branchId} may be {@code *} (the default of every branch); {@code
 *       reportContacts} e-mail addresses ({@code name@domain}). A {@code postingWindow} (on a
 *       BranchSettings or a ChannelPolicy): {@code from} and {@code to} HH:mm, {@code to} after
 *       {@code from}.
 *   <li>Contact {@code address}: not empty; a URL for WEBHOOK, an e-mail address ({@code
 *       name@domain}) for EMAIL.
 *   <li>PostReviewed: an {@code action} of APPROVE, REJECT or RESCHEDULE; a {@code reviewer}; a
 *       {@code reason} for APPROVE and REJECT; {@code scheduledAt} for RESCHEDULE and only then.
 *   <li>Official: {@code name} and {@code office} not empty; {@code handles} keyed by platform
 *       names ({@code X}, {@code FACEBOOK}, ...), each handle one word such as {@code @CountyExec}.
 *       An Officials' {@code branchId} may be {@code *} (every branch without its own directory).
 * </ul>
 */
final class EventRules {

  static final int MAX_ID_LENGTH = 128;

  /**
   * ASCII only on purpose: an id is compared byte for byte and joined into channel and notification
   * ids, so look-alike letters from other scripts, zero-width and bidi characters would make two
   * ids that read the same differ.
   */
  private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  static final String ID_RULE =
      "must match [A-Za-z0-9._:-]{1,128}: ASCII letters, digits, '.', '_', ':' and '-' only";

  private static final Set<String> ID_FIELDS =
      Set.of(
          "postId",
          "milestoneId",
          "incidentId",
          "branchId",
          "campaignId",
          "responderId",
          "rotationId",
          "overrideId");

  /** Types whose branchId may be "*" (every branch). */
  private static final Set<String> EVERY_BRANCH_TYPES =
      Set.of("Milestone", "ResponsePlan", "RotationOverride", "BranchSettings", "Officials");

  /** The most repeats a plan may ask for: a pager that never stops is turned off. */
  static final int MAX_REPEATS = 10;

  /** The platform names an official's handles are keyed by. */
  private static final List<String> PLATFORMS =
      Arrays.stream(Platform.values()).map(Platform::name).toList();

  /** A handle: one word, at most 128 characters, optionally with its leading @. */
  private static final Pattern HANDLE = Pattern.compile("@?[^\\s@][^\\s]{0,127}");

  private static final Pattern LOCAL_TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private EventRules() {}

  /**
   * Checks one value that has the right type: a field, or one element of an array field.
   *
   * @param eventType the JSON type of the line
   * @param record the record that holds the field
   * @param field the field's name
   * @param value the value as read (String, Integer, Long millis for instants, ...)
   * @return the problem, or null when the value is fine
   */
  static String checkValue(String eventType, Schema record, String field, Object value) {
    if (ID_FIELDS.contains(field) && value instanceof String id) {
      return checkId(eventType, field, id);
    }
    if (value instanceof Integer number) {
      return switch (field) {
        case "revision" -> number >= 1 ? null : "must be 1 or more (the first version is 1)";
        case "bufferMinutes" -> number >= 0 ? null : "must be 0 or more minutes";
        case "ackTimeoutMinutes" -> number >= 1 ? null : "must be at least 1 minute";
        case "contentPerCampaign" ->
            number >= 1 ? null : "must be at least 1 content post per campaign post";
        case "maxPostsPerDay" -> number >= 1 ? null : "must be at least 1 post a day";
        case "minMinutesBetweenPosts" ->
            number >= 0 && number <= 1440
                ? null
                : "must be from 0 to 1440 minutes (a day); 0 or left out: no spacing";
        case "maxCampaignPostsPerWeek" ->
            number >= 1 && number <= 100
                ? null
                : "must be from 1 to 100 campaign posts a week; left out: no ceiling";
        case "everyMinutes" -> number >= 1 ? null : "must be at least 1 minute";
        case "times" ->
            record.getName().equals("RepeatPolicy") && (number < 0 || number > MAX_REPEATS)
                ? "must be from 0 to " + MAX_REPEATS + " repeats"
                : null;
        default -> null;
      };
    }
    if (value instanceof String text) {
      if (field.equals("zone")) {
        return isZone(text)
            ? null
            : "not a time zone; use a name such as America/Chicago, Europe/London or UTC";
      }
      if (field.equals("handoffTime")
          || (record.getName().equals("PostingWindow")
              && (field.equals("from") || field.equals("to")))) {
        return LOCAL_TIME.matcher(text).matches()
            ? null
            : "must be a 24-hour local time HH:mm such as 09:00";
      }
      if (field.equals("reportContacts") && record.getName().equals("BranchSettings")) {
        return isEmail(text) ? null : "an e-mail address must look like name@library.org";
      }
      if (field.equals("links") || (field.equals("url") && record.getName().equals("Media"))) {
        return isWebAddress(text) ? null : webAddressMessage();
      }
    }
    return null;
  }

  /**
   * The records {@link #checkRecord} has rules for, by schema name: the JSON reader collects the
   * values of these records only.
   */
  private static final Set<String> RECORDS_WITH_RULES =
      Set.of(
          "MilestoneEvent",
          "RotationOverride",
          "PostingWindow",
          "Rotation",
          "Responder",
          "PostReviewed",
          "Official",
          "Contact");

  /** Whether {@link #checkRecord} has rules for this record. */
  static boolean hasRecordRules(Schema record) {
    return RECORDS_WITH_RULES.contains(record.getName());
  }

  /**
   * Checks that involve several fields of one object.
   *
   * @param values the fields of the object that were read without a problem (a field left out that
   *     has a default holds the default)
   * @param report takes the field and the message of each problem
   */
  static void checkRecord(
      String eventType,
      Schema record,
      Map<String, Object> values,
      BiConsumer<String, String> report) {
    if (!hasRecordRules(record)) {
      return; // a rule below for a record not named in RECORDS_WITH_RULES would never run
    }
    if (record.getName().equals("MilestoneEvent")
        && values.get("startsAt") instanceof Long start
        && values.get("endsAt") instanceof Long end
        && end <= start) {
      report.accept("endsAt", "must be after startsAt");
    }
    if (record.getName().equals("RotationOverride")
        && values.get("from") instanceof Integer from
        && values.get("until") instanceof Integer until
        && until < from) {
      report.accept("until", "must be on or after from (the last day covered)");
    }
    if (record.getName().equals("PostingWindow")
        && values.get("from") instanceof String from
        && values.get("to") instanceof String to
        && LOCAL_TIME.matcher(from).matches()
        && LOCAL_TIME.matcher(to).matches()
        && to.compareTo(from) <= 0) {
      report.accept("to", "must be after from (a window ends on the day it starts)");
    }
    if (record.getName().equals("Rotation")
        && values.get("members") instanceof List<?> members
        && members.isEmpty()) {
      report.accept("members", "a rotation needs at least one member");
    }
    if (record.getName().equals("Responder")
        && values.get("rotation") != null
        && values.get("contacts") instanceof List<?> contacts
        && !contacts.isEmpty()) {
      report.accept(
          "contacts", "a rotation is reached through its members' contacts; leave this empty");
    }
    if (record.getName().equals("PostReviewed")) {
      checkReview(values, report);
    }
    if (record.getName().equals("Official")) {
      checkOfficial(values, report);
    }
    if (record.getName().equals("Contact") && values.get("address") instanceof String address) {
      Object channel = values.get("channel");
      String problem =
          address.isBlank()
              ? "must not be empty"
              : switch (channel == null ? "" : channel.toString()) {
                case "WEBHOOK" ->
                    isWebAddress(address)
                        ? null
                        : "a webhook address must be a full web address starting with http:// or https://";
                case "EMAIL" ->
                    isEmail(address) ? null : "an e-mail address must look like name@library.org";
                default -> null;
              };
      if (problem != null) {
        report.accept("address", problem);
      }
    }
  }

  /** The actions a reviewer may send: the schema's UNKNOWN is only for readers. */
  private static final List<String> REVIEW_ACTIONS = List.of("APPROVE", "REJECT", "RESCHEDULE");

  private static void checkReview(Map<String, Object> values, BiConsumer<String, String> report) {
    if (values.get("reviewer") instanceof String reviewer && reviewer.isBlank()) {
      report.accept("reviewer", "must name who reviewed the post");
    }
    Object action = values.get("action");
    if (action == null) {
      return; // missing or not a symbol: already reported
    }
    String name = action.toString();
    if (!REVIEW_ACTIONS.contains(name)) {
      report.accept("action", "must be one of " + String.join(", ", REVIEW_ACTIONS));
      return;
    }
    // a field absent from values had a problem of its own, already reported
    Object reason = values.get("reason");
    if (!name.equals("RESCHEDULE")
        && values.containsKey("reason")
        && (reason == null || reason.toString().isBlank())) {
      report.accept(
          "reason",
          name.equals("REJECT")
              ? "a rejection needs a reason for the branch and the audit trail"
              : "an approval needs a reason for the audit trail");
    }
    if (!values.containsKey("scheduledAt")) {
      return;
    }
    boolean hasTime = values.get("scheduledAt") != null;
    if (name.equals("RESCHEDULE") && !hasTime) {
      report.accept("scheduledAt", "RESCHEDULE needs the new time the post is to go out");
    } else if (!name.equals("RESCHEDULE") && hasTime) {
      report.accept("scheduledAt", "only a RESCHEDULE has a new time; leave this out for " + name);
    }
  }

  private static void checkOfficial(Map<String, Object> values, BiConsumer<String, String> report) {
    for (String field : List.of("name", "office")) {
      if (values.get(field) instanceof CharSequence text && text.toString().isBlank()) {
        report.accept(field, "must not be empty");
      }
    }
    if (!(values.get("handles") instanceof Map<?, ?> handles)) {
      return;
    }
    for (Map.Entry<?, ?> handle : handles.entrySet()) {
      String platform = String.valueOf(handle.getKey());
      if (!PLATFORMS.contains(platform)) {
        report.accept(
            "handles." + platform,
            "not a platform; use one of " + String.join(", ", PLATFORMS) + " as the key");
      } else if (!(handle.getValue() instanceof CharSequence value)
          || !HANDLE.matcher(value).matches()) {
        report.accept(
            "handles." + platform,
            "must be the official's handle on that platform, one word such as @CountyExec");
      }
    }
  }

  private static String checkId(String eventType, String field, String id) {
    if (id.isBlank()) {
      return "must not be empty";
    }
    if (id.equals("*") && field.equals("branchId")) {
      return EVERY_BRANCH_TYPES.contains(eventType)
          ? null
          : "\"*\" (every branch) is only allowed on milestones and response plans; name the branch";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "must be at most " + MAX_ID_LENGTH + " characters";
    }
    return isIdText(id) ? null : ID_RULE;
  }

  /**
   * Whether a text of 1 to 128 characters matches {@link #ID_PATTERN}, by a loop over its
   * characters: the same verdict (EventRulesFastChecksTest), without a matcher per id.
   */
  static boolean isIdText(String id) {
    int n = id.length();
    if (n < 1 || n > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** The rule {@link #isIdText} follows, for the test that compares them. */
  static boolean matchesIdPattern(String id) {
    return ID_PATTERN.matcher(id).matches();
  }

  private static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * An absolute http or https address with a host. The common plain shape is decided by a scan of
   * its characters ({@link #isPlainWebAddress}); anything else by {@link java.net.URI}, as before.
   */
  static boolean isWebAddress(String text) {
    return isPlainWebAddress(text) || isWebAddressByUri(text);
  }

  /**
   * Characters of the path, query and fragment-free rest of a plain address: ASCII letters and
   * digits, and the marks and reserved characters {@link java.net.URI} takes in a path and a query
   * as they are ({@code -_.!~*'()} and {@code :@&=+$,;/?}). Not {@code %} (an escape must be
   * checked), {@code #}, brackets, spaces or anything beyond ASCII: those go to {@code URI}.
   */
  private static final boolean[] PLAIN_REST = plainRest();

  private static boolean[] plainRest() {
    boolean[] allowed = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      allowed[c] = true;
      allowed[Character.toUpperCase(c)] = true;
    }
    for (char c : "-_.!~*'():@&=+$,;/?".toCharArray()) {
      allowed[c] = true;
    }
    return allowed;
  }

  /**
   * Whether a text is certainly an absolute http(s) address with a host, by its characters alone:
   * {@code http://} or {@code https://} (the scheme in any case), a host of ASCII letters, digits,
   * dots and hyphens (no user, no port), then nothing or a {@code /} and {@link #PLAIN_REST}
   * characters. {@code URI} accepts every such text, with that host (or, for a host that is not a
   * valid name, as its authority), so the answer is the same (EventRulesFastChecksTest); false
   * means "not decided here", never "not an address".
   */
  static boolean isPlainWebAddress(String text) {
    int i;
    if (startsWithAsciiIgnoringCase(text, "https://")) {
      i = 8;
    } else if (startsWithAsciiIgnoringCase(text, "http://")) {
      i = 7;
    } else {
      return false;
    }
    int n = text.length();
    int hostStart = i;
    while (i < n) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-') {
        i++;
      } else {
        break;
      }
    }
    if (i == hostStart) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (text.charAt(i) != '/') {
      return false;
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 128 || !PLAIN_REST[c]) {
        return false;
      }
    }
    return true;
  }

  /** ASCII letters only: {@code regionMatches(true, ...)} would also take e.g. U+017F for 's'. */
  private static boolean startsWithAsciiIgnoringCase(String text, String lowerPrefix) {
    if (text.length() < lowerPrefix.length()) {
      return false;
    }
    for (int i = 0; i < lowerPrefix.length(); i++) {
      char c = text.charAt(i);
      char expected = lowerPrefix.charAt(i);
      if (c != expected && !(expected >= 'a' && expected <= 'z' && c == expected - 32)) {
        return false;
      }
    }
    return true;
  }

  /** The check by {@link java.net.URI}: what decides every address the scan does not. */
  static boolean isWebAddressByUri(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (scheme == null) {
        return false;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return false;
      }
      // a host with non-ASCII letters parses as a registry authority, not a host
      String host = uri.getHost() != null ? uri.getHost() : uri.getRawAuthority();
      return host != null && !host.isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String webAddressMessage() {
    return "must be a full web address starting with http:// or https://";
  }

  private static boolean isEmail(String text) {
    int at = text.indexOf('@');
    return at > 0
        && at < text.length() - 1
        && text.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }
}
