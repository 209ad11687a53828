package dev.waasj.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Just enough DER to build malformed keys in tests without Bouncy Castle, so those tests also run against the jar
 * whose Bouncy Castle is relocated (and minimized). {@code DerTest} checks each structure against Bouncy Castle's
 * own encoding.
 */
public final class Der {
  private Der() {}

  /** A SEQUENCE of already encoded elements. */
  public static byte[] sequence(byte[]... elements) {
    return tlv(0x30, concat(elements));
  }

  /** An INTEGER, minimal two's complement. */
  public static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  /** An OCTET STRING. */
  public static byte[] octetString(byte[] content) {
    return tlv(0x04, content);
  }

  /** A BIT STRING with no unused bits. */
  public static byte[] bitString(byte[] content) {
    return tlv(0x03, concat(new byte[] {0}, content));
  }

  /** An OBJECT IDENTIFIER from its dotted form; arcs of any size. */
  public static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1])));
    for (int i = 2; i < arcs.length; i++) {
      base128(out, new BigInteger(arcs[i]));
    }
    return tlv(0x06, out.toByteArray());
  }

  /** A context-specific, constructed, explicitly tagged element: {@code [tag] EXPLICIT}. */
  public static byte[] explicit(int tag, byte[] element) {
    return tlv(0xA0 | tag, element);
  }

  /** The unsigned big-endian bytes of {@code value}, left-padded with zeros to {@code length}. */
  public static byte[] unsigned(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  private static void base128(ByteArrayOutputStream out, BigInteger arc) {
    int groups = Math.max(1, (arc.bitLength() + 6) / 7);
    for (int g = groups - 1; g >= 0; g--) {
      int seven = arc.shiftRight(7 * g).intValue() & 0x7F;
      out.write(g == 0 ? seven : seven | 0x80);
    }
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xFF);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
