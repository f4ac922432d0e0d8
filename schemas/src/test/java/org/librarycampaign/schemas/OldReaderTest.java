package org.librarycampaign.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictCleared;
import library.campaign.events.ConflictEvent;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * A symbol added to an enum since its release reaches readers still built from the released schema
 * (a reader not upgraded yet, README: rolling upgrades) as the enum's default, instead of failing
 * the read: the reason every enum has a default symbol.
 */
class OldReaderTest {

  private static final Path RELEASED =
      Path.of(System.getProperty("schemas.dir", ".")).resolve("released");

  @Test
  void aReleasedConflictEventReaderReadsPostRejectedAsUnknown() throws IOException {
    Schema released = new Schema.Parser().parse(RELEASED.resolve("ConflictEvent/v1.avsc").toFile());
    ConflictEvent cleared =
        new ConflictEvent(
            ConflictCleared.newBuilder()
                .setPostId("p1")
                .setMilestoneId("fair")
                .setBranchId("eastside")
                .setCause(ClearCause.POST_REJECTED)
                .setMessage(
                    "No longer clashes with the County Fair: the post was rejected in review")
                .setClearedAt(Instant.parse("2026-12-05T12:00:00Z"))
                .build());

    assertThat(
            SchemaCompatibility.checkReaderWriterCompatibility(
                    released, ConflictEvent.getClassSchema())
                .getType())
        .as("the released reader reads what today's writer writes")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    GenericRecord read = read(cleared, released);
    GenericRecord event = (GenericRecord) read.get("event");
    assertThat(event.getSchema().getName()).isEqualTo("ConflictCleared");
    assertThat(event.get("cause")).hasToString("UNKNOWN");
    assertThat(event.get("message"))
        .hasToString("No longer clashes with the County Fair: the post was rejected in review");
  }

  private static GenericRecord read(ConflictEvent written, Schema reader) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(ConflictEvent.class).write(written, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(ConflictEvent.getClassSchema(), reader)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }
}
