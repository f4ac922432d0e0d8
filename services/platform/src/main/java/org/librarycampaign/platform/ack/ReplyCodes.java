package org.librarycampaign.platform.ack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The short SMS reply codes of an incident: a number from 1 to 99 derived from the incident id,
 * then {@code A} (acknowledge) or {@code E} (escalate now), e.g. {@code 42A}.
 *
 * <p>The number is a pure function of the id (CRC-32 of its UTF-8 bytes, modulo 99, plus 1), so the
 * dispatcher that writes the text and the ingest API that reads the reply agree without sharing
 * state, and {@code campaign plan} prints the same codes every run. A reply is matched against the
 * open incidents the sender's number was alerted about; two of them with the same number (about one
 * chance in a hundred for two) make the code ambiguous, and the answer then points to the links.
 */
public final class ReplyCodes {

  private static final Pattern CODE = Pattern.compile("([0-9]{1,2})\\s*([AE])");

  private ReplyCodes() {}

  /** What a code asks for. */
  public enum Action {
    ACKNOWLEDGE,
    ESCALATE
  }

  /** A reply code read from a text: the incident number and the action. */
  public record Reply(int number, Action action) {}

  /** The number of an incident, 1 to 99. */
  public static int number(String incidentId) {
    CRC32 crc = new CRC32();
    crc.update(incidentId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 99) + 1;
  }

  /** {@code Reply 42A to acknowledge, 42E to escalate now.} */
  public static String instruction(String incidentId) {
    int number = number(incidentId);
    return "Reply " + number + "A to acknowledge, " + number + "E to escalate now.";
  }

  /** The code a text is, ignoring case and surrounding space; empty when it is not one. */
  public static Optional<Reply> parse(String text) {
    Matcher matcher = CODE.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Action action = matcher.group(2).equals("A") ? Action.ACKNOWLEDGE : Action.ESCALATE;
    return Optional.of(new Reply(Integer.parseInt(matcher.group(1)), action));
  }
}
