package org.librarycampaign.crisis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.librarycampaign.crisis.response.Incident;

/**
 * The incident store's values as JSON: the state is internal to this service (it never leaves its
 * own store and changelog), and JSON lets a later version add fields and still read older state.
 * Instants are ISO-8601 strings.
 */
final class IncidentStateSerde implements Serde<Incident> {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("instants")
                  .addSerializer(Instant.class, new InstantSerializer())
                  .addDeserializer(Instant.class, new InstantDeserializer()))
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Override
  public Serializer<Incident> serializer() {
    return (topic, incident) -> {
      if (incident == null) {
        return null;
      }
      try {
        return MAPPER.writeValueAsBytes(incident);
      } catch (IOException e) {
        throw new SerializationException("cannot write the state of an incident", e);
      }
    };
  }

  @Override
  public Deserializer<Incident> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return MAPPER.readValue(bytes, Incident.class);
      } catch (IOException e) {
        throw new SerializationException("cannot read the state of an incident", e);
      }
    };
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(value.toString());
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
      return Instant.parse(in.getValueAsString());
    }
  }
}
