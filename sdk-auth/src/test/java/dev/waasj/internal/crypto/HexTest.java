package dev.waasj.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowerCaseTwoCharactersPerByte() {
    assertThat(Hex.encode(new byte[] {0x00, 0x0f, (byte) 0xab, (byte) 0xff})).isEqualTo("000fabff");
  }

  @Test
  void encodesEmptyArrayAsEmptyString() {
    assertThat(Hex.encode(new byte[0])).isEmpty();
  }

  @Test
  void roundTripsEveryByteValue() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertThat(Hex.encode(all)).isEqualTo(JdkEd25519.hex(all));
    assertThat(Hex.decode(Hex.encode(all))).isEqualTo(all);
  }

  @Test
  void decodesUpperAndMixedCase() {
    assertThat(Hex.decode("ABcdEf09")).containsExactly(0xab, 0xcd, 0xef, 0x09);
  }

  @Test
  void rejectsOddLength() {
    assertThatIllegalArgumentException().isThrownBy(() -> Hex.decode("abc")).withMessageContaining("odd length");
  }

  @Test
  void rejectsNonHexWithoutQuotingInput() {
    String secretish = "00112233445566zz";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Hex.decode(secretish))
        .withMessage("hex string contains a non-hex character");
  }

  @Test
  void rejectsCharactersJustOutsideTheHexRanges() {
    for (String bad : new String[] {"0/", "0:", "0@", "0G", "0`", "0g", " 0", "0\u0660"}) {
      assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Hex.decode(bad));
    }
  }

  @Test
  void isHexChecksLengthAndAlphabet() {
    assertThat(Hex.isHex("0aF9", 4)).isTrue();
    assertThat(Hex.isHex("0aF9", 6)).isFalse();
    assertThat(Hex.isHex("0aG9", 4)).isFalse();
  }
}
