package dev.waasj.store.redis;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Org tokens in Redis, shared by every instance of a service. Each step is one Lua script, so it is atomic:
 *
 * <ul>
 *   <li>the token is a hash at {@code <prefix>{<client id>|<org id>}:token} with a {@code version} that grows by
 *       one with every save; it expires when its refresh token does ({@code PEXPIREAT});
 *   <li>the refresh lease is {@code :lease}, set only if absent, with the TTL the manager asks for ({@code PX}), to
 *       {@code "<holder> <fence>"}, the fence drawn from {@code :fence} ({@code INCR});
 *   <li>a save through a lease writes only while the lease still holds its holder and fence and the token's
 *       version is the one the lease read: a holder that paused past its TTL cannot overwrite a newer token.
 * </ul>
 *
 * <p>{@link #organizations} reads a per-app index, the set {@code <prefix>{<client id>}:orgs}. It cannot be kept
 * by the token scripts: a script may touch the keys of one cluster slot only, and each organization's keys have
 * their own. So a save first adds the organization with {@code SADD}, then runs its script, and a delete runs
 * {@code SREM} after its {@code DEL}: the set may name organizations whose token is gone (a refused save, a token
 * that expired with its refresh token), never miss a saved one, and the listing checks each named token with a
 * pipelined {@code EXISTS}. No {@code KEYS}, and no {@code SCAN} in the steady state: tokens saved by a release
 * without the index are found by one {@code SCAN} of every node the first time an app's organizations are listed,
 * after which {@code <prefix>{<client id>}:orgs:scanned} is set. During a rolling upgrade, an organization first
 * granted by an instance of the older release after that scan is listed from its next save by a newer one; delete
 * the {@code :scanned} key once the last older instance stopped to scan again. A save racing a delete of the same
 * organization may leave its token unlisted until its next save.
 *
 * <p>Every failure (Redis unreachable, a refused script, a hash that does not read as a token) is a {@link
 * TokenStoreException} naming what failed, never a value. Give it the application's {@link UnifiedJedis} (a {@code
 * RedisClient}, or a cluster client: one organization's keys share a hash slot); closing it is the application's.
 */
public final class RedisTokenStore implements TokenStore {
  private static final String ACQUIRE =
      "if redis.call('exists', KEYS[1]) == 1 then return false end\n"
          + "local fence = redis.call('incr', KEYS[2])\n"
          + "redis.call('set', KEYS[1], ARGV[1] .. ' ' .. fence, 'PX', ARGV[2])\n"
          + "return fence";
  /** KEYS: lease (or none), token. ARGV: owner or '', expected version or '', the fields, expire-at ms. */
  private static final String SAVE =
      "if ARGV[1] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[1] then return -1 end\n"
          + "local v = tonumber(redis.call('hget', KEYS[1], 'version') or '0')\n"
          + "if ARGV[2] ~= '' and v ~= tonumber(ARGV[2]) then return -2 end\n"
          + "redis.call('hset', KEYS[1], 'access_token', ARGV[3], 'refresh_token', ARGV[4], 'token_type', ARGV[5],"
          + " 'obtained_at', ARGV[6], 'expires_at', ARGV[7], 'refresh_expires_at', ARGV[8], 'version', v + 1)\n"
          + "redis.call('pexpireat', KEYS[1], ARGV[8])\n"
          + "return v + 1";
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end\nreturn 0";

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final RedisOrganizations organizations;

  private RedisTokenStore(UnifiedJedis redis, String prefix) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keys = new RedisKeys(prefix);
    this.organizations = new RedisOrganizations(redis, keys);
  }

  /** A store under the key prefix {@code waasj:}. */
  public static RedisTokenStore create(UnifiedJedis redis) {
    return new RedisTokenStore(redis, RedisKeys.DEFAULT_PREFIX);
  }

  /**
   * A store under {@code prefix}.
   *
   * @throws IllegalArgumentException if the prefix has other characters than letters, digits and {@code _:.-}
   */
  public static RedisTokenStore create(UnifiedJedis redis, String prefix) {
    return new RedisTokenStore(redis, prefix);
  }

  @Override
  public @Nullable OrgToken load(String clientId, String orgId) {
    Versioned v = read(clientId, orgId);
    return v == null ? null : v.token;
  }

  @Override
  public void save(OrgToken token) {
    write(token, "", "", "Saving");
  }

  @Override
  public void delete(String clientId, String orgId) {
    try {
      redis.del(keys.token(clientId, orgId));
    } catch (JedisException e) {
      throw failure("Deleting the org token of org " + orgId, e);
    }
    organizations.remove(clientId, orgId);
  }

  /**
   * Reads the app's index set and checks that each indexed token still exists (one pipelined {@code EXISTS} each);
   * the first listing of an app also scans for tokens saved before the index existed. See the class documentation.
   */
  @Override
  public Set<String> organizations(String clientId) {
    return organizations.list(Checks.notBlankArgument(clientId, "clientId"));
  }

  /** Sets the lease key if absent, polling every few milliseconds (at most 100) until {@code maxWait} has passed. */
  @Override
  public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
    String holder = UUID.randomUUID().toString();
    String ttlMillis = Long.toString(Math.max(1, ttl.toMillis()));
    return RefreshLease.poll("org " + orgId, maxWait, () -> {
      Object fence;
      try {
        fence = redis.eval(
            ACQUIRE, List.of(keys.lease(clientId, orgId), keys.fence(clientId, orgId)), List.of(holder, ttlMillis));
      } catch (JedisException e) {
        throw failure("Taking the refresh lease of org " + orgId, e);
      }
      return fence instanceof Long ? new Lease(clientId, orgId, holder + ' ' + fence) : null;
    });
  }

  private @Nullable Versioned read(String clientId, String orgId) {
    Map<String, String> h;
    try {
      h = redis.hgetAll(keys.token(clientId, orgId));
    } catch (JedisException e) {
      throw failure("Loading the org token of org " + orgId, e);
    }
    if (h == null || h.isEmpty()) {
      return null;
    }
    try {
      OrgToken token =
          OrgToken.builder()
              .clientId(clientId)
              .orgId(orgId)
              .accessToken(credential(h.get("access_token")))
              .refreshToken(credential(h.get("refresh_token")))
              .tokenType(Objects.requireNonNull(h.get("token_type")))
              .obtainedAt(Instant.ofEpochMilli(Long.parseLong(h.get("obtained_at"))))
              .expiresAt(Instant.ofEpochMilli(Long.parseLong(h.get("expires_at"))))
              .refreshExpiresAt(Instant.ofEpochMilli(Long.parseLong(h.get("refresh_expires_at"))))
              .build();
      if (token.expiresAt().isBefore(token.obtainedAt())) {
        throw new IllegalStateException("expires before it was obtained");
      }
      return new Versioned(token, Long.parseLong(h.get("version")));
    } catch (RuntimeException e) {
      // Say which key, never what is in it.
      throw new TokenStoreException(
          "The stored org token of org " + orgId + " at " + keys.token(clientId, orgId) + " is not a valid token ("
              + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /** Runs {@link #SAVE}; {@code owner} empty for an unguarded save, {@code expected} empty for no version check. */
  private long write(OrgToken token, String owner, String expected, String what) {
    organizations.add(token.clientId(), token.orgId()); // first: the index may list more tokens than exist, never fewer
    String tokenKey = keys.token(token.clientId(), token.orgId());
    List<String> keyList =
        owner.isEmpty() ? List.of(tokenKey) : List.of(tokenKey, keys.lease(token.clientId(), token.orgId()));
    Object result;
    try {
      result =
          redis.eval(
              SAVE,
              keyList,
              List.of(
                  owner,
                  expected,
                  token.accessToken(),
                  token.refreshToken(),
                  token.tokenType(),
                  Long.toString(token.obtainedAt().toEpochMilli()),
                  Long.toString(token.expiresAt().toEpochMilli()),
                  Long.toString(token.refreshExpiresAt().toEpochMilli())));
    } catch (JedisException e) {
      throw failure(what + " the org token of org " + token.orgId(), e);
    }
    long version = result instanceof Long ? (Long) result : -3;
    if (version == -1) {
      throw new TokenStoreException(
          "The refresh lease of org " + token.orgId() + " expired or passed to another instance; the token was not"
              + " saved");
    }
    if (version == -2) {
      throw new TokenStoreException(
          "The org token of org " + token.orgId() + " changed since it was read under the lease; the token was not"
              + " saved");
    }
    if (version < 0) {
      throw new TokenStoreException("Saving the org token of org " + token.orgId() + " got no version back");
    }
    return version;
  }

  /** A token as an HTTP header can carry it: visible ASCII, not blank. */
  private static String credential(@Nullable String value) {
    if (value == null || value.isEmpty() || !value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw new IllegalStateException("a token is blank or has characters a header cannot carry");
    }
    return value;
  }

  static TokenStoreException failure(String what, JedisException e) {
    return new TokenStoreException(what + " failed: " + e.getClass().getSimpleName(), e);
  }

  @Override
  public String toString() {
    return "RedisTokenStore{" + keys + '}';
  }

  private record Versioned(OrgToken token, long version) {}

  /** The lease key holding {@code owner} ("holder fence"); remembers the version it read for the save. */
  private final class Lease implements RefreshLease {
    private final String clientId;
    private final String orgId;
    private final String owner;
    private String readVersion = "";
    private boolean released;

    Lease(String clientId, String orgId, String owner) {
      this.clientId = clientId;
      this.orgId = orgId;
      this.owner = owner;
    }

    @Override
    public @Nullable OrgToken load() {
      Versioned v = read(clientId, orgId);
      readVersion = v == null ? "0" : Long.toString(v.version);
      return v == null ? null : v.token;
    }

    @Override
    public void save(OrgToken token) {
      if (released) {
        throw new TokenStoreException("The refresh lease of org " + orgId + " was released; the token was not saved");
      }
      readVersion = Long.toString(write(token, owner, readVersion, "Saving"));
    }

    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      try {
        redis.eval(RELEASE, List.of(keys.lease(clientId, orgId)), List.of(owner));
      } catch (RuntimeException e) {
        // Never throws: a lease that cannot be released expires by itself.
      }
    }

    @Override
    public String toString() {
      return "RedisTokenStore.Lease{org " + orgId + '}';
    }
  }
}
