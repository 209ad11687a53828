package dev.waasj.auth.verification;

import static dev.waasj.auth.verification.ResponseVector.AT_TIMESTAMP;
import static dev.waasj.auth.verification.ResponseVector.BODY;
import static dev.waasj.auth.verification.ResponseVector.SERVER_PUBLIC_KEY;
import static dev.waasj.auth.verification.ResponseVector.SIGNATURE;
import static dev.waasj.auth.verification.ResponseVector.TIMESTAMP;
import static dev.waasj.auth.verification.ResponseVector.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.ResponseSignatureException.Reason;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.crypto.JdkEd25519;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseVerifierTest {
  private final ResponseVerifier verifier =
      new ResponseVerifier(SERVER_PUBLIC_KEY, ResponseVerifier.DEFAULT_WINDOW, AT_TIMESTAMP);

  @Test
  void vectorDigestIsWhatTheJdkComputes() {
    assertThat(JdkEd25519.hex(JdkEd25519.doubleSha256(BODY + "|" + TIMESTAMP))).isEqualTo(ResponseVector.DIGEST);
  }

  @Test
  void vectorResponseVerifies() {
    assertThatCode(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE)).doesNotThrowAnyException();
  }

  @Test
  void upperCaseSignatureHexIsAccepted() {
    assertThatCode(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE.toUpperCase()))
        .doesNotThrowAnyException();
  }

  @Test
  void signedErrorResponseVerifies() {
    String body = "{\"error_code\":2023,\"error_message\":\"signature validation failed\",\"error_id\":\"x\"}";
    String signature = ResponseVector.serverSign(body, TIMESTAMP);
    assertThatCode(() -> verifier.verify(401, bytes(body), TIMESTAMP, signature)).doesNotThrowAnyException();
  }

  @Test
  void emptyBodyIsSignedAsAnEmptyString() {
    String signature = ResponseVector.serverSign("", TIMESTAMP);
    assertThatCode(() -> verifier.verify(204, new byte[0], TIMESTAMP, signature)).doesNotThrowAnyException();
  }

  // --- tampering ---

  @Test
  void wrongPublicKeyIsInvalid() {
    ResponseVerifier devKey =
        new ResponseVerifier(ResponseVector.DEV_COBO_PUBLIC_KEY, ResponseVerifier.DEFAULT_WINDOW, AT_TIMESTAMP);
    assertRejected(() -> devKey.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE), Reason.INVALID, 200);
  }

  @Test
  void alteredBodyIsInvalid() {
    String altered = BODY.replace("43199", "43200");
    assertRejected(() -> verifier.verify(200, bytes(altered), TIMESTAMP, SIGNATURE), Reason.INVALID, 200);
  }

  @Test
  void alteredTimestampIsInvalid() {
    String altered = Long.toString(Long.parseLong(TIMESTAMP) + 1);
    assertRejected(() -> verifier.verify(200, bytes(BODY), altered, SIGNATURE), Reason.INVALID, 200);
  }

  @Test
  void alteredSignatureIsInvalid() {
    String altered = (SIGNATURE.charAt(0) == '0' ? "1" : "0") + SIGNATURE.substring(1);
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, altered), Reason.INVALID, 200);
  }

  @Test
  void signatureOfAnotherStatusBodyCannotBeReused() {
    String signature = ResponseVector.serverSign("{}", TIMESTAMP);
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, signature), Reason.INVALID, 200);
  }

  // --- missing headers ---

  @Test
  void missingTimestampIsMissing() {
    assertRejected(() -> verifier.verify(200, bytes(BODY), null, SIGNATURE), Reason.MISSING, 200);
  }

  @Test
  void missingSignatureIsMissing() {
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, null), Reason.MISSING, 200);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 400, 401, 403, 404, 500, 504})
  void unsignedResponsesAreMissing(int status) {
    assertRejected(() -> verifier.verify(status, bytes(BODY), null, null), Reason.MISSING, status);
  }

  @ParameterizedTest
  @ValueSource(ints = {414, 429, 502, 503})
  void unsignedProxyResponsesPass(int status) {
    assertThatCode(() -> verifier.verify(status, bytes("<html>Bad Gateway</html>"), null, null))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502})
  void halfSignedProxyResponsesAreMissing(int status) {
    assertRejected(() -> verifier.verify(status, bytes(BODY), TIMESTAMP, null), Reason.MISSING, status);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void badlySignedProxyStatusesAreStillRejected(int status) {
    assertRejected(() -> verifier.verify(status, bytes("{}"), TIMESTAMP, SIGNATURE), Reason.INVALID, status);
  }

  // --- malformed headers ---

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-1795629356800", "+1795629356800", " 1795629356800", "1795629356800.0",
      "1.7956e12", "99999999999999999999999"})
  void nonNumericTimestampIsMalformed(String timestamp) {
    assertRejected(() -> verifier.verify(200, bytes(BODY), timestamp, SIGNATURE), Reason.MALFORMED, 200);
  }

  @Test
  void shortSignatureIsMalformed() {
    String shortSignature = SIGNATURE.substring(0, 126);
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, shortSignature), Reason.MALFORMED, 200);
  }

  @Test
  void nonHexSignatureIsMalformed() {
    String nonHex = SIGNATURE.substring(0, 127) + "z";
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, nonHex), Reason.MALFORMED, 200);
  }

  @Test
  void base64SignatureIsMalformed() {
    String base64 = Base64.getEncoder().encodeToString(JdkEd25519.unhex(SIGNATURE));
    assertRejected(() -> verifier.verify(200, bytes(BODY), TIMESTAMP, base64), Reason.MALFORMED, 200);
  }

  // --- freshness ---

  @Test
  void timestampAtTheEdgeOfTheWindowPasses() {
    ResponseVerifier edge = verifierAt(Long.parseLong(TIMESTAMP) + Duration.ofMinutes(5).toMillis());
    assertThatCode(() -> edge.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE)).doesNotThrowAnyException();
  }

  @Test
  void timestampTooOldIsStale() {
    ResponseVerifier later = verifierAt(Long.parseLong(TIMESTAMP) + Duration.ofMinutes(5).toMillis() + 1);
    assertRejected(() -> later.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE), Reason.STALE, 200);
  }

  @Test
  void timestampTooFarInTheFutureIsStale() {
    ResponseVerifier earlier = verifierAt(Long.parseLong(TIMESTAMP) - Duration.ofMinutes(5).toMillis() - 1);
    assertRejected(() -> earlier.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE), Reason.STALE, 200);
  }

  @Test
  void windowIsConfigurable() {
    Clock oneMinuteLater = Clock.offset(AT_TIMESTAMP, Duration.ofMinutes(1));
    ResponseVerifier strict = new ResponseVerifier(SERVER_PUBLIC_KEY, Duration.ofSeconds(30), oneMinuteLater);
    assertRejected(() -> strict.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE), Reason.STALE, 200);
  }

  @Test
  void badSignatureWithStaleTimestampReportsInvalid() {
    ResponseVerifier later = verifierAt(Long.parseLong(TIMESTAMP) + Duration.ofHours(1).toMillis());
    assertRejected(() -> later.verify(200, bytes("{}"), TIMESTAMP, SIGNATURE), Reason.INVALID, 200);
  }

  // --- configuration ---

  @Test
  void publicKeyMayBeUpperCaseWithWhitespace() {
    ResponseVerifier upper =
        new ResponseVerifier(" " + SERVER_PUBLIC_KEY.toUpperCase() + "\n", Duration.ofMinutes(5), AT_TIMESTAMP);
    assertThatCode(() -> upper.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE)).doesNotThrowAnyException();
  }

  @Test
  void publicKeyOfWrongLengthIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ResponseVerifier.create(SERVER_PUBLIC_KEY.substring(2)))
        .withMessageContaining("64 hex characters");
  }

  @Test
  void nonPositiveWindowIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ResponseVerifier(SERVER_PUBLIC_KEY, Duration.ZERO, AT_TIMESTAMP));
  }

  @Test
  void createUsesTheSystemClockAndDefaultWindow() {
    ResponseVerifier system = ResponseVerifier.create(SERVER_PUBLIC_KEY);
    String now = Long.toString(System.currentTimeMillis());
    assertThatCode(() -> system.verify(200, bytes("{}"), now, ResponseVector.serverSign("{}", now)))
        .doesNotThrowAnyException();
    assertRejected(() -> system.verify(200, bytes(BODY), TIMESTAMP, SIGNATURE), Reason.STALE, 200);
  }

  // --- helpers ---

  private static ResponseVerifier verifierAt(long millis) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    return new ResponseVerifier(SERVER_PUBLIC_KEY, ResponseVerifier.DEFAULT_WINDOW, clock);
  }

  /** Asserts the typed failure, and that its message quotes neither the signature nor the body. */
  static void assertRejected(ThrowingCallable call, Reason reason, int status) {
    ResponseSignatureException e = catchThrowableOfType(ResponseSignatureException.class, call);
    assertThat(e).as("expected %s", reason).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.statusCode()).isEqualTo(status);
    assertNoLeak(e.getMessage());
  }

  static void assertNoLeak(@Nullable String message) {
    assertThat(message)
        .isNotBlank()
        .doesNotContainIgnoringCase(SIGNATURE.substring(0, 32))
        .doesNotContainIgnoringCase(SIGNATURE.substring(96))
        .doesNotContain("access_token")
        .doesNotContain("AnCEPEp5Q8qj");
  }
}
