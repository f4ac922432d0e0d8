package org.librarycampaign.dispatcher.channel;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.librarycampaign.platform.config.Secret;

/**
 * An HTTP SMS gateway: where to POST, how to authenticate, and the body, as a template whose
 * placeholders {@code {to}}, {@code {text}}, {@code {id}} and {@code {subject}} are filled in
 * URL-encoded (form) or JSON-escaped (json). Any provider with an HTTP API fits, e.g. a form body
 * {@code To={to}&From=+15550100&Body={text}} or a JSON body {@code
 * {"to":"{to}","message":"{text}"}}.
 */
public record SmsSettings(
    URI url, String authHeader, Optional<Secret> authToken, Format format, String template) {

  /** How the body is encoded. */
  public enum Format {
    FORM("application/x-www-form-urlencoded"),
    JSON("application/json; charset=utf-8");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    public String contentType() {
      return contentType;
    }

    public static Format parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("SMS body format must be form or json, got " + text, e);
      }
    }

    public String defaultTemplate() {
      return this == FORM ? "to={to}&text={text}&reference={id}" : DEFAULT_JSON_TEMPLATE;
    }
  }

  private static final String DEFAULT_JSON_TEMPLATE =
      "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{id}\"}";

  static final Set<String> PLACEHOLDERS = Set.of("to", "text", "id", "subject");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  public SmsSettings {
    if (HttpDelivery.httpUrl(url.toString()).isEmpty()) {
      throw new IllegalArgumentException("SMS gateway URL must be http(s), got " + url);
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!PLACEHOLDERS.contains(matcher.group(1))) {
        throw new IllegalArgumentException(
            "unknown placeholder {"
                + matcher.group(1)
                + "} in the SMS body template; known: "
                + PLACEHOLDERS.stream().sorted().toList());
      }
    }
  }
}
