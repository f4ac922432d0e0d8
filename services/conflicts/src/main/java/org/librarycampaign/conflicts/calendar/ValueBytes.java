package org.librarycampaign.conflicts.calendar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The stored form of posts and milestones: a format version byte, then the fields in a fixed order
 * (strings as a length and UTF-8, an absent string as length -1). A later format gets a new version
 * byte and reads the older ones.
 */
final class ValueBytes {

  private static final byte FORMAT_1 = 1;

  private ValueBytes() {}

  static byte[] post(Post post) {
    return write(
        out -> {
          out.writeInt(post.revision());
          out.writeBoolean(post.live());
          writeText(out, post.branchId());
          writeText(out, post.platform());
          out.writeBoolean(post.campaign());
          writeText(out, post.campaignId());
          out.writeLong(post.scheduledAt().toEpochMilli());
        });
  }

  static Post post(String postId, byte[] bytes) {
    return read(
        bytes,
        in -> {
          int revision = in.readInt();
          boolean live = in.readBoolean();
          String branchId = readText(in);
          String platform = readText(in);
          boolean campaign = in.readBoolean();
          String campaignId = readText(in);
          Instant scheduledAt = Instant.ofEpochMilli(in.readLong());
          return new Post(
              postId, revision, branchId, platform, campaign, campaignId, scheduledAt, live);
        });
  }

  static byte[] milestone(Milestone milestone) {
    return write(
        out -> {
          out.writeInt(milestone.revision());
          writeText(out, milestone.scope());
          writeText(out, milestone.stance().name());
          writeText(out, milestone.campaignId());
          writeText(out, milestone.title());
          out.writeLong(milestone.startsAt().toEpochMilli());
          out.writeLong(milestone.endsAt().toEpochMilli());
          out.writeLong(milestone.buffer().toMillis());
          out.writeBoolean(milestone.cancelled());
        });
  }

  static Milestone milestone(String milestoneId, byte[] bytes) {
    return read(
        bytes,
        in ->
            new Milestone(
                milestoneId,
                in.readInt(),
                readText(in),
                Stance.valueOf(readText(in)),
                readText(in),
                readText(in),
                Instant.ofEpochMilli(in.readLong()),
                Instant.ofEpochMilli(in.readLong()),
                Duration.ofMillis(in.readLong()),
                in.readBoolean()));
  }

  /** A text value, or {@code null}, alone. */
  static byte[] optionalText(String text) {
    return write(out -> writeText(out, text));
  }

  static String optionalText(byte[] bytes) {
    return read(bytes, ValueBytes::readText);
  }

  static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] millis(Instant instant) {
    return write(out -> out.writeLong(instant.toEpochMilli()));
  }

  static Instant millis(byte[] bytes) {
    return read(bytes, in -> Instant.ofEpochMilli(in.readLong()));
  }

  private interface Writing {
    void to(DataOutputStream out) throws IOException;
  }

  private interface Reading<T> {
    T from(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_1);
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reading<T> reading) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT_1) {
        throw new IllegalStateException("unknown stored format " + format);
      }
      return reading.from(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      return null;
    }
    return new String(in.readNBytes(size), StandardCharsets.UTF_8);
  }
}
