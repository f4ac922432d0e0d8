package org.librarycampaign.platform.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Random but valid instances of any generated record class, walked from its schema. */
final class RandomRecords {

  private final Random random;

  RandomRecords(long seed) {
    this.random = new Random(seed);
  }

  <T extends SpecificRecord> T next(Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    Object generic = value(schema, 0);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<>(schema).write(generic, encoder);
      encoder.flush();
      return new SpecificDatumReader<T>(schema)
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object value(Schema schema, int depth) {
    return switch (schema.getType()) {
      case RECORD -> {
        GenericRecord record = new GenericData.Record(schema);
        schema.getFields().forEach(f -> record.put(f.pos(), value(f.schema(), depth + 1)));
        yield record;
      }
      case UNION -> {
        List<Schema> branches = schema.getTypes();
        yield value(branches.get(random.nextInt(branches.size())), depth);
      }
      case ENUM -> {
        List<String> symbols = schema.getEnumSymbols();
        yield new GenericData.EnumSymbol(schema, symbols.get(random.nextInt(symbols.size())));
      }
      case ARRAY -> {
        int size = depth > 4 ? 0 : random.nextInt(4);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          items.add(value(schema.getElementType(), depth + 1));
        }
        yield new GenericData.Array<>(schema, items);
      }
      case MAP -> {
        int size = depth > 4 ? 0 : random.nextInt(4);
        java.util.Map<String, Object> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          entries.put(text(), value(schema.getValueType(), depth + 1));
        }
        yield entries;
      }
      case STRING -> text();
      case INT -> random.nextInt();
      case LONG ->
          schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
              ? 1_700_000_000_000L + random.nextInt(Integer.MAX_VALUE)
              : random.nextLong();
      case BOOLEAN -> random.nextBoolean();
      case DOUBLE -> random.nextDouble();
      case BYTES -> {
        byte[] bytes = new byte[random.nextInt(16)];
        random.nextBytes(bytes);
        yield ByteBuffer.wrap(bytes);
      }
      case NULL -> null;
      default -> throw new IllegalArgumentException("no generator for " + schema.getType());
    };
  }

  private String text() {
    String alphabet = "abcxyz ÄéŋΩ中文📚-/#@:";
    int length = random.nextInt(12);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          alphabet.codePointAt(
              alphabet.offsetByCodePoints(
                  0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return text.toString();
  }
}
