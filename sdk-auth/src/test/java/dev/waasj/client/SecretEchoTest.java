package dev.waasj.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waasj.auth.signing.Ed25519RequestSigner;
import dev.waasj.auth.signing.KeyType;
import dev.waasj.auth.signing.RequestSigners;
import dev.waasj.auth.signing.Secp256k1RequestSigner;
import dev.waasj.internal.crypto.Hex;
import dev.waasj.testing.Der;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad secrets, through every door a secret comes in by (the builder's {@code apiSecret}, {@code apiSecretPemFile}
 * and {@code environmentVariables}, and the signer factories), are refused with an {@link IllegalArgumentException}
 * whose message, and every cause's, holds no 8-character run of the secret material: not the key, not its base64,
 * not a PEM label or an OID made of it.
 */
class SecretEchoTest {
  /** Valid hex, all decimal digits, so an OID arc made of it is secret material too. */
  static final String S = "3141592653589793238462643383279502884197169399375105820974944592";

  static final String ED25519_PKCS8 = "302e020100300506032b657004220420" + S;

  @TempDir Path tmp;

  /** A malformed secret and the strings of secret material in it. */
  record Bad(String name, String input, List<String> material) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String b64(byte[] der) {
    return Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der);
  }

  static String pem(String label, String body) {
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  static Bad pemCase(String name, String text, String body) {
    return new Bad(name, text, List.of(S, body.replaceAll("\\s+", "")));
  }

  /** An OID whose arcs are runs of the secret's digits. */
  static String secretOid() {
    return "1.3.6.1.4.1." + S.substring(0, 12) + "." + S.substring(12, 24);
  }

  static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  static final String P256 = "1.2.840.10045.3.1.7";
  static final String SECP256K1 = "1.3.132.0.10";

  /** PKCS#8 for an algorithm whose OID is made of the secret, the secret as the key. */
  static byte[] pkcs8OfSecretAlgorithm() {
    return Der.sequence(
        Der.integer(BigInteger.ZERO),
        Der.sequence(Der.oid(secretOid())),
        Der.octetString(Der.octetString(Hex.decode(S))));
  }

  /** A SEC1 EC private key (RFC 5915) of 32 bytes on {@code curve}, with {@code publicKey} when not null. */
  static byte[] sec1(BigInteger d, String curve, byte @Nullable [] publicKey) {
    byte[] version = Der.integer(BigInteger.ONE);
    byte[] key = Der.octetString(Der.unsigned(d, 32));
    byte[] parameters = Der.explicit(0, Der.oid(curve));
    return publicKey == null
        ? Der.sequence(version, key, parameters)
        : Der.sequence(version, key, parameters, Der.explicit(1, Der.bitString(publicKey)));
  }

  /** PKCS#8 wrapping {@code sec1} as an EC key on {@code curve}. */
  static byte[] pkcs8Ec(String curve, byte[] sec1) {
    return Der.sequence(
        Der.integer(BigInteger.ZERO),
        Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curve)),
        Der.octetString(sec1));
  }

  static Stream<Bad> badPems() throws java.io.IOException {
    String body = b64(Hex.decode(ED25519_PKCS8));
    String good = pem("PRIVATE KEY", body);
    List<Bad> cases = new ArrayList<>();
    cases.add(pemCase("label is the secret", pem(S, body), body));
    cases.add(pemCase("label is the secret, no END line", "-----BEGIN " + S + "-----\n" + body + "\n", body));
    cases.add(pemCase("label holds the secret, no END line", "-----BEGIN PRIVATE KEY " + S + "-----\n" + body, body));
    cases.add(pemCase("BEGIN line never closed", "-----BEGIN " + S + "\n" + body + "\n", body));
    cases.add(pemCase("END label differs", good.replace("-----END PRIVATE KEY", "-----END " + S), body));
    cases.add(pemCase("END label of an EC key", good.replace("-----END PRIVATE KEY", "-----END EC PRIVATE KEY"), body));
    cases.add(pemCase("truncated base64", pem("PRIVATE KEY", body.substring(0, body.length() - 3)), body));
    cases.add(pemCase("truncated DER", pem("PRIVATE KEY", b64(Hex.decode(ED25519_PKCS8.substring(0, 60)))), body));
    cases.add(pemCase("base64 with junk", pem("PRIVATE KEY", body.substring(0, 20) + "!*$" + body.substring(20)), body));
    cases.add(pemCase("base64 then junk", pem("PRIVATE KEY", body + "\n" + S + "~~"), body));
    String garbage = b64(Hex.decode(S));
    cases.add(pemCase("garbage DER, PKCS#8 label", pem("PRIVATE KEY", garbage), garbage));
    cases.add(pemCase("garbage DER, SEC1 label", pem("EC PRIVATE KEY", garbage), garbage));
    cases.add(pemCase("garbage DER, unknown label", pem("OPAQUE " + S, garbage), garbage));
    cases.add(pemCase("public key label", pem("PUBLIC KEY", garbage), garbage));
    cases.add(pemCase("encrypted label", pem("ENCRYPTED PRIVATE KEY", garbage), garbage));
    String trailing = b64(Hex.decode(ED25519_PKCS8 + "00" + S));
    cases.add(pemCase("trailing junk in the DER", pem("PRIVATE KEY", trailing), trailing));
    String mismatched =
        b64(Hex.decode("3051020101300506032b657004220420" + S + "812100" + S.substring(2) + "00"));
    cases.add(pemCase("attached public key does not match", pem("PRIVATE KEY", mismatched), mismatched));
    String otherAlgorithm = b64(pkcs8OfSecretAlgorithm());
    cases.add(pemCase("algorithm OID made of the secret", pem("PRIVATE KEY", otherAlgorithm), otherAlgorithm));
    BigInteger d = new BigInteger(S, 16);
    byte[] onSecretCurve = sec1(d, secretOid(), null);
    String sec1 = b64(onSecretCurve);
    cases.add(pemCase("SEC1 on a curve OID made of the secret", pem("EC PRIVATE KEY", sec1), sec1));
    String pkcs8Ec = b64(pkcs8Ec(secretOid(), onSecretCurve));
    cases.add(pemCase("PKCS#8 EC on a curve OID made of the secret", pem("PRIVATE KEY", pkcs8Ec), pkcs8Ec));
    String p256 = b64(sec1(d, P256, null));
    cases.add(pemCase("SEC1 on P-256", pem("EC PRIVATE KEY", p256), p256));
    String tooLarge = b64(sec1(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), SECP256K1, Hex.decode(S)));
    cases.add(
        new Bad("secp256k1 scalar out of range", pem("EC PRIVATE KEY", tooLarge),
            List.of(S, tooLarge.replaceAll("\\s+", ""))));
    return cases.stream();
  }

  static Stream<Bad> badHex() {
    return Stream.of(
        new Bad("65 characters", S + "0", List.of(S)),
        new Bad("63 characters", S.substring(1), List.of(S)),
        new Bad("a non-hex character", S.substring(0, 40) + "z" + S.substring(41), List.of(S)),
        new Bad("128 characters", S + S, List.of(S)),
        new Bad("0x prefix", "0x" + S, List.of(S)),
        new Bad("a space inside", S.substring(0, 32) + " " + S.substring(32), List.of(S)),
        new Bad("a BEGIN without a block", "-----BEGIN" + S, List.of(S)));
  }

  /** Every door a secret comes in by; each must refuse the input. */
  Map<String, Function<String, Object>> doors(boolean pem) throws Exception {
    Map<String, Function<String, Object>> doors = new java.util.LinkedHashMap<>();
    doors.put("apiSecret", s -> CoboClient.builder().apiSecret(s));
    doors.put("apiSecret, secp256k1", s -> CoboClient.builder().apiKeyType(KeyType.SECP256K1).apiSecret(s));
    doors.put("COBO_API_SECRET", s -> CoboClient.builder().environmentVariables(Map.of("COBO_API_SECRET", s)));
    doors.put(
        "COBO_API_SECRET, secp256k1",
        s -> CoboClient.builder()
            .environmentVariables(Map.of("COBO_API_SECRET", s, "COBO_API_KEY_TYPE", "secp256k1")));
    doors.put("RequestSigners.fromSecret", s -> RequestSigners.fromSecret(s, null));
    if (pem) {
      doors.put("apiSecretPemFile", s -> CoboClient.builder().apiSecretPemFile(write(s)));
      doors.put("RequestSigners.fromPemFile", s -> RequestSigners.fromPemFile(write(s), null));
      doors.put("Ed25519RequestSigner.fromPem", Ed25519RequestSigner::fromPem);
      doors.put("Secp256k1RequestSigner.fromPem", Secp256k1RequestSigner::fromPem);
      doors.put("Ed25519RequestSigner.fromPemFile", s -> Ed25519RequestSigner.fromPemFile(write(s)));
      doors.put("Secp256k1RequestSigner.fromPemFile", s -> Secp256k1RequestSigner.fromPemFile(write(s)));
      // The content given where a path belongs: the path is then the secret.
      doors.put("apiSecretPemFile(Path.of(secret))", s -> CoboClient.builder().apiSecretPemFile(Path.of(s)));
    } else {
      doors.put("Ed25519RequestSigner.fromHexSecret", Ed25519RequestSigner::fromHexSecret);
      doors.put("Secp256k1RequestSigner.fromHexSecret", Secp256k1RequestSigner::fromHexSecret);
      doors.put("apiSecretPemFile(Path.of(secret))", s -> CoboClient.builder().apiSecretPemFile(Path.of(s)));
    }
    return doors;
  }

  Path write(String content) {
    try {
      return Files.writeString(Files.createTempFile(tmp, "key", ".pem"), content);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPems")
  void malformedPemIsRefusedWithoutEchoingIt(Bad bad) throws Exception {
    assertRefusedEverywhereWithoutEcho(bad, doors(true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHex")
  void malformedHexIsRefusedWithoutEchoingIt(Bad bad) throws Exception {
    assertRefusedEverywhereWithoutEcho(bad, doors(false));
  }

  @ParameterizedTest(name = "COBO_API_KEY_TYPE holding {0}")
  @MethodSource("badHex")
  void aSecretInTheKeyTypeVariableIsNotEchoed(Bad bad) {
    Throwable thrown =
        catchThrowable(
            () -> CoboClient.builder()
                .environmentVariables(Map.of("COBO_API_SECRET", S, "COBO_API_KEY_TYPE", bad.input())));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    assertNoEcho(bad, "COBO_API_KEY_TYPE", thrown);
  }

  private static void assertRefusedEverywhereWithoutEcho(Bad bad, Map<String, Function<String, Object>> doors) {
    for (Map.Entry<String, Function<String, Object>> door : doors.entrySet()) {
      Throwable thrown = catchThrowable(() -> door.getValue().apply(bad.input()));
      assertThat(thrown).as("%s through %s", bad, door.getKey()).isInstanceOf(IllegalArgumentException.class);
      assertNoEcho(bad, door.getKey(), thrown);
    }
  }

  /** No message in the cause chain (suppressed ones too) holds 8 consecutive characters of any material. */
  static void assertNoEcho(Bad bad, String door, Throwable thrown) {
    List<String> messages = new ArrayList<>();
    collect(thrown, messages, 0);
    for (String message : messages) {
      String lower = message.toLowerCase(Locale.ROOT);
      for (String material : bad.material()) {
        for (int i = 0; i + 8 <= material.length(); i++) {
          String run = material.substring(i, i + 8);
          assertThat(message.contains(run) || lower.contains(run.toLowerCase(Locale.ROOT)))
              .as("%s through %s: message '%s' echoes '%s'", bad, door, message, run)
              .isFalse();
        }
      }
    }
  }

  private static void collect(Throwable t, List<String> out, int depth) {
    if (t == null || depth > 10) {
      return;
    }
    out.add(String.valueOf(t.getMessage()));
    out.add(t.toString());
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, out, depth + 1);
    }
    collect(t.getCause(), out, depth + 1);
  }
}
