package org.librarycampaign.platform.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.Platform;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.CampaignTopic;

class AvroSerdeTest {

  static Stream<CampaignTopic> topics() {
    return Arrays.stream(CampaignTopic.values());
  }

  @ParameterizedTest
  @MethodSource("topics")
  <T extends SpecificRecord> void everyTopicValueSurvivesARoundTrip(CampaignTopic topic) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) topic.valueClass();
    AvroSerde<T> serde = new AvroSerde<>(new InMemorySchemaRegistry(), type, true);
    RandomRecords random = new RandomRecords(topic.ordinal());
    // equals() on records holding arrays of records with optional instants goes through
    // GenericData, which has no Instant conversion: compare with the class's own model instead
    SpecificData model = SpecificData.getForClass(type);

    for (int i = 0; i < 200; i++) {
      T original = random.next(type);
      byte[] bytes = serde.serializer().serialize(topic.baseName(), original);
      T read = serde.deserializer().deserialize(topic.baseName(), bytes);
      if (topic == CampaignTopic.OFFICIALS) {
        // Avro cannot order maps (compare throws); this record holds no instants, so equals works
        assertThat(read).as("record %d of %s", i, type.getSimpleName()).isEqualTo(original);
      } else {
        assertThat(model.compare(read, original, original.getSchema()))
            .as("record %d of %s: %s", i, type.getSimpleName(), original)
            .isZero();
      }
      assertThat(read.toString()).isEqualTo(original.toString());
    }
  }

  @Test
  void bytesAreMagicByteThenBigEndianSchemaIdThenAvroBinary() throws IOException {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    registry.register("other-value", SchemaBuilder.builder().stringType());
    registry.register("another-value", SchemaBuilder.builder().intType());
    AvroSerde<ChannelPolicy> serde = new AvroSerde<>(registry, ChannelPolicy.class, true);
    ChannelPolicy policy =
        ChannelPolicy.newBuilder()
            .setBranchId("eastside")
            .setPlatform(Platform.FACEBOOK)
            .setContentPerCampaign(3)
            .setZone("America/Chicago")
            .build();

    byte[] bytes = serde.serializer().serialize("campaign.channel-policies", policy);

    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
    new SpecificDatumWriter<>(ChannelPolicy.class).write(policy, encoder);
    encoder.flush();
    int expectedId =
        registry.idOf("campaign.channel-policies-value", ChannelPolicy.getClassSchema());
    assertThat(expectedId).isEqualTo(3);
    assertThat(bytes[0]).isZero();
    assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 0, 3);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
  }

  @Test
  void aRecordWrittenWithAnOlderSchemaIsReadAsTheCurrentClass() throws IOException {
    Schema older =
        SchemaBuilder.record("ChannelPolicy")
            .namespace("library.campaign.events")
            .fields()
            .requiredString("branchId")
            .name("platform")
            .type(ChannelPolicy.getClassSchema().getField("platform").schema())
            .noDefault()
            .endRecord();
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    int id = registry.register("campaign.channel-policies-value", older);
    GenericRecord old = new GenericData.Record(older);
    old.put("branchId", "westside");
    old.put("platform", new GenericData.EnumSymbol(older.getField("platform").schema(), "X"));
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    framed.writeBytes(ConfluentWireFormat.header(id));
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(framed, null);
    new GenericDatumWriter<GenericRecord>(older).write(old, encoder);
    encoder.flush();

    ChannelPolicy read =
        new AvroDeserializer<ChannelPolicy>(registry, ChannelPolicy.getClassSchema())
            .deserialize("campaign.channel-policies", framed.toByteArray());

    assertThat(read.getBranchId()).isEqualTo("westside");
    assertThat(read.getPlatform()).isEqualTo(Platform.X);
    assertThat(read.getContentPerCampaign()).isNull();
  }

  @Test
  void bytesThatAreNotTheWireFormatAreRefusedWithTheTopicNamed() {
    AvroSerde<ChannelPolicy> serde =
        new AvroSerde<>(new InMemorySchemaRegistry(), ChannelPolicy.class, true);

    assertThatThrownBy(
            () ->
                serde
                    .deserializer()
                    .deserialize("campaign.channel-policies", "{\"x\":1}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("campaign.channel-policies")
        .hasMessageContaining("magic byte");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void truncatedAvroIsRefused() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    AvroSerde<ChannelPolicy> serde = new AvroSerde<>(registry, ChannelPolicy.class, true);
    byte[] bytes =
        serde
            .serializer()
            .serialize(
                "t",
                ChannelPolicy.newBuilder()
                    .setBranchId("a-long-branch-name")
                    .setPlatform(Platform.X)
                    .build());

    assertThatThrownBy(
            () -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a valid ChannelPolicy");
  }

  @Test
  void withAutoRegistrationOffAnUnregisteredSchemaIsAnError() {
    AvroSerde<ChannelPolicy> serde =
        new AvroSerde<>(new InMemorySchemaRegistry(), ChannelPolicy.class, false);
    ChannelPolicy policy =
        ChannelPolicy.newBuilder().setBranchId("b").setPlatform(Platform.X).build();

    assertThatThrownBy(() -> serde.serializer().serialize("campaign.channel-policies", policy))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("campaign.channel-policies-value");
  }

  @Test
  void nullStaysNull() {
    AvroSerde<ChannelPolicy> serde =
        new AvroSerde<>(new InMemorySchemaRegistry(), ChannelPolicy.class, true);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void schemaIdsAboveOneByteKeepAllFourBytes() {
    byte[] header = ConfluentWireFormat.header(0x01020304);

    assertThat(header).containsExactly(0, 1, 2, 3, 4);
    assertThat(ConfluentWireFormat.schemaId("t", header)).isEqualTo(0x01020304);
  }
}
