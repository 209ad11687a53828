package dev.waasj.testkit;

import com.sun.net.httpserver.Headers;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs responses as the Cobo server does: Ed25519 over {@code sha256(sha256(utf8(body + "|" + timestamp)))}, with
 * the timestamp in milliseconds from the emulator's clock.
 */
final class ResponseSigner {
  private final PrivateKey key;
  // A second key for Fault.wrongKeySignature(): a well-formed signature that fails with the advertised key.
  private final PrivateKey impostorKey;
  private final String publicKeyHex;
  private final Clock clock;
  private final String timestampHeader;
  private final String signatureHeader;

  ResponseSigner(byte[] seed, Clock clock, boolean hyphenatedHeaders) {
    this.key = Ed25519.privateKey(seed);
    this.impostorKey = Ed25519.privateKey(Ed25519.randomSeed(new SecureRandom()));
    this.publicKeyHex = Hex.encode(Ed25519.publicKeyOf(seed));
    this.clock = clock;
    this.timestampHeader = hyphenatedHeaders ? "biz-timestamp" : "BIZ_TIMESTAMP";
    this.signatureHeader = hyphenatedHeaders ? "biz-resp-signature" : "BIZ_RESP_SIGNATURE";
  }

  String publicKeyHex() {
    return publicKeyHex;
  }

  void sign(Headers headers, String body, boolean withImpostorKey) {
    signatureHeaders(body, withImpostorKey).forEach(headers::set);
  }

  /** The two signature headers for {@code body}, timestamped now: what responses, events and callbacks carry. */
  Map<String, String> signatureHeaders(String body, boolean withImpostorKey) {
    String timestamp = Long.toString(clock.millis());
    byte[] digest = Ed25519.doubleSha256(body + "|" + timestamp);
    byte[] signature = Ed25519.sign(withImpostorKey ? impostorKey : key, digest);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(timestampHeader, timestamp);
    headers.put(signatureHeader, Hex.encode(signature));
    return headers;
  }
}
