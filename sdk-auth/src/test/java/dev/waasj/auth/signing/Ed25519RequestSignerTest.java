package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.waasj.internal.crypto.JdkEd25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519RequestSignerTest {
  // Vector key from /work/shared/reference/signing-vectors.json.
  private static final String SECRET = CoboVectorsTest.API_SECRET;
  private static final String API_KEY = CoboVectorsTest.API_KEY;
  private static final byte[] DIGEST = JdkEd25519.unhex(CoboVectorsTest.GET_DIGEST);

  @TempDir Path tempDir;

  // --- hex secrets ---

  @Test
  void hexSecretAcceptsSurroundingWhitespace() {
    assertThat(Ed25519RequestSigner.fromHexSecret("  \t" + SECRET + "\n").apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void hexSecretAcceptsUpperCase() {
    assertThat(Ed25519RequestSigner.fromHexSecret(SECRET.toUpperCase()).apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void hexSecretOfWrongLengthIsRejectedWithoutQuotingIt() {
    String tooShort = SECRET.substring(0, 62);
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromHexSecret(tooShort), "64 hex characters", "has 62", SECRET);
  }

  @Test
  void hexSecretOf128CharactersGetsAHint() {
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromHexSecret(SECRET + API_KEY), "first 64 characters", "", SECRET);
  }

  @Test
  void nonHexSecretIsRejectedWithoutQuotingIt() {
    String bad = SECRET.substring(0, 63) + "g";
    assertRejectedWithoutLeak(() -> Ed25519RequestSigner.fromHexSecret(bad), "non-hex character", "", SECRET);
  }

  @Test
  void pemPassedAsHexSecretPointsToFromPem() {
    String pem = pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET));
    assertRejectedWithoutLeak(() -> Ed25519RequestSigner.fromHexSecret(pem), "fromPem", "", SECRET);
  }

  // --- signing ---

  @Test
  void signatureVerifiesWithTheJdk() {
    byte[] signature = Ed25519RequestSigner.fromHexSecret(SECRET).sign(DIGEST);
    assertThat(JdkEd25519.verify(API_KEY, DIGEST, JdkEd25519.hex(signature))).isTrue();
  }

  @Test
  void signRejectsAnythingButA32ByteDigest() {
    Ed25519RequestSigner signer = Ed25519RequestSigner.fromHexSecret(SECRET);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> signer.sign(new byte[33]))
        .withMessageContaining("32-byte double SHA-256");
  }

  @Test
  void toStringShowsOnlyTheApiKey() {
    String text = Ed25519RequestSigner.fromHexSecret(SECRET).toString();
    assertThat(text).isEqualTo("Ed25519RequestSigner{apiKey=" + API_KEY + "}");
    assertNoPartOf(SECRET, text);
  }

  // --- PEM ---

  @Test
  void jdkGeneratedPkcs8PemGivesTheMatchingApiKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Ed25519RequestSigner signer = Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

    assertThat(signer.apiKey()).isEqualTo(rawPublicKeyHex(pair));
  }

  @Test
  void jdkGeneratedPemSignsVerifiably() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Ed25519RequestSigner signer = Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

    assertThat(JdkEd25519.verify(rawPublicKeyHex(pair), DIGEST, JdkEd25519.hex(signer.sign(DIGEST)))).isTrue();
  }

  @Test
  void pemOfTheVectorSecretGivesTheVectorApiKey() {
    String pem = pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET));
    assertThat(Ed25519RequestSigner.fromPem(pem).apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void pemMayBeSurroundedByText() {
    String pem = pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET));
    assertThat(Ed25519RequestSigner.fromPem("Key for sandbox:\r\n" + pem.replace("\n", "\r\n") + "\r\n").apiKey())
        .isEqualTo(API_KEY);
  }

  @Test
  void pkcs8V2WithMatchingPublicKeyIsAccepted() {
    String der = "3051020101300506032b657004220420" + SECRET + "812100" + API_KEY;
    assertThat(Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", JdkEd25519.unhex(der))).apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void pkcs8V2WithMismatchedPublicKeyIsRejected() {
    String otherKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    String der = "3051020101300506032b657004220420" + SECRET + "812100" + otherKey;
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", JdkEd25519.unhex(der))),
        "does not match", "", SECRET);
  }

  @Test
  void publicKeyPemIsRejected() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PUBLIC KEY", pair.getPublic().getEncoded())),
        "public key", "", SECRET);
  }

  @Test
  void ecPkcs8KeyIsRejectedNamingTheAlgorithm() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] pkcs8 = ec.generateKeyPair().getPrivate().getEncoded();
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", pkcs8)), "EC key, not Ed25519", "", SECRET);
  }

  @Test
  void rsaPkcs8KeyIsRejectedNamingTheAlgorithm() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    byte[] pkcs8 = rsa.generateKeyPair().getPrivate().getEncoded();
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", pkcs8)), "RSA key, not Ed25519", "", SECRET);
  }

  @Test
  void x25519Pkcs8KeyIsRejected() throws Exception {
    byte[] pkcs8 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate().getEncoded();
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", pkcs8)), "X25519 key", "", SECRET);
  }

  @Test
  void sec1EcPrivateKeyPemIsRejectedByItsLabel() {
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("EC PRIVATE KEY", JdkEd25519.unhex(SECRET))),
        "EC (SEC1) private key", "", SECRET);
  }

  @Test
  void encryptedPemIsRejectedWithAHowTo() {
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("ENCRYPTED PRIVATE KEY", JdkEd25519.unhex(SECRET))),
        "openssl pkey", "", SECRET);
  }

  @Test
  void unknownPemLabelIsNotEchoed() {
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("MY " + SECRET, JdkEd25519.unhex(SECRET))),
        "unsupported PEM type", "", SECRET);
  }

  @Test
  void garbageBase64IsRejectedWithoutQuotingIt() {
    String good = pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET));
    String body = good.split("\n")[1];
    String corrupted = good.replace(body, body.substring(0, 10) + "!*$" + body.substring(13));
    assertRejectedWithoutLeak(() -> Ed25519RequestSigner.fromPem(corrupted), "not valid base64", "", SECRET);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ed25519RequestSigner.fromPem(corrupted))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body.substring(0, 10)).doesNotContain("!"))
        .withNoCause();
  }

  @Test
  void validBase64OfGarbageDerIsRejected() {
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", JdkEd25519.unhex(SECRET))),
        "not a well-formed PKCS#8", "", SECRET);
  }

  @Test
  void pkcs8WithTrailingBytesIsRejected() {
    String der = "302e020100300506032b657004220420" + SECRET + "00";
    assertRejectedWithoutLeak(
        () -> Ed25519RequestSigner.fromPem(pem("PRIVATE KEY", JdkEd25519.unhex(der))),
        "not a well-formed PKCS#8", "", SECRET);
  }

  @Test
  void textWithoutPemIsRejected() {
    assertRejectedWithoutLeak(() -> Ed25519RequestSigner.fromPem(SECRET), "no -----BEGIN line", "", SECRET);
  }

  @Test
  void pemWithoutEndLineIsRejected() {
    String pem = pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET));
    String truncated = pem.substring(0, pem.indexOf("-----END"));
    assertRejectedWithoutLeak(() -> Ed25519RequestSigner.fromPem(truncated), "no -----END", "", SECRET);
  }

  // --- PEM files ---

  @Test
  void pemFileIsRead() throws Exception {
    Path file = tempDir.resolve("cobo.pem");
    Files.writeString(file, pem("PRIVATE KEY", JdkEd25519.unhex("302e020100300506032b657004220420" + SECRET)));
    assertThat(Ed25519RequestSigner.fromPemFile(file).apiKey()).isEqualTo(API_KEY);
  }

  @Test
  void missingPemFileIsNamedInTheMessage() {
    Path file = tempDir.resolve("missing.pem");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ed25519RequestSigner.fromPemFile(file))
        .withMessageContaining(file.toString())
        .withMessageContaining("NoSuchFileException");
  }

  @Test
  void wrongKindOfPemFileIsNamedButNotQuoted() throws Exception {
    Path file = tempDir.resolve("public.pem");
    String publicPem = pem("PUBLIC KEY", JdkEd25519.unhex("302a300506032b6570032100" + API_KEY));
    Files.writeString(file, publicPem);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ed25519RequestSigner.fromPemFile(file))
        .withMessageContaining(file.toString())
        .withMessageContaining("public key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(publicPem.split("\n")[1]));
  }

  @Test
  void hugeFileIsRejectedWithoutReadingIt() throws Exception {
    Path file = tempDir.resolve("huge.pem");
    Files.write(file, new byte[1024 * 1024]);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Ed25519RequestSigner.fromPemFile(file))
        .withMessageContaining("too large");
  }

  // --- helpers ---

  private static String pem(String label, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  private static String rawPublicKeyHex(KeyPair pair) {
    byte[] x509 = pair.getPublic().getEncoded();
    return JdkEd25519.hex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
  }

  /** Asserts an IllegalArgumentException mentioning {@code expected} whose message shows no part of {@code secret}. */
  private static void assertRejectedWithoutLeak(
      ThrowingCallable call, String expected, String alsoExpected, String secret) {
    assertThatIllegalArgumentException()
        .isThrownBy(call)
        .withMessageContaining(expected)
        .withMessageContaining(alsoExpected)
        .satisfies(e -> assertNoPartOf(secret, String.valueOf(e.getMessage())));
  }

  /** The secret, either half of it, its upper-case form, and its base64 (as in a PEM) are all absent. */
  private static void assertNoPartOf(String secret, String text) {
    String lower = text.toLowerCase();
    assertThat(lower)
        .doesNotContain(secret)
        .doesNotContain(secret.substring(0, 32))
        .doesNotContain(secret.substring(32))
        .doesNotContain(secret.substring(16, 48));
    String base64 = Base64.getEncoder().encodeToString(JdkEd25519.unhex(secret));
    assertThat(text).doesNotContain(base64.substring(0, 20)).doesNotContain(base64.substring(20, 40));
  }
}
