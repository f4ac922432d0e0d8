package org.librarycampaign.dispatcher.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import library.campaign.events.ContactChannel;
import library.campaign.events.Notification;

/**
 * The local outbox: where a message goes when its channel has no configuration (a laptop running
 * {@code campaign up}), so that it is kept and can be read instead of being dropped. One JSON file
 * per notification, {@code <outbox>/<CHANNEL>/<notification id, file-safe>.json}, labelled as not
 * sent and why; a repeat overwrites the same file.
 */
public final class Outbox {

  public static final String LABEL_FIELD = "outbox";
  private static final String EXTENSION = ".json";

  private final Path directory;

  public Outbox(Path directory) {
    this.directory = directory;
  }

  /** The file a notification is written to. */
  Path fileOf(ContactChannel channel, String notificationId) {
    return directory.resolve(channel.name()).resolve(fileName(notificationId) + EXTENSION);
  }

  /**
   * The id with every character other than letters, digits, '-' and '_' written as {@code %XX}
   * (UTF-8): reversible, and safe on every file system.
   */
  static String fileName(String notificationId) {
    StringBuilder name = new StringBuilder();
    for (byte b : notificationId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        name.append(c);
      } else {
        name.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return name.toString();
  }

  /** Writes the entry atomically (a reader never sees half a file); the path relative to here. */
  Path write(Notification notification, String why, String text) throws IOException {
    ObjectNode entry = NotificationJson.MAPPER.createObjectNode();
    entry.put(LABEL_FIELD, "NOT SENT: " + why);
    entry.put("text", text);
    NotificationJson.fields(entry, notification);
    Path file = fileOf(notification.getChannel(), notification.getNotificationId());
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
    try {
      Files.write(
          temp, NotificationJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return directory.relativize(file);
  }

  /** Every entry, oldest notification first: what the dashboard and the HTTP route show. */
  public List<JsonNode> entries() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<JsonNode> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory, 2)) {
      for (Path file : files.filter(f -> f.toString().endsWith(EXTENSION)).sorted().toList()) {
        entries.add(NotificationJson.MAPPER.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + directory, e);
    }
    entries.sort(
        Comparator.comparing((JsonNode e) -> e.path("createdAt").asText())
            .thenComparing(e -> e.path("notificationId").asText()));
    return entries;
  }

  /** A channel that writes to this outbox. */
  public Channel channel(String why, java.util.function.Function<Notification, String> text) {
    return notification -> {
      try {
        Path written = write(notification, why, text.apply(notification));
        return DeliveryOutcome.toOutbox("written to the local outbox (" + written + "): " + why);
      } catch (IOException e) {
        return DeliveryOutcome.transientFailure("cannot write to the outbox: " + e.getMessage());
      }
    };
  }
}
