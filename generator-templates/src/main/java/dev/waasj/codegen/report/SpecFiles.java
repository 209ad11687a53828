package dev.waasj.codegen.report;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the two spec files and reads them for the spec comparison, the way the generator reads a spec. */
final class SpecFiles {
  private static final String SCHEMAS = "#/components/schemas/";

  private SpecFiles() {}

  /**
   * Refuses what cannot be compared: a missing or unreadable file, or the same file given twice.
   *
   * @throws ReportInputException with a one-line reason
   */
  static void check(Path previous, Path current) {
    for (Path p : List.of(previous, current)) {
      if (!Files.exists(p)) {
        throw new ReportInputException("no such file: " + p);
      }
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        throw new ReportInputException("not a readable file: " + p);
      }
    }
    try {
      if (Files.isSameFile(previous, current)) {
        throw new ReportInputException("the previous and the new spec are the same file: " + current
            + " (compare two releases; a spec compared with itself has no changes to report)");
      }
    } catch (IOException e) {
      throw new ReportInputException("cannot read " + current + ": " + e.getMessage());
    }
  }

  /**
   * Reads an OpenAPI 3 document.
   *
   * @throws ReportInputException if the file is not one
   */
  static OpenAPI read(Path spec) {
    // Cobo's spec holds scalars (an unquoted "=", 32-digit numbers) that the parser's strict SnakeYAML pre-check
    // refuses while its reader handles them; openapi-generator reads past the same messages.
    DeserializationUtils.getOptions().setValidateYamlInput(false);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    String content;
    try {
      content = Files.readString(spec);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ReportInputException("not an OpenAPI 3 spec: " + spec + " (not UTF-8 text)");
    } catch (IOException | RuntimeException e) {
      throw new ReportInputException("cannot read " + spec + ": " + e.getMessage());
    }
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(content, null, options);
    } catch (RuntimeException e) {
      throw new ReportInputException("not an OpenAPI 3 spec: " + spec + " (" + e.getMessage() + ")");
    }
    OpenAPI api = result == null ? null : result.getOpenAPI();
    if (api == null || api.getOpenapi() == null || !api.getOpenapi().startsWith("3") || api.getPaths() == null) {
      List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
      throw new ReportInputException("not an OpenAPI 3 spec: " + spec
          + (messages.isEmpty() ? "" : " (" + messages.get(0) + ")"));
    }
    dropDanglingMappings(api);
    return api;
  }

  /**
   * Removes discriminator mappings that name no schema (1.38.0 maps {@code Transfer} to {@code
   * EstimateTransferFeeParams:}, with a colon): the generator skips them, and the comparison would stop at them.
   */
  @SuppressWarnings("rawtypes") // swagger-models' own type for the schema map
  private static void dropDanglingMappings(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    for (Schema<?> schema : schemas.values()) {
      Discriminator discriminator = schema.getDiscriminator();
      if (discriminator == null || discriminator.getMapping() == null) {
        continue;
      }
      List<String> dangling = new ArrayList<>();
      discriminator.getMapping().forEach((value, ref) -> {
        if (ref.startsWith(SCHEMAS) && !schemas.containsKey(ref.substring(SCHEMAS.length()))) {
          dangling.add(value);
        }
      });
      dangling.forEach(discriminator.getMapping()::remove);
    }
  }
}
