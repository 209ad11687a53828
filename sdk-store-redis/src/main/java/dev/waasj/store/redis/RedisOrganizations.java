package dev.waasj.store.redis;

import dev.waasj.errors.TokenStoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The per-app index of organizations that {@link RedisTokenStore#organizations} reads: a set at {@code
 * <prefix>{<client id>}:orgs}. A token's script runs on its organization's slot and may touch no other, so the index
 * is written by its own command: {@code SADD} before the token's script (a save that fails to index fails before
 * writing anything), {@code SREM} after its {@code DEL}. The set is thus a superset of the stored tokens: an entry
 * whose token is gone (the save's script refused, the token expired with its refresh token) is filtered out by an
 * {@code EXISTS} of each token, pipelined.
 *
 * <p>Tokens saved before the index existed are found once: while {@code :orgs:scanned} is absent, a listing first
 * {@code SCAN}s every node (each master and replica of a cluster) for the app's token keys, adds them to the index,
 * then sets the marker.
 */
final class RedisOrganizations {
  private static final int SCAN_COUNT = 1000;

  private final UnifiedJedis redis;
  private final RedisKeys keys;

  RedisOrganizations(UnifiedJedis redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** Adds the organization to its app's index; called before its token is written. */
  void add(String clientId, String orgId) {
    try {
      redis.sadd(keys.organizations(clientId), orgId);
    } catch (JedisException e) {
      throw RedisTokenStore.failure("Indexing org " + orgId + " before saving its org token; nothing was saved", e);
    }
  }

  /** Removes the organization from its app's index; called after its token was deleted. */
  void remove(String clientId, String orgId) {
    try {
      redis.srem(keys.organizations(clientId), orgId);
    } catch (JedisException e) {
      throw RedisTokenStore.failure(
          "Removing org " + orgId + " from the index after deleting its org token (the token is deleted)", e);
    }
  }

  Set<String> list(String clientId) {
    try {
      if (!redis.exists(keys.organizationsScanned(clientId))) {
        scanIntoIndex(clientId);
      }
      List<String> indexed = new ArrayList<>(redis.smembers(keys.organizations(clientId)));
      List<Response<Boolean>> present = new ArrayList<>(indexed.size());
      try (AbstractPipeline pipeline = redis.pipelined()) {
        for (String orgId : indexed) {
          present.add(pipeline.exists(keys.token(clientId, orgId)));
        }
        pipeline.sync();
      }
      Set<String> orgs = new HashSet<>();
      for (int i = 0; i < indexed.size(); i++) {
        if (Boolean.TRUE.equals(present.get(i).get())) {
          orgs.add(indexed.get(i));
        }
      }
      return Set.copyOf(orgs);
    } catch (JedisException e) {
      throw RedisTokenStore.failure("Listing the organizations with an org token", e);
    }
  }

  /** Adds every stored token of the app to the index, then marks it scanned: once per app and prefix. */
  private void scanIntoIndex(String clientId) {
    Set<String> found = new HashSet<>();
    Map<String, ConnectionPool> nodes = clusterNodes();
    if (nodes == null) {
      scan(redis::scan, clientId, found);
    } else {
      for (ConnectionPool node : nodes.values()) {
        try (Connection connection = node.getResource()) {
          Jedis jedis = new Jedis(connection); // borrows the pooled connection; closing that returns it
          scan(jedis::scan, clientId, found);
        }
      }
    }
    if (!found.isEmpty()) {
      redis.sadd(keys.organizations(clientId), found.toArray(String[]::new));
    }
    redis.set(keys.organizationsScanned(clientId), "1");
  }

  private interface Scanner {
    ScanResult<String> scan(String cursor, ScanParams params);
  }

  private void scan(Scanner scanner, String clientId, Set<String> found) {
    String head = keys.tokenHead(clientId);
    String tail = RedisKeys.tokenTail();
    ScanParams params = new ScanParams().match(keys.tokenPattern(clientId)).count(SCAN_COUNT);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = scanner.scan(cursor, params);
      for (String key : page.getResult()) {
        if (key.length() > head.length() + tail.length() && key.startsWith(head) && key.endsWith(tail)) {
          found.add(key.substring(head.length(), key.length() - tail.length()));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  /**
   * Every node of a cluster client; null for a client of one server (standalone, or through Sentinel). Jedis 8
   * deprecates {@code JedisCluster} for {@code RedisClusterClient}, but applications may still pass one.
   */
  @SuppressWarnings("deprecation")
  private @Nullable Map<String, ConnectionPool> clusterNodes() {
    if (redis instanceof RedisClusterClient cluster) {
      return cluster.getClusterNodes();
    }
    if (redis instanceof JedisCluster cluster) {
      return cluster.getClusterNodes();
    }
    return null;
  }
}
