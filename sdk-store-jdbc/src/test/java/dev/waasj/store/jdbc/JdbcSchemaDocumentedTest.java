package dev.waasj.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The schema the README shows is the one the jar ships, statement for statement. */
class JdbcSchemaDocumentedTest {
  @Test
  void theReadmesSchemaIsTheShippedOne() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("a ```sql block in the README").isTrue();

    assertThat(statements(block.group(1))).isEqualTo(statements(JdbcSchema.sql(JdbcSchema.DEFAULT_PREFIX)));
  }

  /** The text without comments and with blank lines and trailing spaces dropped. */
  private static String statements(String sql) {
    return sql.lines()
        .filter(line -> !line.startsWith("--"))
        .map(String::stripTrailing)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
