package dev.waasj.client;

/** The SDK's name and version as sent in {@code User-Agent}. */
final class SdkVersion {
  static final String VERSION = "0.1.0";
  static final String USER_AGENT =
      "waasj/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  private SdkVersion() {}
}
