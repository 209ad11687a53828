package dev.waasj.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.waasj.auth.signing.Ed25519RequestSigner;
import dev.waasj.auth.signing.RequestSignatures;
import dev.waasj.auth.signing.Secp256k1RequestSigner;
import dev.waasj.internal.crypto.Digests;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
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
 * Request signing: everything {@code SigningInterceptor} computes per request (string to sign, double SHA-256,
 * signature, hex) with an Ed25519 and with a secp256k1 key, against the bare Ed25519 signature of a 32-byte digest
 * in Bouncy Castle and in the JDK.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class SigningBenchmark {
  // Throwaway key from the shared signing vectors.
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final String PATH = "/v2/transactions/transfer";
  static final String NONCE = "1795629356929";
  /** A typical transfer request: about 330 bytes of JSON. */
  static final byte[] BODY =
      ("{\"request_id\":\"9c1b5e0e-2f4a-4c61-9d3e-7f0b6a1e2d34\",\"source\":{\"source_type\":\"Org-Controlled\","
              + "\"wallet_id\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\"},\"token_id\":\"ETH_USDT\","
              + "\"destination\":{\"destination_type\":\"Address\",\"account_output\":{\"address\":"
              + "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"amount\":\"1250.75\"}},"
              + "\"description\":\"Invoice 2026-0042\"}")
          .getBytes(UTF_8);

  /** The vendor's throwaway secp256k1 vector key. */
  static final String SECP256K1_SECRET = "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13db";

  private Ed25519RequestSigner signer;
  private Secp256k1RequestSigner secp256k1;
  private Ed25519PrivateKeyParameters bcKey;
  private Signature jdkSigner;
  private byte[] digest;

  /** Builds the keys once per benchmark thread; JMH calls this before measuring. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    signer = Ed25519RequestSigner.fromHexSecret(SECRET);
    secp256k1 = Secp256k1RequestSigner.fromHexSecret(SECP256K1_SECRET);
    byte[] seed = HexFormat.of().parseHex(SECRET);
    bcKey = new Ed25519PrivateKeyParameters(seed, 0);
    jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(
        new PKCS8EncodedKeySpec(HexFormat.of().parseHex("302e020100300506032b657004220420" + SECRET))));
    digest = Digests.doubleSha256(BODY);
  }

  /** Our per-request work: build the string to sign, double SHA-256, Ed25519 (Bouncy Castle), hex. */
  @Benchmark
  public String coboSignRequest() {
    return RequestSignatures.sign(signer, "POST", PATH, NONCE, "", BODY);
  }

  /** The same per-request work with a secp256k1 key: RFC 6979 ECDSA, low S, DER (Bouncy Castle), hex. */
  @Benchmark
  public String coboSignRequestSecp256k1() {
    return RequestSignatures.sign(secp256k1, "POST", PATH, NONCE, "", BODY);
  }

  /** Bouncy Castle Ed25519 over a 32-byte digest, nothing else. */
  @Benchmark
  public byte[] bouncyCastleSign32() {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    bcKey.sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
    return signature;
  }

  /** The JDK's Ed25519 (SunEC) over a 32-byte digest. */
  @Benchmark
  public byte[] jdkSign32() throws GeneralSecurityException {
    jdkSigner.update(digest);
    return jdkSigner.sign();
  }
}
