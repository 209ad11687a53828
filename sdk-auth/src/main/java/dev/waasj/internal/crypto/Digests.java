package dev.waasj.internal.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash Cobo signs: {@code sha256(sha256(input))}. Thread-safe. */
public final class Digests {
  /** Length in bytes of a {@link #doubleSha256} result. */
  public static final int DOUBLE_SHA256_LENGTH = 32;

  // One digest per thread: MessageDigest is stateful, and getInstance() does a provider lookup per call.
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Digests::newSha256);

  private Digests() {}

  /** Returns the 32-byte {@code sha256(sha256(input))}. */
  public static byte[] doubleSha256(byte[] input) {
    MessageDigest sha256 = SHA256.get();
    // digest() resets the instance, so it is ready for the next call even if this one is abandoned midway.
    byte[] once = sha256.digest(input);
    return sha256.digest(once);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new AssertionError("SHA-256 missing from the JDK", e);
    }
  }
}
