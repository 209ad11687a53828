package dev.waasj.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.waasj.auth.verification.ResponseVerifier;
import dev.waasj.internal.crypto.Digests;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Response verification: everything {@code ResponseVerificationInterceptor} computes per response once the body
 * is read (header checks, double SHA-256 of {@code body|timestamp}, hex decode, Ed25519 verify, freshness) against
 * the bare Ed25519 verification of a 32-byte digest in Bouncy Castle and in the JDK.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class VerificationBenchmark {
  // The signed token response from the shared signing vectors (a test server key).
  static final String PUBLIC_KEY = "d13d6c134d9006a0352c1b20e44b66175517ff24fb1d769b0b0922dd8308daf6";
  static final byte[] BODY =
      ("{\"access_token\":\"AnCEPEp5Q8qjAOA1Lb6kVd2OlkCyJnMTeMPdLbPOM8cz176Eb5y7EJoUjJJ0vkzz\","
              + "\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":43199,"
              + "\"refresh_token\":\"rK49jI0zt49gsttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5\"}")
          .getBytes(UTF_8);
  static final String TIMESTAMP = "1795629356800";
  static final String SIGNATURE =
      "34269eda091afd1b72f524843263fb018948d46be2dda4938f29c360f22b6f1e"
          + "5d8f03efb3abc0c68833d14a5002b25327dffa7b47e4c1d2a1e5bdc03dbc3701";
  static final String DIGEST = "b5f3e73538a7ef1968e2f657d7a6ac72c08aec35d28764f0ba28aa225c23b804";

  private ResponseVerifier verifier;
  private Ed25519PublicKeyParameters bcKey;
  private Signature jdkVerifier;
  private byte[] digest;
  private byte[] signature;

  /** Builds the keys once per benchmark thread and checks that every path accepts the vector. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    Clock atTimestamp = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);
    verifier = new ResponseVerifier(PUBLIC_KEY, ResponseVerifier.DEFAULT_WINDOW, atTimestamp);
    bcKey = new Ed25519PublicKeyParameters(HexFormat.of().parseHex(PUBLIC_KEY), 0);
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(HexFormat.of().parseHex("302a300506032b6570032100" + PUBLIC_KEY))));
    digest = HexFormat.of().parseHex(DIGEST);
    signature = HexFormat.of().parseHex(SIGNATURE);
    // A benchmark of a path that rejects its input would measure the wrong thing.
    verifier.verify(200, BODY, TIMESTAMP, SIGNATURE);
    if (!Arrays.equals(Digests.doubleSha256(concat(BODY, "|" + TIMESTAMP)), digest)
        || !bouncyCastleVerify32() || !jdkVerify32()) {
      throw new IllegalStateException("benchmark vector does not verify");
    }
  }

  /** Our per-response work: checks, double SHA-256, hex decode, Ed25519 verify (Bouncy Castle), freshness. */
  @Benchmark
  public ResponseVerifier coboVerifyResponse() {
    verifier.verify(200, BODY, TIMESTAMP, SIGNATURE);
    return verifier;
  }

  /** Bouncy Castle Ed25519 verification of a 32-byte digest, nothing else. */
  @Benchmark
  public boolean bouncyCastleVerify32() {
    return bcKey.verify(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
  }

  /** The JDK's Ed25519 (SunEC) verification of a 32-byte digest. */
  @Benchmark
  public boolean jdkVerify32() throws GeneralSecurityException {
    jdkVerifier.update(digest);
    return jdkVerifier.verify(signature);
  }

  private static byte[] concat(byte[] first, String second) {
    byte[] tail = second.getBytes(UTF_8);
    byte[] out = Arrays.copyOf(first, first.length + tail.length);
    System.arraycopy(tail, 0, out, first.length, tail.length);
    return out;
  }
}
