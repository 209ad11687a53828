package dev.waasj.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Wallet IDs that carry their organization, so an answer for the wrong organization can be caught with no state
 * kept per organization. An org-scoped ID is a UUID {@code TTTTTTTT-TTTT-CCCC-CCCC-RRRRRRRRRRRR}: {@code T} the
 * first 48 bits of {@code sha256("org:" + org_id)}, {@code R} 48 bits of the ID the emulator synthesized, {@code C}
 * 32 bits of {@code sha256} over both, so an ID the emulator did not make (the spec's example, a client's own UUID)
 * looks org-scoped only by a one in four billion chance, and is then answered as before.
 */
final class OrgScope {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private OrgScope() {}

  /** The wallet ID {@code synthesized} becomes in the answers for {@code orgId}. */
  static String walletId(String orgId, String synthesized) {
    String tag = tag(orgId);
    String rest = hex(sha256("id:" + synthesized)).substring(0, 12);
    String check = check(tag, rest);
    return tag.substring(0, 8) + '-' + tag.substring(8) + '-' + check.substring(0, 4) + '-' + check.substring(4)
        + '-' + rest;
  }

  /** Whether {@code id} is a wallet ID the emulator made for an organization other than {@code orgId}. */
  static boolean belongsToAnotherOrganization(String id, String orgId) {
    String owner = ownerTag(id);
    return owner != null && !owner.equals(tag(orgId));
  }

  /** The organization tag of an org-scoped ID, or null for any other string. */
  private static @Nullable String ownerTag(String id) {
    if (id.length() != 36 || !UUID.matcher(id).matches()) {
      return null;
    }
    String tag = id.substring(0, 8) + id.substring(9, 13);
    String check = id.substring(14, 18) + id.substring(19, 23);
    return check.equals(check(tag, id.substring(24))) ? tag : null;
  }

  private static String tag(String orgId) {
    return hex(sha256("org:" + orgId)).substring(0, 12);
  }

  private static String check(String tag, String rest) {
    return hex(sha256("waasj-emulator-wallet:" + tag + ':' + rest)).substring(0, 8);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length * 2);
    for (byte x : bytes) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.toString();
  }
}
