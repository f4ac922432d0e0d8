package org.librarycampaign.publisher.channel;

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
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * The local outbox: where a post goes when its channel has no publisher configured (a laptop
 * running {@code campaign up}), kept and readable instead of dropped. One JSON file per revision,
 * {@code <outbox>/<branchId>/<postId>@<revision>.json} (characters other than letters, digits,
 * {@code -} and {@code _} written {@code %XX}), labelled as not sent and why, written atomically; a
 * repeat overwrites the same file.
 */
public final class OutboxPublisher implements Publisher {

  public static final String LABEL_FIELD = "outbox";
  private static final String EXTENSION = ".json";

  private final Path directory;

  public OutboxPublisher(Path directory) {
    this.directory = directory;
  }

  @Override
  public PublisherKind kind() {
    return PublisherKind.OUTBOX;
  }

  @Override
  public PublishOutcome publish(PostState post) {
    try {
      Path written = write(post);
      return new PublishOutcome.Published(
          null,
          null,
          "written to the local outbox ("
              + written
              + "): "
              + post.channelId()
              + " has no publisher configured");
    } catch (IOException e) {
      return PublishOutcome.transientFailure("cannot write to the outbox: " + e.getMessage());
    }
  }

  Path fileOf(PostState post) {
    return directory
        .resolve(fileName(post.branchId()))
        .resolve(fileName(post.postId()) + "@" + post.revision() + EXTENSION);
  }

  private Path write(PostState post) throws IOException {
    ObjectNode entry = Http.MAPPER.createObjectNode();
    entry.put(LABEL_FIELD, "NOT SENT: " + post.channelId() + " has no publisher configured");
    entry.setAll(PostJson.of(post));
    Path file = fileOf(post);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
    try {
      Files.write(temp, Http.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return directory.relativize(file);
  }

  /** Every entry, earliest scheduled first: what {@code GET /api/publisher/outbox} shows. */
  public List<JsonNode> entries() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<JsonNode> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory, 2)) {
      for (Path file : files.filter(f -> f.toString().endsWith(EXTENSION)).sorted().toList()) {
        entries.add(Http.MAPPER.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + directory, e);
    }
    entries.sort(
        Comparator.comparing((JsonNode e) -> e.path("scheduledAt").asText())
            .thenComparing(e -> e.path("idempotencyKey").asText()));
    return entries;
  }

  static String fileName(String id) {
    StringBuilder name = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
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
}
