package dev.waasj.auth.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.internal.crypto.Hex;
import dev.waasj.internal.crypto.JdkEd25519;
import dev.waasj.testkit.TestKeyPair;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * secp256k1 API keys: the vendor's RFC 6979 + low-S vectors reproduced byte for byte (copied from
 * signing-vectors-secp256k1.json, so tests never read ../shared), ten thousand signatures all low-S and valid, both
 * PEM forms read, and bad input refused without echoing the secret.
 */
class Secp256k1RequestSignerTest {
  static final String PRIVATE_KEY = TestKeys.SECP256K1_PRIVATE_KEY;
  static final String API_KEY = TestKeys.SECP256K1_API_KEY;
  static final String[][] VECTORS = {
    {
      "GET|/v2/oauth/token|1795629356741|client_id=pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij&org_id=e3986401-4aec-480a-973d-e775a4518413&grant_type=org_implicit|",
      "9663432f98ccbb31c8a9c73da7fc709d7995102708c87d3249bc0566113b9d66",
      "3045022100a1856bcbe9bfcb447b8ea468f7eb55b2ca6c30b71010b57e86e9436b9e3d11780220066d4f0c2c8031642f782f98cb4a5cbf1241551665002f4b978b384cce86279a"
    },
    {
      "POST|/v2/oauth/token|1795629356929||{\"client_id\":\"pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"kq2pR0XbKJ0m4yq2W7c3Zt9B8vN1sL5eQ6uH0aD3fG7jK9mP2rT4wY6zC8xV1bN3\"}",
      "382c98ea38c0baab0584a3cf4817644b9d29925fa86cc4aade1f1d9bb713ae8f",
      "3044022021a68023b6c04037797a19f4ce62f6afab2f13c66c01be348f1fe0cd0eafe32502205a6a10aa24a678c92af289dbab2a4277814a6c08425d32cdfaf00943b72ceb41"
    }
  };
  static final BigInteger N = CustomNamedCurves.getByName("secp256k1").getN();

  @Test
  void bothVendorVectorsAreReproducedByteForByte() {
    Secp256k1RequestSigner signer = Secp256k1RequestSigner.fromHexSecret(PRIVATE_KEY);

    assertThat(signer.apiKey()).isEqualTo(API_KEY);
    assertThat(signer.keyType()).isEqualTo(KeyType.SECP256K1);
    for (String[] v : VECTORS) {
      byte[] digest = JdkEd25519.doubleSha256(v[0].getBytes(UTF_8));
      assertThat(Hex.encode(digest)).isEqualTo(v[1]);
      assertThat(Hex.encode(signer.sign(digest))).isEqualTo(v[2]);
    }
  }

  @Test
  void tenThousandSignaturesAreAllLowSAndVerify() {
    Secp256k1RequestSigner signer = Secp256k1RequestSigner.fromHexSecret(PRIVATE_KEY);
    var curve = CustomNamedCurves.getByName("secp256k1");
    ECPublicKeyParameters publicKey =
        new ECPublicKeyParameters(
            curve.getCurve().decodePoint(Hex.decode(API_KEY)),
            new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH()));
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, publicKey);
    TestKeyPair independent = TestKeyPair.fromSecp256k1Hex(PRIVATE_KEY);
    Random random = new Random(16);
    for (int i = 0; i < 10_000; i++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      byte[] der = signer.sign(digest);
      ASN1Sequence seq = ASN1Sequence.getInstance(der);
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();

      assertThat(s.compareTo(N.shiftRight(1))).as("low S").isLessThanOrEqualTo(0);
      assertThat(verifier.verifySignature(digest, r, s)).isTrue();
      if (i % 100 == 0) { // and a sample through the testkit's independent secp256k1
        assertThat(independent.verifies(digest, Hex.encode(der))).isTrue();
      }
    }
  }

  @Test
  void bothPemFormsAreReadAndAgreeWithTheHexForm(@TempDir Path tmp) throws Exception {
    BigInteger d = new BigInteger(PRIVATE_KEY, 16);
    X962Parameters secp256k1 = new X962Parameters(PemKey.ID_SECP256K1);
    byte[] point = Hex.decode(API_KEY);
    ECPrivateKey sec1 = new ECPrivateKey(256, d, new DERBitString(point), secp256k1);
    String sec1Pem = pem("EC PRIVATE KEY", sec1.getEncoded());
    String pkcs8Pem =
        pem(
            "PRIVATE KEY",
            new PrivateKeyInfo(new AlgorithmIdentifier(PemKey.ID_EC_PUBLIC_KEY, secp256k1), sec1).getEncoded());
    Path file = tmp.resolve("key.pem");
    Files.writeString(file, "comment line\n" + sec1Pem);

    assertThat(Secp256k1RequestSigner.fromPem(sec1Pem).apiKey()).isEqualTo(API_KEY);
    assertThat(Secp256k1RequestSigner.fromPem(pkcs8Pem).apiKey()).isEqualTo(API_KEY);
    assertThat(Secp256k1RequestSigner.fromPemFile(file).apiKey()).isEqualTo(API_KEY);
    // A PEM names its type: no need to state it, and stating it wrongly is refused.
    assertThat(RequestSigners.fromSecret(pkcs8Pem, null).keyType()).isEqualTo(KeyType.SECP256K1);
    assertThatThrownBy(() -> RequestSigners.fromSecret(sec1Pem, KeyType.ED25519))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds a secp256k1 key but the API key type is set to Ed25519");
  }

  @Test
  void aPemOnAnotherCurveIsRefusedNamingTheCurve() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    String p256 = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

    assertThatThrownBy(() -> Secp256k1RequestSigner.fromPem(p256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an EC key on P-256 (prime256v1), not secp256k1");
    assertThatThrownBy(() -> RequestSigners.fromSecret(p256, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13",
        "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13dbab",
        "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13zz",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0"
      })
  void badSecretsAreRefusedWithoutEchoingThem(String secret) {
    assertThatThrownBy(() -> Secp256k1RequestSigner.fromHexSecret(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(secret.substring(0, 16))
        .contains("API secret");
  }

  static String pem(String label, byte[] der) {
    return TestKeys.pem(label, der);
  }
}
