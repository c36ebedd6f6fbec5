package io.rafka.server;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.RegisterNodeCommand;
import io.rafka.server.admin.MetadataView;
import io.rafka.server.admin.TopicAdmin;
import io.rafka.server.cache.HotReadCache;
import io.rafka.server.common.Threads;
import io.rafka.server.config.ServerConfig;
import io.rafka.proto.ErrorCode;
import io.rafka.server.errors.ServerException;
import io.rafka.server.fetch.FetchHandler;
import io.rafka.server.fetch.FetchWaiters;
import io.rafka.server.group.GroupCoordinator;
import io.rafka.server.group.GroupLagMonitor;
import io.rafka.server.group.LeaderPositions;
import io.rafka.server.group.OffsetsTopic;
import io.rafka.server.http.HttpEndpoint;
import io.rafka.server.http.Readiness;
import io.rafka.server.membership.ClusterAdmin;
import io.rafka.server.membership.ClusterStatusView;
import io.rafka.server.membership.LivenessMonitor;
import io.rafka.server.membership.MetadataVoterAdmin;
import io.rafka.server.membership.NodeAdmin;
import io.rafka.server.membership.PartitionGroupAdmin;
import io.rafka.server.membership.PreferredLeaderElector;
import io.rafka.server.membership.ReplicaMover;
import io.rafka.server.membership.ReplicaSizes;
import io.rafka.server.metadata.ImageWatch;
import io.rafka.server.metadata.LeaderReporter;
import io.rafka.server.metadata.PartitionRef;
import io.rafka.server.metadata.Reconciler;
import io.rafka.server.metrics.DynamicGauges;
import io.rafka.server.metrics.GroupGauges;
import io.rafka.server.metrics.HealthGauges;
import io.rafka.server.metrics.MetricNames;
import io.rafka.server.metrics.PrometheusExport;
import io.rafka.server.metrics.ServerMetrics;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionId;
import io.rafka.server.partition.PartitionRegistry;
import io.rafka.server.produce.ProduceHandler;
import io.rafka.server.produce.ProducerIdAllocator;
import io.rafka.server.raft.RaftNode;
import io.rafka.server.rpc.ApiServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Rafka node: wires the client API, the Raft node (metadata group + partition groups), the reconciler
 * that makes hosted groups follow the metadata, the hot-read cache and the metrics, and starts and stops them
 * in order. Thread-safe.
 */
public final class RafkaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RafkaServer.class);
  /** Partition groups started at once by the reconciler. */
  private static final int GROUP_ADD_BATCH = 8;

  private final ServerConfig config;
  private final Clock clock = Clock.systemUTC();
  private final MetricRegistry metricRegistry = new MetricRegistry();
  private final ServerMetrics metrics = new ServerMetrics(metricRegistry);
  private final HotReadCache cache;
  private final PartitionRegistry registry = new PartitionRegistry(metricRegistry);
  private final DynamicGauges replicaLags = new DynamicGauges(metricRegistry, MetricNames.PARTITION_REPLICA_LAG);
  private final ExecutorService wakeExecutor;
  private final ExecutorService apiExecutor;
  private final ScheduledExecutorService timer;
  /** Lag rounds wait for other nodes' answers: not on the timer, whose tasks must stay short. */
  private final ScheduledExecutorService lagTimer;
  private final FetchWaiters waiters;
  private final ImageWatch imageWatch = new ImageWatch();
  private final CompletableFuture<Void> registered = new CompletableFuture<>();
  private final CompletableFuture<String> fatal = new CompletableFuture<>();
  private volatile boolean closing;
  private RaftNode raft;
  private Reconciler reconciler;
  private ReplicaMover mover;
  private LivenessMonitor liveness;
  private PreferredLeaderElector elector;
  private ReplicaSizes sizes;
  private LeaderReporter leaderReporter;
  private ApiServer api;
  private JmxReporter jmx;
  private volatile HealthGauges healthGauges;
  private HttpEndpoint http;
  private GroupLagMonitor lagMonitor;

  private RafkaServer(ServerConfig config) {
    this.config = config;
    this.cache = new HotReadCache(config.get(ServerConfig.CACHE_MAX_BYTES), metricRegistry);
    this.wakeExecutor = Executors.newFixedThreadPool(2, Threads.factory("rafka-fetch-wake"));
    this.apiExecutor = Executors.newCachedThreadPool(Threads.factory("rafka-api"));
    this.timer = Executors.newSingleThreadScheduledExecutor(Threads.factory("rafka-timer"));
    this.lagTimer = Executors.newSingleThreadScheduledExecutor(Threads.factory("rafka-group-lag"));
    this.waiters = new FetchWaiters(wakeExecutor);
  }

  /** Starts a node; returns once its Raft server and client API are up (registration continues behind). */
  public static RafkaServer start(ServerConfig config) throws IOException {
    RafkaServer server = new RafkaServer(config);
    try {
      server.startAll();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void startAll() throws IOException {
    int nodeId = config.nodeId();
    LOG.info("[node={}] starting; data in {}", nodeId, config.dataDir());
    AtomicReference<LeaderReporter> reporter = new AtomicReference<>();
    raft = new RaftNode(config, cache, registry, waiters, (partition, term) -> {
      LeaderReporter r = reporter.get();
      if (r != null) {
        r.report(new PartitionRef(partition.topicId(), partition.partition()), term,
            () -> raft.isLeaderReady(partition.topicId(), partition.partition()));
      }
    }, metricRegistry);
    leaderReporter = new LeaderReporter(nodeId, raft, Threads.factory("rafka-leader-reporter"));
    reporter.set(leaderReporter);
    int maxMoves = config.get(ServerConfig.REPLICA_MOVE_MAX_CONCURRENT);
    reconciler = new Reconciler(nodeId, raft, GROUP_ADD_BATCH, maxMoves, Threads.factory("rafka-reconciler"));
    mover = new ReplicaMover(nodeId, raft, maxMoves, config.get(ServerConfig.REPLICA_MOVE_TIMEOUT),
        Threads.factory("rafka-replica-mover"));
    raft.onMetadata(image -> {
      reconciler.onImage(image);
      mover.onImage(image);
      imageWatch.onImage(image);
      HealthGauges gauges = healthGauges;
      if (gauges != null) {
        gauges.onNodes(image.nodes().keySet());
      }
    });
    raft.start();
    mover.start();
    liveness = new LivenessMonitor(nodeId, raft, clock, config.get(ServerConfig.NODE_HEARTBEAT_TIMEOUT),
        Threads.factory("rafka-liveness"));
    liveness.start();
    if (config.get(ServerConfig.LEADER_REBALANCE_ENABLE)) {
      elector = new PreferredLeaderElector(nodeId, raft, mover, config.get(ServerConfig.LEADER_REBALANCE_INTERVAL),
          Threads.factory("rafka-leader-rebalance"));
      elector.start();
    }

    MetadataView view = new MetadataView(config, raft);
    ProduceHandler produce = new ProduceHandler(config, raft, metrics, clock);
    FetchHandler fetch = new FetchHandler(config, registry, raft::metadataImage, waiters, timer, metrics,
        raft::knowsCommittedEnd);
    TopicAdmin admin = new TopicAdmin(config, raft, imageWatch, view, registry, clock);
    OffsetsTopic offsetsTopic = new OffsetsTopic(raft, config.get(ServerConfig.OFFSETS_TOPIC_PARTITIONS),
        config.get(ServerConfig.OFFSETS_TOPIC_REPLICATION_FACTOR), clock);
    GroupCoordinator groups = new GroupCoordinator(config, raft, (topicId, p) -> registry.get(OffsetsTopic.NAME, p)
        .filter(x -> x.id().topicId().equals(topicId)).map(Partition::groups), offsetsTopic, clock);
    timer.scheduleWithFixedDelay(groups::tick, 500, 500, TimeUnit.MILLISECONDS);
    String[] api = config.get(ServerConfig.API_ADDRESS).split(":(?=[^:]*$)");
    int maxInbound = (int) Math.min(Integer.MAX_VALUE, 2 * config.get(ServerConfig.MESSAGE_MAX_BYTES) + (1L << 20));
    Duration adminTimeout = config.get(ServerConfig.ADMIN_TIMEOUT);
    sizes = new ReplicaSizes(nodeId, registry, raft, adminTimeout);
    LeaderPositions positions = new LeaderPositions(nodeId, registry, raft);
    startGroupLagMonitor(groups, positions);
    ClusterStatusView status = new ClusterStatusView(nodeId, raft, view, clock,
        config.get(ServerConfig.NODE_DEAD_TIMEOUT).toMillis());
    ClusterAdmin cluster = new ClusterAdmin(status,
        new NodeAdmin(raft, view, imageWatch, sizes, clock, config.get(ServerConfig.NODE_DEAD_TIMEOUT), adminTimeout),
        new PartitionGroupAdmin(raft, view, imageWatch, adminTimeout), new MetadataVoterAdmin(raft), sizes,
        positions);
    this.api = new ApiServer(api[0], Integer.parseInt(api[1]), maxInbound, apiExecutor, produce,
        new ProducerIdAllocator(raft), fetch, view, admin, groups, cluster);
    this.api.start();

    Duration retentionEvery = config.get(ServerConfig.LOG_RETENTION_CHECK_INTERVAL);
    timer.scheduleWithFixedDelay(new RetentionEnforcer(raft, registry, clock, config.get(ServerConfig.PRODUCE_TIMEOUT)),
        retentionEvery.toMillis(), retentionEvery.toMillis(), TimeUnit.MILLISECONDS);
    Readiness readiness = new Readiness(registered::isDone, raft::groupProgress,
        config.get(ServerConfig.READY_MAX_LAG));
    healthGauges = new HealthGauges(metricRegistry, status::health, raft::groupCount, this::partitionsLed,
        readiness::ready, config.dataDir());
    healthGauges.onNodes(raft.metadataImage().nodes().keySet());
    String httpAddress = config.get(ServerConfig.HTTP_ADDRESS);
    if (!httpAddress.isEmpty()) {
      String[] hostPort = httpAddress.split(":(?=[^:]*$)");
      http = new HttpEndpoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
          new PrometheusExport(metricRegistry).registry(), readiness,
          () -> Optional.ofNullable(fatal.getNow(null)), Threads.factory("rafka-http"));
      LOG.info("[node={}] HTTP endpoint (/metrics, /health, /ready) on {}", nodeId, http.address());
    }
    if (config.get(ServerConfig.METRICS_JMX_ENABLED)) {
      jmx = JmxReporter.forRegistry(metricRegistry).inDomain("rafka.node" + nodeId).build();
      jmx.start();
    }
    timer.scheduleWithFixedDelay(this::checkRaftServer, 1, 1, TimeUnit.SECONDS);
    timer.scheduleWithFixedDelay(this::syncReplicaLagGauges, 1, 2, TimeUnit.SECONDS);
    register();
    LOG.info("[node={}] client API listening on {}", nodeId, config.get(ServerConfig.API_ADDRESS));
  }

  /**
   * Records this node and its addresses in the metadata group, then joins the group (a listener joins through
   * the voters), retrying until both are done. Registering first means a metadata listener that is not a
   * registered node always belongs to a removed node (see LivenessMonitor).
   */
  private void register() {
    MetadataCommand command = MetadataCommand.newBuilder().setRegisterNode(RegisterNodeCommand.newBuilder()
        .setNodeId(config.nodeId()).setClientAddress(config.apiAdvertisedAddress())
        .setRaftAddress(config.peerAdvertisedAddress()).setJoinRing(config.get(ServerConfig.RING_AUTO_JOIN)))
        .build();
    raft.propose(command).thenCompose(result -> {
      if (result.getError() != ErrorCode.NONE) {
        throw new ServerException(result.getError(), result.getMessage());
      }
      return raft.joinMetadataGroup().thenApply(joined -> result);
    }).whenComplete((result, e) -> {
      if (e == null) {
        LOG.info("[node={}] registered in metadata epoch {}", config.nodeId(), result.getMetadataEpoch());
        registered.complete(null);
      } else if (!timer.isShutdown()) {
        LOG.info("[node={}] registration not accepted yet ({}); retrying", config.nodeId(), e.getMessage());
        timer.schedule(this::register, 1, TimeUnit.SECONDS);
      }
    });
  }

  /** Measures the lag of the groups this node coordinates every group.lag.refresh.interval, and exports it. */
  private void startGroupLagMonitor(GroupCoordinator groups, LeaderPositions positions) {
    Duration every = config.get(ServerConfig.GROUP_LAG_REFRESH_INTERVAL);
    lagMonitor = new GroupLagMonitor(config.nodeId(), groups::coordinatedGroups, raft::metadataImage,
        (topic, p) -> {
          OptionalInt own = raft.localLeader(topic.topicId(), p);
          return own.isPresent() ? own : GroupLagMonitor.recordedLeader(topic, p);
        }, positions, every);
    GroupGauges gauges = new GroupGauges(metricRegistry, lagMonitor::groups, clock);
    lagTimer.scheduleWithFixedDelay(() -> {
      try {
        lagMonitor.refresh();
        gauges.sync();
      } catch (RuntimeException e) {
        LOG.warn("[node={}] group lag not measured this round: {}", config.nodeId(), e.toString());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One replica-lag gauge per follower of every partition this node leads, as leadership moves. */
  private void syncReplicaLagGauges() {
    try {
      Map<String, Gauge<?>> wanted = new HashMap<>();
      for (Partition p : registry.all()) {
        PartitionId id = p.id();
        for (int replica : raft.followerLags(id.topicId(), id.partition()).keySet()) {
          wanted.put(MetricNames.tagged(MetricNames.PARTITION_REPLICA_LAG, "topic", id.topic(), "partition",
              Integer.toString(id.partition()), "replica", Integer.toString(replica)),
              (Gauge<Long>) () -> raft.followerLags(id.topicId(), id.partition()).getOrDefault(replica, -1L));
        }
      }
      replicaLags.sync(wanted);
    } catch (RuntimeException e) {
      LOG.debug("[node={}] replica-lag gauges not updated: {}", config.nodeId(), e.toString());
    }
  }

  /** The partition groups this node leads now. */
  private int partitionsLed() {
    int nodeId = config.nodeId();
    return (int) raft.hostedPartitions().stream()
        .filter(r -> raft.localLeader(r.topicId(), r.partition()).orElse(-1) == nodeId).count();
  }

  /** The HTTP endpoint's address, when it runs. */
  public Optional<InetSocketAddress> httpAddress() {
    return Optional.ofNullable(http).map(HttpEndpoint::address);
  }

  /** Completes once this node is registered in the metadata group. */
  public CompletableFuture<Void> registered() {
    return registered;
  }

  public ServerConfig config() {
    return config;
  }

  public MetricRegistry metrics() {
    return metricRegistry;
  }

  public HotReadCache cache() {
    return cache;
  }

  public PartitionRegistry partitions() {
    return registry;
  }

  public RaftNode raft() {
    return raft;
  }

  /**
   * Completes (with the reason) when this node can no longer serve and must be restarted: Ratis closed its
   * Raft server underneath it (after a JVM pause longer than raft.server.close.threshold). The process exits
   * on it, so that a supervisor restarts the node instead of it answering every request with an error.
   */
  public CompletableFuture<String> fatalFailure() {
    return fatal;
  }

  private void checkRaftServer() {
    if (!closing && raft.serverClosedUnderneath()) {
      fatal.complete("the Raft server of node " + config.nodeId() + " was closed by Ratis (a JVM pause longer "
          + "than raft.server.close.threshold?)");
    }
  }

  @Override
  public void close() {
    closing = true;
    LOG.info("[node={}] stopping", config.nodeId());
    closeQuietly(() -> {
      if (http != null) {
        http.close();
      }
    });
    closeQuietly(() -> {
      if (api != null) {
        api.close();
      }
    });
    closeQuietly(() -> {
      if (liveness != null) {
        liveness.close();
      }
    });
    closeQuietly(() -> {
      if (elector != null) {
        elector.close();
      }
    });
    closeQuietly(() -> {
      if (mover != null) {
        mover.close();
      }
    });
    closeQuietly(() -> {
      if (reconciler != null) {
        reconciler.close();
      }
    });
    closeQuietly(() -> {
      if (leaderReporter != null) {
        leaderReporter.close();
      }
    });
    timer.shutdownNow();
    lagTimer.shutdownNow();
    closeQuietly(() -> {
      if (lagMonitor != null) {
        lagMonitor.close();
      }
    });
    closeQuietly(() -> {
      if (sizes != null) {
        sizes.close();
      }
    });
    closeQuietly(() -> {
      if (raft != null) {
        raft.close();
      }
    });
    wakeExecutor.shutdownNow();
    apiExecutor.shutdownNow();
    if (jmx != null) {
      jmx.close();
    }
    LOG.info("[node={}] stopped", config.nodeId());
  }

  private interface Step {
    void run() throws Exception;
  }

  private void closeQuietly(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("[node={}] error while stopping: {}", config.nodeId(), e.toString());
    }
  }
}
