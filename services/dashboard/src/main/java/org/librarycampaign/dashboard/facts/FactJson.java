package org.librarycampaign.dashboard.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON form of the stored facts and of everything the dashboard API answers: instants as
 * ISO-8601 UTC ({@code 2026-12-01T15:00:00Z}), dates as ISO dates, absent values left out. Fields a
 * reader does not know are skipped, so a stored fact written by a newer version still reads.
 */
public final class FactJson {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(timeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private FactJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
    }
  }

  private static SimpleModule timeModule() {
    SimpleModule module = new SimpleModule("dashboard-time");
    module.addSerializer(
        Instant.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return Instant.parse(parser.getValueAsString());
          }
        });
    module.addSerializer(
        LocalDate.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    module.addDeserializer(
        LocalDate.class,
        new JsonDeserializer<>() {
          @Override
          public LocalDate deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return LocalDate.parse(parser.getValueAsString());
          }
        });
    return module;
  }
}
