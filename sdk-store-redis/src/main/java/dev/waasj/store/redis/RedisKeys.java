package dev.waasj.store.redis;

import java.util.regex.Pattern;

/**
 * Key names: {@code <prefix>{<client id>|<org id>}:token}, {@code :lease} and {@code :fence}, and {@code
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
