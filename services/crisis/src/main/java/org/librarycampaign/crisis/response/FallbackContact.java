package org.librarycampaign.crisis.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import library.campaign.events.ContactChannel;

/**
 * Someone told of every incident nobody else is handling (README: never unheard): an unrouted one
 * at once, an exhausted one when its repeats run out. Configured in {@code
 * campaign.crisis.fallback-contacts}.
 *
 * @param name how the person or desk is named in the message
 * @param contacts at least one
 */
public record FallbackContact(String name, List<Contact> contacts) {

  public FallbackContact {
    Objects.requireNonNull(name, "name");
    contacts = List.copyOf(contacts);
  }

  /**
   * Reads the configuration form: people separated by {@code ;}, each a name followed by contacts
   * separated by {@code ,}: {@code <name@domain>} (or a bare {@code name@domain}) for e-mail,
   * {@code +15550123} for SMS, {@code https://...} for a webhook. For example {@code Duty desk
   * <duty@library.example>, +15550123; Lee Chen +15550188}. Blank: nobody.
   *
   * @param key the configuration key, named in error messages
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static List<FallbackContact> parse(String key, String text) {
    List<FallbackContact> people = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return people;
    }
    String[] entries = text.split(";");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty()) {
        continue;
      }
      people.add(person(key, i + 1, entry));
    }
    return people;
  }

  private static FallbackContact person(String key, int position, String entry) {
    String where = key + " entry " + position + " (\"" + entry + "\")";
    String[] parts = entry.split(",");
    String first = parts[0].strip();
    int contactStart = firstContact(first);
    if (contactStart <= 0) {
      throw new IllegalArgumentException(
          where
              + ": expected a name followed by contacts, e.g."
              + " \"Duty desk <duty@library.example>, +15550123\"");
    }
    String name = first.substring(0, contactStart).strip();
    List<String> addresses = new ArrayList<>();
    addresses.add(first.substring(contactStart).strip());
    for (int p = 1; p < parts.length; p++) {
      addresses.add(parts[p].strip());
    }
    List<Contact> contacts = new ArrayList<>();
    for (String address : addresses) {
      contacts.add(contact(where, address));
    }
    return new FallbackContact(name, contacts);
  }

  /** Where the first contact of {@code text} begins, or -1. */
  private static int firstContact(String text) {
    String[] words = text.split("\\s+");
    int offset = 0;
    for (String word : words) {
      int at = text.indexOf(word, offset);
      if (looksLikeContact(word)) {
        return at;
      }
      offset = at + word.length();
    }
    return -1;
  }

  private static boolean looksLikeContact(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return word.startsWith("<")
        || word.startsWith("+")
        || lower.startsWith("http://")
        || lower.startsWith("https://")
        || word.contains("@");
  }

  private static Contact contact(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.startsWith("<") && text.endsWith(">")) {
      return email(where, text.substring(1, text.length() - 1).strip());
    }
    if (text.startsWith("+")) {
      String digits = text.substring(1).replaceAll("[\\s-]", "");
      if (digits.length() >= 4 && digits.chars().allMatch(Character::isDigit)) {
        return new Contact(ContactChannel.SMS, "+" + digits);
      }
      throw new IllegalArgumentException(
          where + ": \"" + text + "\" is not a phone number such as +15550123");
    }
    if ((lower.startsWith("https://") || lower.startsWith("http://")) && !text.contains(" ")) {
      return new Contact(ContactChannel.WEBHOOK, text);
    }
    if (text.contains("@")) {
      return email(where, text);
    }
    throw new IllegalArgumentException(
        where
            + ": \""
            + text
            + "\" is not a contact; use <name@domain> for e-mail, +15550123 for SMS or"
            + " https://... for a webhook");
  }

  private static Contact email(String where, String address) {
    int at = address.indexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.contains(" ")) {
      throw new IllegalArgumentException(
          where + ": \"" + address + "\" is not an e-mail address such as duty@library.example");
    }
    return new Contact(ContactChannel.EMAIL, address);
  }
}
