package dev.waasj.client;

import java.util.Locale;

/** Cobo's published environments: their base URLs and the public keys their responses are signed with. */
public enum CoboEnvironment {
  /** Development: {@code https://api.dev.cobo.com/v2}. */
  DEV("https://api.dev.cobo.com/v2/", "a04ea1d5fa8da71f1dcfccf972b9c4eba0a2d8aba1f6da26f49977b08a0d2718"),
  /** Production: {@code https://api.cobo.com/v2}. */
  PROD("https://api.cobo.com/v2/", "8d4a482641adb2a34b726f05827dba9a9653e5857469b8749052bf4458a86729"),
  /** Sandbox: {@code https://api.sandbox.cobo.com/v2}; found in the vendor SDKs, not in the vendor's docs. */
  SANDBOX("https://api.sandbox.cobo.com/v2/", "893d8a6112ae22429a7453599256391d7928e16870ecab888ee3ce65febada08");

  private final String baseUrl;
  private final String serverPublicKey;

  CoboEnvironment(String baseUrl, String serverPublicKey) {
    this.baseUrl = baseUrl;
    this.serverPublicKey = serverPublicKey;
  }

  /** The base URL, ending in {@code /v2/}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The hex Ed25519 public key that signs this environment's responses. */
  public String serverPublicKey() {
    return serverPublicKey;
  }

  /**
   * Parses {@code dev}, {@code prod} or {@code sandbox}, case-insensitively.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static CoboEnvironment parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "dev":
      case "development":
        return DEV;
      case "prod":
      case "production":
        return PROD;
      case "sandbox":
        return SANDBOX;
      default:
        throw new IllegalArgumentException("Unknown Cobo environment '" + name + "': use dev, prod or sandbox");
    }
  }
}
