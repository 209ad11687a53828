package dev.waasj.store.redis;

import java.util.regex.Pattern;

/**
 * Key names: {@code <prefix>{<client id>|<org id>}:token}, {@code :lease} and {@code :fence}; the app's index of its
 * organizations {@code <prefix>{<client id>}:orgs} and its marker {@code :orgs:scanned}; and {@code
 * <prefix>event:<event id>}. The braces make one organization's keys one Redis Cluster hash slot, so a script may
 * touch them together.
 */
final class RedisKeys {
  /** The key prefix when none is given. */
  static final String DEFAULT_PREFIX = "waasj:";

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.-]{0,40}");

  private final String prefix;

  RedisKeys(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "The key prefix must be at most 40 letters, digits and the characters _ : . -");
    }
    this.prefix = prefix;
  }

  String token(String clientId, String orgId) {
    return org(clientId, orgId) + ":token";
  }

  String lease(String clientId, String orgId) {
    return org(clientId, orgId) + ":lease";
  }

  String fence(String clientId, String orgId) {
    return org(clientId, orgId) + ":fence";
  }

  /** The set of the app's organization IDs, kept beside the tokens (in its own slot). */
  String organizations(String clientId) {
    return prefix + '{' + clientId + "}:orgs";
  }

  /** Present once the tokens saved before the index existed were scanned into it. */
  String organizationsScanned(String clientId) {
    return organizations(clientId) + ":scanned";
  }

  /** What every token key of the app starts with; the organization ID follows it. */
  String tokenHead(String clientId) {
    return prefix + '{' + clientId + '|';
  }

  /** The suffix of every token key, after the organization ID. */
  static String tokenTail() {
    return "}:token";
  }

  /** A {@code SCAN MATCH} pattern for every token key of the app: the IDs' glob characters escaped. */
  String tokenPattern(String clientId) {
    return glob(tokenHead(clientId)) + '*' + glob(tokenTail());
  }

  private static String glob(String literal) {
    StringBuilder b = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  String event(String eventId) {
    return prefix + "event:" + eventId;
  }

  private String org(String clientId, String orgId) {
    return prefix + '{' + clientId + '|' + orgId + '}';
  }

  @Override
  public String toString() {
    return prefix;
  }
}
