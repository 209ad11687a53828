package dev.waasj.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.waasj.internal.crypto.JdkEd25519;
import dev.waasj.testkit.TestKeyPair;
import java.time.Clock;
import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * MockWebServer answers signed like Cobo's: {@code BIZ_TIMESTAMP} and {@code BIZ_RESP_SIGNATURE} over the exact body
 * bytes, made with the JDK's Ed25519 rather than the SDK's code. Clients under test verify with {@link #PUBLIC_KEY}.
 */
public final class Signed {
  /** The key the fake server signs with. */
  public static final TestKeyPair SERVER = TestKeyPair.generate();

  /** The public key clients verify with. */
  public static final String PUBLIC_KEY = SERVER.publicKeyHex();

  private Signed() {}

  /** A signed JSON answer with the system clock's timestamp. */
  public static MockResponse.Builder json(int status, String body) {
    return bytes(status, body.getBytes(UTF_8), Clock.systemUTC()).addHeader("Content-Type", "application/json");
  }

  /** A signed answer carrying exactly {@code body}, timestamped by {@code clock}. */
  public static MockResponse.Builder bytes(int status, byte[] body, Clock clock) {
    String timestamp = Long.toString(clock.millis());
    return new MockResponse.Builder()
        .code(status)
        .body(new Buffer().write(body))
        .addHeader("BIZ_TIMESTAMP", timestamp)
        .addHeader("BIZ_RESP_SIGNATURE", signature(body, timestamp));
  }

  /** The signature of {@code body} at {@code timestamp}: Ed25519 over sha256(sha256(body|timestamp)). */
  public static String signature(byte[] body, String timestamp) {
    byte[] suffix = ("|" + timestamp).getBytes(UTF_8);
    byte[] message = new byte[body.length + suffix.length];
    System.arraycopy(body, 0, message, 0, body.length);
    System.arraycopy(suffix, 0, message, body.length, suffix.length);
    return JdkEd25519.sign(SERVER.seedHex(), JdkEd25519.doubleSha256(message));
  }

  /** A valid token endpoint answer. */
  public static String token(String accessToken, String refreshToken, long expiresIn) {
    return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":"
        + expiresIn + ",\"refresh_token\":\"" + refreshToken + "\"}";
  }
}
