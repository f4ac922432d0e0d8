package org.librarycampaign.localruntime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft cluster on this machine, started from Kafka's own classes ({@code
 * kafka_2.13} must be on the classpath). Every node runs in combined mode (broker and controller)
 * and listens on the loopback interface only.
 *
 * <p>Layout under the data directory:
 *
 * <pre>
 *   cluster.properties      cluster id and node count, kept so that a restart reuses the data
 *   node-N/server.properties the broker configuration of node N (rewritten on every start)
 *   node-N/data/             log.dirs of node N (KRaft metadata log included)
 *   logs/node-N.log          stdout and stderr of node N when it runs as its own JVM
 * </pre>
 *
 * <p>Node ids equal node indices: node {@code i} has {@code node.id=i}, so the leader id returned
 * by the admin client can be passed to {@link #killNode(int)} directly.
 */
public final class LocalKafkaCluster implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(LocalKafkaCluster.class);

  private static final Duration IN_PROCESS_READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROCESS_READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration PROBE_PAUSE = Duration.ofMillis(100);

  /** How often a broker heartbeats to its controller ({@code broker.heartbeat.interval.ms}). */
  static final int HEARTBEAT_INTERVAL_MS = 500;

  /**
   * How long a controller keeps a silent broker's session ({@code broker.session.timeout.ms}); a
   * node started again after kill -9 waits this out before it may register.
   */
  static final int SESSION_TIMEOUT_MS = 4000;

  private static final String CLUSTER_FILE = "cluster.properties";
  private static final String CLUSTER_ID_KEY = "cluster.id";
  private static final String NODES_KEY = "nodes";
  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String LOOPBACK = "127.0.0.1";
  private static final String ADVERTISED_HOST = "localhost";

  /** Heap and GC settings of a node JVM: small, since these clusters only serve tests. */
  private static final List<String> NODE_JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:+ExitOnOutOfMemoryError",
          "-Djava.awt.headless=true");

  /** System properties handed on to node JVMs so that they log the way this JVM does. */
  private static final List<String> INHERITED_SYSTEM_PROPERTIES =
      List.of("logback.configurationFile", "log4j2.configurationFile", "log4j.configurationFile");

  /** The SASL mechanism of a secured cluster ({@link #startInProcessSecured}). */
  public static final String SASL_MECHANISM = "SCRAM-SHA-512";

  private static final String SECURED_BROKER_LISTENER = "SASL_PLAINTEXT";

  /**
   * A super user of a secured cluster: its SCRAM credential is written at format time, so that the
   * broker itself (inter-broker) and the first admin client can authenticate before any user is
   * created.
   */
  public record SuperUser(String name, String password) {
    public SuperUser {
      if (name.isBlank() || password.isBlank()) {
        throw new IllegalArgumentException("a super user needs a name and a password");
      }
    }

    @Override
    public String toString() {
      return "SuperUser[" + name + "]";
    }
  }

  private enum Mode {
    IN_PROCESS,
    PROCESSES
  }

  /** Where one node lives: its ports and directories. */
  private record NodeSpec(int id, int brokerPort, int controllerPort, Path home, Path logFile) {

    Path configFile() {
      return home.resolve("server.properties");
    }

    Path logDir() {
      return home.resolve("data");
    }

    boolean formatted() {
      return Files.exists(logDir().resolve("meta.properties"));
    }
  }

  private final Mode mode;
  private final Path dataDir;
  private final String clusterId;
  private final List<NodeSpec> nodes;
  private final Map<String, String>[] nodeConfigs;
  private final Process[] processes;
  private final Optional<SuperUser> superUser;
  private KafkaRaftServer server;
  private boolean closed;

  @SuppressWarnings("unchecked")
  private LocalKafkaCluster(
      Mode mode,
      Path dataDir,
      String clusterId,
      List<NodeSpec> nodes,
      Optional<SuperUser> superUser) {
    this.mode = mode;
    this.superUser = superUser;
    this.dataDir = dataDir;
    this.clusterId = clusterId;
    this.nodes = List.copyOf(nodes);
    this.nodeConfigs = new Map[nodes.size()];
    this.processes = new Process[nodes.size()];
  }

  /**
   * Starts one combined broker+controller node in this JVM and blocks until the broker answers.
   *
   * @param dataDir where the node keeps its data; reused (not reformatted) when it already holds a
   *     formatted node
   * @param brokerPort the client port on 127.0.0.1, or 0 to pick a free one
   */
  public static LocalKafkaCluster startInProcess(Path dataDir, int brokerPort) {
    return startInProcess(dataDir, brokerPort, Optional.empty());
  }

  /**
   * Like {@link #startInProcess(Path, int)}, but secured: clients authenticate with SASL/{@value
   * #SASL_MECHANISM} over plaintext, and the StandardAuthorizer denies whatever no ACL allows
   * ({@code allow.everyone.if.no.acl.found=false}); {@code superUser} may do anything. Other users
   * are created with {@link Admin#alterUserScramCredentials} by the super user ({@link
   * #clientProperties}). The controller listener stays plaintext on the loopback interface: its
   * anonymous principal (the node talking to itself) is a super user too.
   */
  public static LocalKafkaCluster startInProcessSecured(
      Path dataDir, int brokerPort, SuperUser superUser) {
    return startInProcess(dataDir, brokerPort, Optional.of(superUser));
  }

  private static LocalKafkaCluster startInProcess(
      Path dataDir, int brokerPort, Optional<SuperUser> superUser) {
    if (brokerPort < 0 || brokerPort > 65_535) {
      throw new IllegalArgumentException("brokerPort must be 0..65535, was " + brokerPort);
    }
    requireKafkaOnClasspath();
    long started = System.nanoTime();
    Path dir = prepareDataDir(dataDir);
    String clusterId = loadOrCreateClusterId(dir, 1);
    int[] free = ChildProcesses.freePorts(brokerPort == 0 ? 2 : 1);
    int port = brokerPort == 0 ? free[1] : brokerPort;
    NodeSpec node = new NodeSpec(0, port, free[0], dir.resolve("node-0"), null);
    LocalKafkaCluster cluster =
        new LocalKafkaCluster(Mode.IN_PROCESS, dir, clusterId, List.of(node), superUser);
    try {
      cluster.prepareNode(0, 1);
      cluster.startServer();
      cluster.awaitReady(cluster.bootstrapServers(), Set.of(0), IN_PROCESS_READY_TIMEOUT, started);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    LOGGER
        .atInfo()
        .addKeyValue("bootstrap", cluster.bootstrapServers())
        .addKeyValue("clusterId", clusterId)
        .addKeyValue("dataDir", dir)
        .addKeyValue("mode", "in-process")
        .addKeyValue("secured", superUser.isPresent())
        .addKeyValue("startupMillis", millisSince(started))
        .log("Kafka broker ready");
    return cluster;
  }

  /**
   * Starts {@code nodes} combined broker+controller nodes, each in its own JVM ({@code kafka.Kafka}
   * on this JVM's classpath), all of them controller voters, and blocks until every broker is up.
   * With three or more nodes, topics default to replication factor 3 and {@code
   * min.insync.replicas} 2.
   */
  public static LocalKafkaCluster startProcesses(Path dataDir, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
    }
    requireKafkaOnClasspath();
    long started = System.nanoTime();
    Path dir = prepareDataDir(dataDir);
    String clusterId = loadOrCreateClusterId(dir, nodes);
    int[] ports = ChildProcesses.freePorts(2 * nodes);
    Path logs = dir.resolve("logs");
    createDirectories(logs);
    List<NodeSpec> specs =
        IntStream.range(0, nodes)
            .mapToObj(
                i ->
                    new NodeSpec(
                        i,
                        ports[2 * i],
                        ports[2 * i + 1],
                        dir.resolve("node-" + i),
                        logs.resolve("node-" + i + ".log")))
            .toList();
    LocalKafkaCluster cluster =
        new LocalKafkaCluster(Mode.PROCESSES, dir, clusterId, specs, Optional.empty());
    try {
      for (int i = 0; i < nodes; i++) {
        cluster.prepareNode(i, nodes);
      }
      for (int i = 0; i < nodes; i++) {
        cluster.launch(i);
      }
      Set<Integer> ids = IntStream.range(0, nodes).boxed().collect(Collectors.toSet());
      cluster.awaitReady(cluster.bootstrapServers(), ids, PROCESS_READY_TIMEOUT, started);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    LOGGER
        .atInfo()
        .addKeyValue("bootstrap", cluster.bootstrapServers())
        .addKeyValue("clusterId", clusterId)
        .addKeyValue("dataDir", dir)
        .addKeyValue("mode", "processes")
        .addKeyValue("nodes", nodes)
        .addKeyValue("startupMillis", millisSince(started))
        .log("Kafka broker ready");
    return cluster;
  }

  /** The comma-separated {@code localhost:port} list of all brokers. */
  public String bootstrapServers() {
    return nodes.stream()
        .map(n -> ADVERTISED_HOST + ":" + n.brokerPort())
        .collect(Collectors.joining(","));
  }

  /**
   * What a client of this cluster needs besides the bootstrap servers to connect as {@code user}:
   * nothing for a plaintext cluster; the SASL settings for a secured one.
   */
  public Map<String, Object> clientProperties(String user, String password) {
    if (superUser.isEmpty()) {
      return Map.of();
    }
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        SASL_MECHANISM,
        "sasl.jaas.config",
        scramJaasConfig(user, password));
  }

  /** The client settings of the super user; nothing for a plaintext cluster. */
  public Map<String, Object> superUserProperties() {
    return superUser.map(u -> clientProperties(u.name(), u.password())).orElse(Map.of());
  }

  private static String scramJaasConfig(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user.replace("\"", "\\\"")
        + "\" password=\""
        + password.replace("\"", "\\\"")
        + "\";";
  }

  /** The number of nodes, running or not. */
  public int size() {
    return nodes.size();
  }

  /**
   * Kills node {@code index} (node id {@code index}) at once, like {@code kill -9}. Only for
   * clusters started with {@link #startProcesses(Path, int)}.
   */
  public synchronized void killNode(int index) {
    if (mode == Mode.IN_PROCESS) {
      throw new UnsupportedOperationException("an in-process node cannot be killed");
    }
    checkIndex(index);
    checkOpen();
    Process process = processes[index];
    if (process == null) {
      return;
    }
    destroy(process);
    processes[index] = null;
    LOGGER
        .atInfo()
        .addKeyValue("node", index)
        .addKeyValue("pid", process.pid())
        .log("Kafka node killed");
  }

  /**
   * Starts node {@code index} again on the same ports and data directory and blocks until its
   * broker is up. A node that still runs is stopped first: killed when it is a process, shut down
   * cleanly when it runs in this JVM.
   */
  public synchronized void restartNode(int index) {
    checkIndex(index);
    checkOpen();
    long started = System.nanoTime();
    NodeSpec node = nodes.get(index);
    if (mode == Mode.IN_PROCESS) {
      stopServer();
      startServer();
    } else {
      if (processes[index] != null) {
        destroy(processes[index]);
        processes[index] = null;
      }
      launch(index);
    }
    Duration timeout = mode == Mode.IN_PROCESS ? IN_PROCESS_READY_TIMEOUT : PROCESS_READY_TIMEOUT;
    awaitReady(ADVERTISED_HOST + ":" + node.brokerPort(), Set.of(index), timeout, started);
    LOGGER
        .atInfo()
        .addKeyValue("bootstrap", bootstrapServers())
        .addKeyValue("node", index)
        .addKeyValue("startupMillis", millisSince(started))
        .log("Kafka node restarted");
  }

  /**
   * Stops everything. Node processes are killed (a graceful stop of the last nodes without a quorum
   * takes minutes, and their data stays consistent anyway); an in-process node is shut down
   * cleanly. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (mode == Mode.IN_PROCESS) {
      stopServer();
    } else {
      for (int i = 0; i < processes.length; i++) {
        if (processes[i] != null) {
          destroy(processes[i]);
          processes[i] = null;
        }
      }
    }
    LOGGER
        .atInfo()
        .addKeyValue("bootstrap", bootstrapServers())
        .addKeyValue("dataDir", dataDir)
        .log("Kafka cluster stopped");
  }

  // ---------------------------------------------------------------- node lifecycle

  /** Writes the node's server.properties and formats its storage unless it is formatted. */
  private void prepareNode(int index, int clusterSize) {
    NodeSpec node = nodes.get(index);
    createDirectories(node.logDir());
    Map<String, String> config = nodeConfig(node, clusterSize);
    nodeConfigs[index] = config;
    writeProperties(node.configFile(), config, "Kafka node " + index + " of " + dataDir);
    if (!node.formatted()) {
      format(node);
    }
  }

  private Map<String, String> nodeConfig(NodeSpec node, int clusterSize) {
    int replicas = Math.min(clusterSize, 3);
    int minIsr = clusterSize >= 3 ? 2 : 1;
    String voters =
        nodes.stream()
            .map(n -> n.id() + "@" + LOOPBACK + ":" + n.controllerPort())
            .collect(Collectors.joining(","));
    String brokerListener = superUser.isPresent() ? SECURED_BROKER_LISTENER : BROKER_LISTENER;
    Map<String, String> c = new TreeMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", Integer.toString(node.id()));
    c.put("controller.quorum.voters", voters);
    c.put(
        "listeners",
        brokerListener
            + "://"
            + LOOPBACK
            + ":"
            + node.brokerPort()
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + LOOPBACK
            + ":"
            + node.controllerPort());
    c.put(
        "advertised.listeners", brokerListener + "://" + ADVERTISED_HOST + ":" + node.brokerPort());
    c.put(
        "listener.security.protocol.map",
        brokerListener + ":" + brokerListener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
    c.put("controller.listener.names", CONTROLLER_LISTENER);
    c.put("inter.broker.listener.name", brokerListener);
    superUser.ifPresent(
        user -> {
          c.put("sasl.enabled.mechanisms", SASL_MECHANISM);
          c.put("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
          c.put(
              "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
              scramJaasConfig(user.name(), user.password()));
          c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
          c.put("super.users", "User:" + user.name() + ";User:ANONYMOUS");
          c.put("allow.everyone.if.no.acl.found", "false");
        });
    c.put("log.dirs", node.logDir().toString());

    c.put("auto.create.topics.enable", "false");
    c.put("num.partitions", "1");
    c.put("default.replication.factor", Integer.toString(replicas));
    c.put("min.insync.replicas", Integer.toString(minIsr));
    c.put("offsets.topic.replication.factor", Integer.toString(replicas));
    c.put("offsets.topic.num.partitions", "10");
    c.put("transaction.state.log.replication.factor", Integer.toString(replicas));
    c.put("transaction.state.log.min.isr", Integer.toString(minIsr));
    c.put("transaction.state.log.num.partitions", "10");
    c.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
    c.put("share.coordinator.state.topic.min.isr", Integer.toString(minIsr));
    c.put("share.coordinator.state.topic.num.partitions", "10");
    c.put("group.initial.rebalance.delay.ms", "0");
    c.put("unclean.leader.election.enable", "false");

    // small segments and buffers: this is a laptop cluster
    c.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    c.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    c.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    c.put("log.cleaner.threads", "1");
    c.put("metadata.log.segment.bytes", Integer.toString(8 * 1024 * 1024));
    c.put("num.network.threads", "2");
    c.put("num.io.threads", "4");
    // after kill -9 every log is recovered (no clean-shutdown file); mostly waits on the disk
    c.put("num.recovery.threads.per.data.dir", "4");
    c.put("num.replica.fetchers", "1");
    c.put("background.threads", "4");

    // A node started again after kill -9 registers as a new incarnation, and its controller refuses
    // that registration (DuplicateBrokerRegistrationException) until the dead incarnation's session
    // has expired, then the broker retries after a heartbeat interval: with the defaults (9 s, 2 s)
    // that was 10 s of every restart after a crash. A broker also waits a heartbeat interval before
    // it asks to be unfenced. Heartbeats every 0.5 s keep a live broker's session well inside 4 s
    // on
    // a loaded machine, and a cluster of several nodes notices a dead one within a few seconds.
    c.put("broker.heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
    c.put("broker.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
    if (clusterSize > 1) {
      c.put("replica.lag.time.max.ms", "10000");
    }
    return c;
  }

  private void format(NodeSpec node) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      List<String> arguments =
          new ArrayList<>(
              List.of(
                  "format",
                  "--config",
                  node.configFile().toString(),
                  "--cluster-id",
                  clusterId,
                  "--ignore-formatted"));
      superUser.ifPresent(
          user -> {
            arguments.add("--add-scram");
            arguments.add(
                SASL_MECHANISM + "=[name=" + user.name() + ",password=" + user.password() + "]");
          });
      String[] args = arguments.toArray(String[]::new);
      try {
        rc = StorageTool.execute(args, out);
      } catch (Exception e) {
        throw new IllegalStateException(
            "Formatting Kafka storage failed for " + node.logDir() + ": " + captured, e);
      }
    }
    String output = captured.toString(StandardCharsets.UTF_8).strip();
    if (rc != 0) {
      throw new IllegalStateException(
          "Formatting Kafka storage failed for " + node.logDir() + " (exit " + rc + "): " + output);
    }
    LOGGER
        .atInfo()
        .addKeyValue("node", node.id())
        .addKeyValue("clusterId", clusterId)
        .addKeyValue("logDir", node.logDir())
        .addKeyValue("output", output)
        .log("Kafka storage formatted");
  }

  private void startServer() {
    Properties props = new Properties();
    props.putAll(nodeConfigs[0]);
    KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
    try {
      raftServer.startup();
    } catch (RuntimeException e) {
      raftServer.shutdown();
      raftServer.awaitShutdown();
      throw e;
    }
    server = raftServer;
  }

  private void stopServer() {
    KafkaRaftServer raftServer = server;
    server = null;
    if (raftServer != null) {
      raftServer.shutdown();
      raftServer.awaitShutdown();
    }
  }

  private void launch(int index) {
    NodeSpec node = nodes.get(index);
    List<String> command = new ArrayList<>();
    command.add(ChildProcesses.javaExecutable());
    command.addAll(NODE_JVM_OPTIONS);
    command.add("-Dkafka.logs.dir=" + node.logFile().getParent());
    for (String key : INHERITED_SYSTEM_PROPERTIES) {
      String value = System.getProperty(key);
      if (value != null) {
        command.add("-D" + key + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("kafka.Kafka");
    command.add(node.configFile().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(node.home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(node.logFile().toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Kafka node " + index, e);
    }
    ChildProcesses.stopOnExit(process, Duration.ZERO);
    closeQuietly(process.getOutputStream());
    processes[index] = process;
    LOGGER
        .atInfo()
        .addKeyValue("node", index)
        .addKeyValue("pid", process.pid())
        .addKeyValue("brokerPort", node.brokerPort())
        .addKeyValue("controllerPort", node.controllerPort())
        .addKeyValue("log", node.logFile())
        .log("Kafka node process started");
  }

  private static void destroy(Process process) {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        LOGGER.atWarn().addKeyValue("pid", process.pid()).log("Kafka node did not die in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ChildProcesses.forget(process);
    }
  }

  // ---------------------------------------------------------------- readiness

  /**
   * Blocks until the brokers in {@code ids} are registered and unfenced, as seen through {@code
   * bootstrap}. Waits for the TCP ports first so that the admin client does not log a stream of
   * connection warnings while the JVMs boot.
   */
  private void awaitReady(String bootstrap, Set<Integer> ids, Duration timeout, long startedNanos) {
    long deadline = startedNanos + timeout.toNanos();
    for (int id : ids) {
      NodeSpec node = nodes.get(id);
      while (!portOpen(node.brokerPort())) {
        checkAlive(ids);
        pauseUntil(deadline, timeout, ids);
      }
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-readiness");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    props.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
    props.putAll(superUserProperties());
    Exception last = null;
    try (Admin admin = Admin.create(props)) {
      while (true) {
        checkAlive(ids);
        try {
          Collection<Node> live =
              admin
                  .describeCluster(
                      new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                  .nodes()
                  .get(PROBE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
          Set<Integer> liveIds = live.stream().map(Node::id).collect(Collectors.toSet());
          if (liveIds.containsAll(ids)) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new IllegalStateException(
              "Kafka brokers " + ids + " not ready within " + timeout + " at " + bootstrap, last);
        }
        pauseUntil(deadline, timeout, ids);
      }
    }
  }

  private void checkAlive(Set<Integer> ids) {
    if (mode != Mode.PROCESSES) {
      return;
    }
    for (int id : ids) {
      Process process = processes[id];
      if (process != null && !process.isAlive()) {
        NodeSpec node = nodes.get(id);
        throw new IllegalStateException(
            "Kafka node "
                + id
                + " exited with code "
                + process.exitValue()
                + "; see "
                + node.logFile()
                + ": "
                + ChildProcesses.tail(node.logFile(), 0, 20));
      }
    }
  }

  private static void pauseUntil(long deadline, Duration timeout, Set<Integer> ids) {
    if (System.nanoTime() - deadline >= 0) {
      throw new IllegalStateException("Kafka brokers " + ids + " not ready within " + timeout);
    }
    try {
      Thread.sleep(PROBE_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- data directory

  private static Path prepareDataDir(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    createDirectories(dir);
    return dir;
  }

  /**
   * The cluster id of the data directory: read from {@code cluster.properties}, else from a node's
   * {@code meta.properties}, else freshly made and written down.
   */
  private static String loadOrCreateClusterId(Path dir, int nodes) {
    Path file = dir.resolve(CLUSTER_FILE);
    if (Files.exists(file)) {
      Properties stored = readProperties(file);
      String id = stored.getProperty(CLUSTER_ID_KEY);
      String storedNodes = stored.getProperty(NODES_KEY);
      if (id == null || id.isBlank()) {
        throw new IllegalStateException(file + " has no " + CLUSTER_ID_KEY);
      }
      if (storedNodes != null && !storedNodes.equals(Integer.toString(nodes))) {
        throw new IllegalStateException(
            dir
                + " holds a Kafka cluster of "
                + storedNodes
                + " node(s), not "
                + nodes
                + "; use another data directory");
      }
      return id;
    }
    String id =
        existingClusterId(dir.resolve("node-0").resolve("data").resolve("meta.properties"))
            .orElseGet(() -> Uuid.randomUuid().toString());
    Map<String, String> content = new TreeMap<>();
    content.put(CLUSTER_ID_KEY, id);
    content.put(NODES_KEY, Integer.toString(nodes));
    writeProperties(file, content, "Local Kafka cluster; delete the directory to start afresh");
    return id;
  }

  private static Optional<String> existingClusterId(Path metaProperties) {
    if (!Files.exists(metaProperties)) {
      return Optional.empty();
    }
    return Optional.ofNullable(readProperties(metaProperties).getProperty("cluster.id"));
  }

  private static Properties readProperties(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return props;
  }

  private static void writeProperties(Path file, Map<String, String> content, String comment) {
    Properties props = new Properties();
    props.putAll(content);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(tmp)) {
        props.store(out, comment);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir, e);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOGGER.atDebug().setCause(e).log("Ignoring failure to close");
    }
  }

  private static void requireKafkaOnClasspath() {
    try {
      Class.forName("kafka.Kafka", false, LocalKafkaCluster.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "The Kafka broker (org.apache.kafka:kafka_2.13) is not on the classpath", e);
    }
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= nodes.size()) {
      throw new IndexOutOfBoundsException(
          "node " + index + " of a cluster of " + nodes.size() + " node(s)");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the Kafka cluster is closed");
    }
  }
}
