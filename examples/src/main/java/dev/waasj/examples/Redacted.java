package dev.waasj.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Prints a secret as its length and a short fingerprint: enough to tell two tokens apart, useless to an attacker. */
final class Redacted {
  private Redacted() {}

  static String of(String secret) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return String.format("[%d chars, sha256 %02x%02x%02x%02x]", secret.length(), d[0], d[1], d[2], d[3]);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
