package dev.waasj.store.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis Cluster of three masters on free loopback ports, each a {@code redis-server} process started from the
 * binary the embedded-redis artifact carries (Redis 6.2) with {@code --cluster-enabled yes}. The nodes are joined
 * with {@code CLUSTER MEET} and the 16,384 slots split in three with {@code CLUSTER ADDSLOTS}, from the client: no
 * {@code redis-cli}, nothing installed. No replicas: the stores' scripts and slots are what is under test, not
 * failover.
 */
final class EmbeddedRedisCluster implements AutoCloseable {
  static final int MASTERS = 3;
  private static final int SLOTS = 16_384;
  private static final Duration READY = Duration.ofSeconds(20);

  private final Path dir;
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  /** Stops the processes should the JVM exit before {@link #stop()} (a failed or interrupted test run). */
  private final Thread onExit = new Thread(this::destroyProcesses, "redis-cluster-stop");

  EmbeddedRedisCluster() {
    try {
      dir = Files.createTempDirectory("waasj-redis-cluster");
      Runtime.getRuntime().addShutdownHook(onExit);
      File binary = ExecutableProvider.newJarResourceProvider().get();
      for (int i = 0; i < MASTERS; i++) {
        int port = EmbeddedRedis.freePort();
        ports.add(port);
        processes.add(start(binary, port));
      }
      for (int port : ports) {
        awaitListening(port);
      }
      form();
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private Process start(File binary, int port) throws IOException {
    // Everything on the command line (Redis reads "--name value" pairs as its configuration); the cluster's node
    // file, and anything else a node writes, stays in this cluster's temporary directory.
    return new ProcessBuilder(
            binary.getAbsolutePath(),
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--cluster-enabled", "yes",
            "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
            "--cluster-node-timeout", "5000",
            "--dir", dir.toString(),
            "--save", "",
            "--appendonly", "no")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
        .start();
  }

  private void awaitListening(int port) {
    long deadline = System.nanoTime() + READY.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !processes.get(ports.indexOf(port)).isAlive()) {
          throw new IllegalStateException("redis-server on port " + port + " did not start: " + log(port));
        }
        pause();
      }
    }
  }

  /** Joins the nodes, gives each a third of the slots, and waits until every node says the cluster is ok. */
  private void form() {
    try (Jedis first = node(0)) {
      for (int i = 1; i < MASTERS; i++) {
        first.clusterMeet("127.0.0.1", ports.get(i));
      }
    }
    for (int i = 0; i < MASTERS; i++) {
      try (Jedis node = node(i)) {
        node.clusterAddSlots(IntStream.range(SLOTS * i / MASTERS, SLOTS * (i + 1) / MASTERS).toArray());
      }
    }
    long deadline = System.nanoTime() + READY.toNanos();
    for (int i = 0; i < MASTERS; i++) {
      try (Jedis node = node(i)) {
        while (!formed(node.clusterInfo())) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the cluster did not form on port " + ports.get(i) + ": "
                + node.clusterInfo() + log(ports.get(i)));
          }
          pause();
        }
      }
    }
  }

  private static boolean formed(String info) {
    return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + MASTERS)
        && info.contains("cluster_slots_assigned:" + SLOTS);
  }

  /** A cluster client that finds the topology from any one node and follows MOVED replies. */
  RedisClusterClient client() {
    return RedisClusterClient.builder().nodes(Set.of(new HostAndPort("127.0.0.1", ports.get(0)))).build();
  }

  /**
   * A cluster client that gives up within about {@code giveUp} when no node answers (the default retries for
   * seconds), for a test that takes the cluster down.
   */
  RedisClusterClient clientGivingUpAfter(Duration giveUp) {
    return RedisClusterClient.builder()
        .nodes(Set.of(new HostAndPort("127.0.0.1", ports.get(0))))
        .clientConfig(DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).build())
        .maxAttempts(2)
        .maxTotalRetriesDuration(giveUp)
        .build();
  }

  /** A plain connection to one master, for what is asked of that node alone. */
  Jedis node(int index) {
    return new Jedis("127.0.0.1", ports.get(index));
  }

  List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** Empties every master, each through a connection of its own. */
  void flushAll() {
    for (int i = 0; i < MASTERS; i++) {
      try (Jedis node = node(i)) {
        node.flushAll();
      }
    }
  }

  /** The keys each master holds, by its port: where the data really is, not where a hash says it should be. */
  Map<Integer, Set<String>> keysByNode() {
    Map<Integer, Set<String>> keys = new LinkedHashMap<>();
    for (int i = 0; i < MASTERS; i++) {
      try (Jedis node = node(i)) {
        keys.put(ports.get(i), new LinkedHashSet<>(node.keys("*")));
      }
    }
    return keys;
  }

  void stop() {
    destroyProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook runs (or ran) anyway
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void destroyProcesses() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private String log(int port) {
    try {
      return "\n" + Files.readString(dir.resolve("redis-" + port + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the cluster started", e);
    }
  }

  /**
   * One cluster and cluster client for a test class, as a JUnit extension: {@code @RegisterExtension static final
   * EmbeddedRedisCluster.PerClass CLUSTER = new EmbeddedRedisCluster.PerClass();} starts them before the class's
   * first test and stops them after its last.
   */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedRedisCluster cluster;
    private RedisClusterClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
      cluster = new EmbeddedRedisCluster();
      client = cluster.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      try {
        client.close();
      } finally {
        cluster.stop();
      }
    }

    /** The cluster client of this class's cluster. */
    RedisClusterClient client() {
      return client;
    }

    EmbeddedRedisCluster cluster() {
      return cluster;
    }
  }
}
