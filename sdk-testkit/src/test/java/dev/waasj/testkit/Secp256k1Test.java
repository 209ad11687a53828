package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The emulator's own secp256k1 against the vendor's vectors (copied here from signing-vectors-secp256k1.json, so
 * tests never read ../shared): keys derive, signatures verify, high S too, and anything else is refused.
 */
class Secp256k1Test {
  static final String PRIVATE_KEY = "b98a62c8dcd934b703f8a404a4f8b582c8e9a2042368f137db8a70d1714e13db";
  static final String API_KEY = "0343b8e340a6b404572e43c97b0cd5f75bc6c0521996de8fe329fc1598d831be3f";
  static final String DIGEST_1 = "9663432f98ccbb31c8a9c73da7fc709d7995102708c87d3249bc0566113b9d66";
  static final String SIGNATURE_1 =
      "3045022100a1856bcbe9bfcb447b8ea468f7eb55b2ca6c30b71010b57e86e9436b9e3d11780220066d4f0c2c8031642f782f98cb4a5cb"
          + "f1241551665002f4b978b384cce86279a";
  static final String DIGEST_2 = "382c98ea38c0baab0584a3cf4817644b9d29925fa86cc4aade1f1d9bb713ae8f";
  static final String SIGNATURE_2 =
      "3044022021a68023b6c04037797a19f4ce62f6afab2f13c66c01be348f1fe0cd0eafe32502205a6a10aa24a678c92af289dbab2a4277"
          + "814a6c08425d32cdfaf00943b72ceb41";

  static byte[] unhex(String hex) {
    return Hex.decode(hex, hex.length() / 2, "test");
  }

  @Test
  void theVectorKeyDerivesTheVectorApiKey() {
    TestKeyPair pair = TestKeyPair.fromSecp256k1Hex(PRIVATE_KEY);

    assertThat(pair.publicKeyHex()).isEqualTo(API_KEY);
    assertThat(pair.keyType()).isEqualTo("secp256k1");
    assertThat(pair.toString()).doesNotContain(PRIVATE_KEY);
  }

  @Test
  void theVectorSignaturesVerifyAndTamperedOnesDoNot() {
    TestKeyPair pair = TestKeyPair.fromSecp256k1Hex(PRIVATE_KEY);

    assertThat(pair.verifies(unhex(DIGEST_1), SIGNATURE_1)).isTrue();
    assertThat(pair.verifies(unhex(DIGEST_2), SIGNATURE_2)).isTrue();
    assertThat(pair.verifies(unhex(DIGEST_2), SIGNATURE_1)).isFalse();
    assertThat(pair.verifies(unhex(DIGEST_1), SIGNATURE_1.substring(0, 140) + "9b")).isFalse();
    assertThat(TestKeyPair.generate("secp256k1").verifies(unhex(DIGEST_1), SIGNATURE_1)).isFalse();
  }

  @Test
  void aHighSSignatureVerifiesTooAsAnyVerifierMust() {
    BigInteger[] rs = Secp256k1.parseDer(unhex(SIGNATURE_2));
    BigInteger highS = Secp256k1.N.subtract(rs[1]);
    byte[] r = rs[0].toByteArray();
    byte[] s = highS.toByteArray();
    byte[] der = new byte[6 + r.length + s.length];
    der[0] = 0x30;
    der[1] = (byte) (der.length - 2);
    der[2] = 0x02;
    der[3] = (byte) r.length;
    System.arraycopy(r, 0, der, 4, r.length);
    der[4 + r.length] = 0x02;
    der[5 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, der, 6 + r.length, s.length);

    assertThat(TestKeyPair.fromSecp256k1Hex(PRIVATE_KEY).verifies(unhex(DIGEST_2), Hex.encode(der))).isTrue();
  }

  @Test
  void malformedSignaturesAreRefusedNotThrown() {
    TestKeyPair pair = TestKeyPair.fromSecp256k1Hex(PRIVATE_KEY);
    for (String bad : new String[] {"", "30", "3006020100020100", "zz", SIGNATURE_1 + "00", SIGNATURE_1.toUpperCase()}) {
      assertThat(pair.verifies(unhex(DIGEST_1), bad)).as(bad).isFalse();
    }
  }

  @Test
  void aKeyThatIsNotOnTheCurveCannotBeRegistered() {
    // x = 5: 5^3 + 7 = 132 has no square root modulo p.
    String offCurve = "02" + "0".repeat(63) + "5";

    assertThatThrownBy(() -> CoboEmulator.builder().registerApp("a", "o", offCurve))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a point on secp256k1");
    assertThatThrownBy(() -> CoboEmulator.builder().registerApp("a", "o", "04" + API_KEY.substring(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroAndTooLargePrivateKeysAreRefusedWithoutEchoingThem() {
    String n = Secp256k1.N.toString(16);
    assertThatThrownBy(() -> TestKeyPair.fromSecp256k1Hex("0".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("0000");
    assertThatThrownBy(() -> TestKeyPair.fromSecp256k1Hex(n)).isInstanceOf(IllegalArgumentException.class);
  }
}
