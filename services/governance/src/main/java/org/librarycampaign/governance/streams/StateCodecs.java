package org.librarycampaign.governance.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.Warning;
import org.librarycampaign.governance.hashtags.HashtagUse;

/**
 * Compact binary forms of governance's own state: store values, their changelogs and the internal
 * hashtag topics. These never leave the service, so they are not Avro contract types; each starts
 * with a format version byte so that a later layout can still read the earlier one. Hand-written
 * over a byte array because every event reads and writes several of them.
 */
public final class StateCodecs {

  private static final byte VERSION = 1;

  private StateCodecs() {}

  public static Serde<PostRecord> postRecords() {
    return serde(StateCodecs::writePost, StateCodecs::readPost);
  }

  public static Serde<BalanceLedger> ledgers() {
    return serde(StateCodecs::writeLedger, StateCodecs::readLedger);
  }

  public static Serde<BranchCrises> crises() {
    return serde(StateCodecs::writeCrises, StateCodecs::readCrises);
  }

  public static Serde<HashtagUse> hashtagUses() {
    return serde(StateCodecs::writeUse, StateCodecs::readUse);
  }

  private static void writePost(PostRecord post, Out out) {
    writeString(out, post.postId());
    out.writeInt(post.revision());
    writeString(out, post.branchId());
    writeString(out, post.platform().name());
    writeString(out, post.category().name());
    writeNullable(out, post.campaignId());
    out.writeLong(post.scheduledAt().toEpochMilli());
    out.writeLong(post.draftedAt().toEpochMilli());
    out.writeLong(post.window().monday().toEpochDay());
    out.writeLong(post.day().toEpochDay());
    writeString(out, post.status().name());
    out.writeBoolean(post.released());
    out.writeInt(post.warnings().size());
    for (Warning warning : post.warnings()) {
      writeString(out, warning.code().name());
      writeString(out, warning.message());
      writeNullable(out, warning.hashtag());
      writeNullable(out, warning.firstUsedBy());
      out.writeBoolean(warning.firstUsedAt() != null);
      if (warning.firstUsedAt() != null) {
        out.writeLong(warning.firstUsedAt().toEpochMilli());
      }
    }
  }

  private static PostRecord readPost(In in) {
    String postId = readString(in);
    int revision = in.readInt();
    String branchId = readString(in);
    Platform platform = Platform.valueOf(readString(in));
    PostCategory category = PostCategory.valueOf(readString(in));
    String campaignId = readNullable(in);
    Instant scheduledAt = Instant.ofEpochMilli(in.readLong());
    Instant draftedAt = Instant.ofEpochMilli(in.readLong());
    LocalDate monday = LocalDate.ofEpochDay(in.readLong());
    LocalDate day = LocalDate.ofEpochDay(in.readLong());
    DecisionStatus status = DecisionStatus.valueOf(readString(in));
    boolean released = in.readBoolean();
    int count = in.readInt();
    List<Warning> warnings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      WarningCode code = WarningCode.valueOf(readString(in));
      String message = readString(in);
      String hashtag = readNullable(in);
      String firstUsedBy = readNullable(in);
      Instant firstUsedAt = in.readBoolean() ? Instant.ofEpochMilli(in.readLong()) : null;
      warnings.add(new Warning(code, message, hashtag, firstUsedBy, firstUsedAt));
    }
    return new PostRecord(
        postId,
        revision,
        branchId,
        platform,
        category,
        campaignId,
        scheduledAt,
        draftedAt,
        new WindowKey(branchId, platform, monday),
        day,
        status,
        released,
        warnings);
  }

  private static void writeLedger(BalanceLedger ledger, Out out) {
    writeString(out, ledger.key().branchId());
    writeString(out, ledger.key().platform().name());
    out.writeLong(ledger.key().monday().toEpochDay());
    out.writeInt(ledger.approvedContent());
    out.writeInt(ledger.approvedCampaign());
    out.writeInt(ledger.approvedPerDay().size());
    for (Map.Entry<LocalDate, Integer> day : ledger.approvedPerDay().entrySet()) {
      out.writeLong(day.getKey().toEpochDay());
      out.writeInt(day.getValue());
    }
    out.writeInt(ledger.held().size());
    for (BalanceLedger.Held held : ledger.held()) {
      writeString(out, held.postId());
      out.writeLong(held.day().toEpochDay());
    }
  }

  private static BalanceLedger readLedger(In in) {
    WindowKey key =
        new WindowKey(
            readString(in), Platform.valueOf(readString(in)), LocalDate.ofEpochDay(in.readLong()));
    int content = in.readInt();
    int campaign = in.readInt();
    int days = in.readInt();
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    for (int i = 0; i < days; i++) {
      perDay.put(LocalDate.ofEpochDay(in.readLong()), in.readInt());
    }
    int heldCount = in.readInt();
    List<BalanceLedger.Held> held = new ArrayList<>(heldCount);
    for (int i = 0; i < heldCount; i++) {
      held.add(new BalanceLedger.Held(readString(in), LocalDate.ofEpochDay(in.readLong())));
    }
    return new BalanceLedger(key, content, campaign, perDay, held);
  }

  private static void writeCrises(BranchCrises crises, Out out) {
    out.writeInt(crises.open().size());
    for (Map.Entry<String, Severity> incident : crises.open().entrySet()) {
      writeString(out, incident.getKey());
      writeString(out, incident.getValue().name());
    }
  }

  private static BranchCrises readCrises(In in) {
    int openCount = in.readInt();
    Map<String, Severity> open = new TreeMap<>();
    for (int i = 0; i < openCount; i++) {
      open.put(readString(in), Severity.valueOf(readString(in)));
    }
    return new BranchCrises(open);
  }

  private static void writeUse(HashtagUse use, Out out) {
    writeString(out, use.hashtag());
    writeString(out, use.branchId());
    writeNullable(out, use.campaignId());
    writeString(out, use.postId());
    out.writeLong(use.usedAt().toEpochMilli());
  }

  private static HashtagUse readUse(In in) {
    return new HashtagUse(
        readString(in),
        readString(in),
        readNullable(in),
        readString(in),
        Instant.ofEpochMilli(in.readLong()));
  }

  private static void writeString(Out out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(In in) {
    return in.readString();
  }

  private static void writeNullable(Out out, String value) {
    out.writeBoolean(value != null);
    if (value != null) {
      writeString(out, value);
    }
  }

  private static String readNullable(In in) {
    return in.readBoolean() ? readString(in) : null;
  }

  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, Out out);
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(In in);
  }

  private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          Out out = new Out();
          out.writeByte(VERSION);
          writer.write(value, out);
          return out.toByteArray();
        };
    Deserializer<T> deserializer =
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          In in = new In(data);
          byte version = in.readByte();
          if (version != VERSION) {
            throw new SerializationException(
                "governance state on " + topic + " has unknown format version " + version);
          }
          try {
            return reader.read(in);
          } catch (RuntimeException e) {
            throw new SerializationException("cannot read governance state on " + topic, e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** A growing byte array, big-endian like {@link java.io.DataOutput}. */
  private static final class Out {
    private byte[] bytes = new byte[128];
    private int length;

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }

    void writeByte(int value) {
      ensure(1);
      bytes[length++] = (byte) value;
    }

    void writeBoolean(boolean value) {
      writeByte(value ? 1 : 0);
    }

    void writeInt(int value) {
      ensure(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }

    void writeLong(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[length++] = (byte) (value >>> shift);
      }
    }

    void writeBytes(byte[] value) {
      writeInt(value.length);
      ensure(value.length);
      System.arraycopy(value, 0, bytes, length, value.length);
      length += value.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, length);
    }
  }

  /** Reads what {@link Out} wrote; running past the end is an error, not a silent zero. */
  private static final class In {
    private final ByteBuffer buffer;

    In(byte[] data) {
      buffer = ByteBuffer.wrap(data);
    }

    byte readByte() {
      return buffer.get();
    }

    boolean readBoolean() {
      return buffer.get() != 0;
    }

    int readInt() {
      return buffer.getInt();
    }

    long readLong() {
      return buffer.getLong();
    }

    String readString() {
      int size = buffer.getInt();
      if (size < 0 || size > buffer.remaining()) {
        throw new IllegalArgumentException("string of " + size + " bytes out of range");
      }
      String value =
          new String(
              buffer.array(),
              buffer.arrayOffset() + buffer.position(),
              size,
              StandardCharsets.UTF_8);
      buffer.position(buffer.position() + size);
      return value;
    }
  }
}
