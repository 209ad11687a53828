package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.RefreshLease;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.fixtures.FencingTokenStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * RedisTokenStore on a real Redis Cluster (three masters, see {@link EmbeddedRedisCluster}) through a cluster
 * client: the contract every shared store keeps, each step one Lua script on the slot its keys share, then where the
 * keys really are.
 */
class RedisClusterTokenStoreTest extends FencingTokenStoreContract {
  @RegisterExtension static final EmbeddedRedisCluster.PerClass CLUSTER = new EmbeddedRedisCluster.PerClass();

  @Override
  protected TokenStore newEmptyStore() {
    CLUSTER.cluster().flushAll();
    return RedisTokenStore.create(CLUSTER.client(), "t:");
  }

  @Override
  protected ServerToLose storeOnAServerToLose() {
    EmbeddedRedisCluster own = new EmbeddedRedisCluster();
    RedisClusterClient client = own.clientGivingUpAfter(Duration.ofSeconds(1));
    return new ServerToLose() {
      private boolean down;

      @Override
      public TokenStore store() {
        return RedisTokenStore.create(client);
      }

      @Override
      public void takeDown() {
        own.stop(); // every master: no node left to redirect to
        down = true;
      }

      @Override
      public void close() {
        client.close();
        if (!down) {
          own.stop();
        }
      }
    };
  }

  @Test
  void oneOrganizationsKeysShareASlotAndOrganizationsSpreadOverEveryMaster() {
    List<String> orgs = new ArrayList<>();
    List<RefreshLease> held = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String org = "org-" + i;
      orgs.add(org);
      store.save(token("app", org, "AT-" + i, "RT-" + i));
      held.add(store.acquireRefreshLease("app", org, Duration.ofMinutes(1), Duration.ZERO)); // :lease and :fence
    }

    Map<Integer, Set<String>> byNode = CLUSTER.cluster().keysByNode();
    try (Jedis any = CLUSTER.cluster().node(0)) {
      for (String org : orgs) {
        List<String> keys = List.of("t:{app|" + org + "}:token", "t:{app|" + org + "}:lease",
            "t:{app|" + org + "}:fence");
        assertThat(keys.stream().map(any::clusterKeySlot).distinct()).as(org + "'s keys").hasSize(1);
        assertThat(byNode.values()).as(org + "'s keys, all on one master")
            .filteredOn(onNode -> onNode.containsAll(keys)).hasSize(1);
      }
    }
    assertThat(byNode.values()).as("keys on every master: the test ran on more than one node")
        .allSatisfy(onNode -> assertThat(onNode).isNotEmpty());
    assertThat(byNode.values().stream().mapToInt(Set::size).sum())
        .isEqualTo(3 * orgs.size() + 1); // and the app's index of its organizations, t:{app}:orgs

    for (RefreshLease lease : held) {
      lease.close();
    }
    for (String org : orgs) {
      assertThat(store.load("app", org).accessToken()).isEqualTo("AT-" + org.substring(4));
    }
  }

  /**
   * The rule the hash tags serve, enforced by both sides: keys without braces hash to different slots, the cluster
   * client refuses a script over them, and so does the server itself (CROSSSLOT) when sent one directly.
   */
  @Test
  void aScriptWhoseKeysSpanSlotsIsRefused() {
    List<String> apart = List.of("t:app|org:token", "t:app|org:lease");
    try (Jedis node = CLUSTER.cluster().node(0)) {
      assertThat(apart.stream().map(node::clusterKeySlot).distinct()).as("without braces").hasSize(2);
      assertThatThrownBy(() -> node.eval("return 1", 2, apart.toArray(String[]::new)))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("CROSSSLOT");
    }
    assertThatThrownBy(() -> CLUSTER.client().eval("return 1", apart, List.of()))
        .isInstanceOf(JedisClusterOperationException.class)
        .hasMessageContaining("multiple hash slots");
  }

  @Test
  @SuppressWarnings("deprecation") // JedisCluster, which Jedis 8 keeps beside RedisClusterClient
  void aJedisClusterClientServesTheStoreToo() {
    try (JedisCluster jedisCluster =
        new JedisCluster(new HostAndPort("127.0.0.1", CLUSTER.cluster().ports().get(1)))) {
      TokenStore onJedisCluster = RedisTokenStore.create(jedisCluster, "t:");
      try (RefreshLease lease =
          onJedisCluster.acquireRefreshLease("app", "org", Duration.ofMinutes(1), Duration.ZERO)) {
        assertThat(lease.load()).isNull();
        lease.save(token("AT-jc", "RT-jc"));
      }
      assertThat(store.load("app", "org").accessToken()).isEqualTo("AT-jc");
    }
    assertThat(CLUSTER.cluster().keysByNode().values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("t:{app|org}:token", "t:{app|org}:fence", "t:{app}:orgs");
  }
}
