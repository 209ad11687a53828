package dev.waasj.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.fixtures.EventDeduplicatorContract;
import dev.waasj.webhooks.Claim;
import dev.waasj.webhooks.EventDeduplicator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RedisEventDeduplicator on a real Redis Cluster (three masters) through a cluster client: the contract every
 * deduplicator keeps, then where the claims really are.
 */
class RedisClusterEventDeduplicatorTest extends EventDeduplicatorContract {
  @RegisterExtension static final EmbeddedRedisCluster.PerClass CLUSTER = new EmbeddedRedisCluster.PerClass();

  @Override
  protected EventDeduplicator newEmptyDeduplicator() {
    CLUSTER.cluster().flushAll();
    return RedisEventDeduplicator.create(CLUSTER.client(), "d:", Duration.ofDays(7));
  }

  @Test
  void claimsOfDifferentEventsSpreadOverEveryMaster() {
    for (int i = 0; i < 12; i++) {
      Claim claim = dedup.claim("event:e" + i, Duration.ofMinutes(1));
      assertThat(claim.state()).isEqualTo(Claim.State.CLAIMED);
      assertThat(dedup.complete(claim, "handled " + i)).isTrue();
    }

    Map<Integer, Set<String>> byNode = CLUSTER.cluster().keysByNode();
    assertThat(byNode.values()).as("claims on every master: the test ran on more than one node")
        .allSatisfy(onNode -> assertThat(onNode).isNotEmpty());
    assertThat(byNode.values().stream().mapToInt(Set::size).sum()).isEqualTo(12);
    for (int i = 0; i < 12; i++) {
      Claim again = dedup.claim("event:e" + i, Duration.ofMinutes(1));
      assertThat(again.state()).isEqualTo(Claim.State.DONE);
      assertThat(again.outcome()).hasValue("handled " + i);
    }
  }
}
