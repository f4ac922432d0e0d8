package org.librarycampaign.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every subject is BACKWARD compatible: a consumer built from today's schemas reads what producers
 * built from the released schemas wrote. The released versions live in {@code schemas/released/}; a
 * schema change that breaks them fails the build here.
 */
class SchemaCompatibilityTest {

  private static final Path SCHEMAS_DIR = Path.of(System.getProperty("schemas.dir", "."));
  private static final Path RELEASED = SCHEMAS_DIR.resolve("released");
  private static final Path CURRENT = SCHEMAS_DIR.resolve("src/main/avro");

  @TestFactory
  Stream<DynamicTest> currentSchemaReadsEveryReleasedVersion() throws IOException {
    return releasedFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    RELEASED.relativize(file).toString(),
                    () -> {
                      Schema released = new Schema.Parser().parse(file.toFile());
                      Schema current = currentSchema(released.getFullName());
                      var result =
                          SchemaCompatibility.checkReaderWriterCompatibility(current, released);
                      assertThat(result.getType())
                          .as(
                              "%s is not BACKWARD compatible with %s: %s",
                              released.getFullName(),
                              file,
                              result.getResult().getIncompatibilities().stream()
                                  .map(
                                      i ->
                                          i.getType()
                                              + " at "
                                              + i.getLocation()
                                              + " ("
                                              + i.getMessage()
                                              + ")")
                                  .toList())
                          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                    }));
  }

  @Test
  void everyTopicSchemaHasAReleasedBaseline() throws IOException {
    List<String> baselined =
        releasedFiles().stream().map(p -> p.getParent().getFileName().toString()).toList();
    try (Stream<Path> files = Files.list(CURRENT)) {
      List<String> envelopes =
          files
              .filter(p -> p.toString().endsWith(".avsc"))
              .map(p -> p.getFileName().toString().replace(".avsc", ""))
              .toList();
      assertThat(envelopes).isNotEmpty();
      assertThat(baselined)
          .as("released baselines under %s (one folder per record, one file per version)", RELEASED)
          .containsAll(envelopes);
    }
  }

  private static Schema currentSchema(String fullName) throws ClassNotFoundException {
    Class<?> generated = Class.forName(fullName);
    return SpecificData.get().getSchema(generated);
  }

  private static List<Path> releasedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(RELEASED)) {
      return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    }
  }
}
