package dev.waasj.auth.verification;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.waasj.internal.crypto.JdkEd25519;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The response vector from /work/shared/reference/signing-vectors.json ("response"[0], a test server key, not
 * Cobo's), plus JDK-side signing of new responses with the same server key.
 */
final class ResponseVector {
  static final String SERVER_SECRET = "4f11c5fa01baed363fcdfc91c06bdf024c79613e20bad7bf744332adeeacceb8";
  static final String SERVER_PUBLIC_KEY = "d13d6c134d9006a0352c1b20e44b66175517ff24fb1d769b0b0922dd8308daf6";
  static final String BODY =
      "{\"access_token\":\"AnCEPEp5Q8qjAOA1Lb6kVd2OlkCyJnMTeMPdLbPOM8cz176Eb5y7EJoUjJJ0vkzz\","
          + "\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":43199,"
          + "\"refresh_token\":\"rK49jI0zt49gsttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5\"}";
  static final String TIMESTAMP = "1795629356800";
  static final String DIGEST = "b5f3e73538a7ef1968e2f657d7a6ac72c08aec35d28764f0ba28aa225c23b804";
  static final String SIGNATURE =
      "34269eda091afd1b72f524843263fb018948d46be2dda4938f29c360f22b6f1e"
          + "5d8f03efb3abc0c68833d14a5002b25327dffa7b47e4c1d2a1e5bdc03dbc3701";

  /** Cobo's dev environment key: a valid Ed25519 key, but not the one that signed the vector. */
  static final String DEV_COBO_PUBLIC_KEY = "a04ea1d5fa8da71f1dcfccf972b9c4eba0a2d8aba1f6da26f49977b08a0d2718";

  /** A clock standing at the vector's timestamp. */
  static final Clock AT_TIMESTAMP = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);

  private ResponseVector() {}

  /** Signs {@code body|timestamp} as the server would, with the JDK's Ed25519. */
  static String serverSign(String body, String timestamp) {
    return JdkEd25519.sign(SERVER_SECRET, JdkEd25519.doubleSha256(body + "|" + timestamp));
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
