package org.librarycampaign.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.librarycampaign.bench.Workload;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
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
 * The JSON reader on one PostDrafted line (parse, validate, build the Avro record), as the ingest
 * API and {@code campaign emit} do per event; and the way back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventJsonBenchmark {

  private EventJson json;
  private String line;
  private ParsedEvent event;

  @Setup
  public void setUp() {
    Workload workload = new Workload();
    json = workload.json();
    line = workload.draftLine("jmh", 3);
    event = json.parse(line);
  }

  @Benchmark
  public ParsedEvent parse() {
    return json.parse(line);
  }

  @Benchmark
  public String write() {
    return json.write(event);
  }
}
