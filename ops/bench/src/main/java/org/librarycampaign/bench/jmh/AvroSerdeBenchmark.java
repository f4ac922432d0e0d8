package org.librarycampaign.bench.jmh;

import java.util.concurrent.TimeUnit;
import library.campaign.events.PostEvent;
import org.librarycampaign.bench.Workload;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.serde.AvroSerde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The platform's Avro serde on one PostDrafted (in its PostEvent envelope), with the schema id
 * already cached: what every service pays per record it reads or writes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AvroSerdeBenchmark {

  private static final String TOPIC = "campaign.posts";

  private AvroSerde<PostEvent> serde;
  private PostEvent draft;
  private byte[] bytes;

  @Setup
  public void setUp() {
    serde = new AvroSerde<>(new InMemorySchemaRegistry(), PostEvent.class, true);
    draft = (PostEvent) new Workload().draft("jmh", 3).value();
    bytes = serde.serializer().serialize(TOPIC, draft);
  }

  @Benchmark
  public byte[] serialize() {
    return serde.serializer().serialize(TOPIC, draft);
  }

  @Benchmark
  public PostEvent deserialize() {
    return serde.deserializer().deserialize(TOPIC, bytes);
  }
}
