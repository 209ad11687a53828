package dev.waasj.codegen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.Writer;

/** Indents every non-blank line of a section, so one template can write a top-level or a nested class. */
final class IndentLambda implements Mustache.Lambda {
  private final String prefix;

  IndentLambda(int spaces) {
    this.prefix = " ".repeat(spaces);
  }

  @Override
  public void execute(Template.Fragment fragment, Writer out) throws IOException {
    String text = fragment.execute();
    StringBuilder indented = new StringBuilder(text.length() + 64);
    for (String line : text.split("\n", -1)) {
      if (indented.length() > 0) {
        indented.append('\n');
      }
      if (!line.isBlank()) {
        indented.append(prefix).append(line);
      }
    }
    out.write(indented.toString());
  }
}
