package dev.waasj.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's name and version as sent in {@code User-Agent}; the version comes from the build. */
final class SdkVersion {
  static final String VERSION = read();
  static final String USER_AGENT = "waasj/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  private SdkVersion() {}

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("sdk-version.properties is missing from the SDK's jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
