package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.internal.crypto.Hex;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.junit.jupiter.api.Test;

/**
 * The malformed keys {@link SecretEchoTest} builds with its own small DER writer are byte for byte what Bouncy
 * Castle encodes for the same structures, so the echo test means the same on the relocated jar, where it runs
 * without Bouncy Castle. Runs on the original jar only (it uses Bouncy Castle itself).
 */
class DerTest {
  static final BigInteger D = new BigInteger(SecretEchoTest.S, 16);

  @Test
  void pkcs8WithAnAlgorithmOidMadeOfTheSecret() throws IOException {
    assertThat(SecretEchoTest.pkcs8OfSecretAlgorithm())
        .isEqualTo(der(new PrivateKeyInfo(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier(SecretEchoTest.secretOid())),
            new DEROctetString(Hex.decode(SecretEchoTest.S)))));
  }

  @Test
  void sec1KeysOnEachCurveWithAndWithoutAPublicKey() throws IOException {
    for (String curve : new String[] {SecretEchoTest.secretOid(), SecretEchoTest.P256, SecretEchoTest.SECP256K1}) {
      X962Parameters parameters = new X962Parameters(new ASN1ObjectIdentifier(curve));
      assertThat(SecretEchoTest.sec1(D, curve, null)).isEqualTo(der(new ECPrivateKey(256, D, parameters)));
      BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
      byte[] publicKey = Hex.decode(SecretEchoTest.S);
      assertThat(SecretEchoTest.sec1(max, curve, publicKey))
          .isEqualTo(der(new ECPrivateKey(256, max, new DERBitString(publicKey), parameters)));
    }
  }

  @Test
  void pkcs8EcOnACurveOidMadeOfTheSecret() throws IOException {
    X962Parameters curve = new X962Parameters(new ASN1ObjectIdentifier(SecretEchoTest.secretOid()));
    ECPrivateKey key = new ECPrivateKey(256, D, curve);
    assertThat(SecretEchoTest.pkcs8Ec(SecretEchoTest.secretOid(), der(key)))
        .isEqualTo(der(new PrivateKeyInfo(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier(SecretEchoTest.EC_PUBLIC_KEY), curve), key)));
  }

  private static byte[] der(ASN1Encodable value) throws IOException {
    return value.toASN1Primitive().getEncoded("DER");
  }
}
