package io.rafka.server.raft;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricRegistryListener;
import com.codahale.metrics.Timer;
import io.rafka.server.metrics.MetricNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.ratis.metrics.MetricRegistries;
import org.apache.ratis.metrics.MetricRegistryInfo;
import org.apache.ratis.metrics.RatisMetricRegistry;
import org.apache.ratis.metrics.dropwizard3.Dm3RatisMetricRegistryImpl;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Mirrors Ratis's own metric registries (one set per group, created and dropped with the group) into the
 * node's registry as {@code ratis.<component>.<metric>} with label {@code member} ({@code <node>@group-<id>}; see
 * {@link MetricNames}). Registering it also keeps Ratis from
 * installing its default JMX reporter, which is built against Dropwizard 3 classes that metrics 4 no longer
 * has. Registries of other servers in the same JVM (tests run several) are left alone. Thread-safe.
 */
final class RatisMetricsBridge implements AutoCloseable {
  private final MetricRegistry target;
  private final String memberPrefix;
  private final boolean mirror;
  private final Map<MetricRegistryInfo, Mirror> mirrors = new ConcurrentHashMap<>();
  private final Consumer<RatisMetricRegistry> onAdd = this::added;
  private final Consumer<RatisMetricRegistry> onRemove = this::removed;

  /** @param mirror whether to copy Ratis's metrics at all (metrics.ratis.enabled) */
  RatisMetricsBridge(MetricRegistry target, RaftPeerId self, boolean mirror) {
    this.target = target;
    this.mirror = mirror;
    this.memberPrefix = self + "@";
    MetricRegistries.global().addReporterRegistration(onAdd, onRemove);
  }

  private void added(RatisMetricRegistry registry) {
    MetricRegistryInfo info = registry.getMetricRegistryInfo();
    if (!mirror || !info.getPrefix().startsWith(memberPrefix)
        || !(registry instanceof Dm3RatisMetricRegistryImpl dm3)) {
      return;
    }
    Mirror mirror = new Mirror(MetricRegistry.name(MetricNames.RATIS_PREFIX, info.getMetricsComponentName()),
        info.getPrefix());
    mirrors.put(info, mirror);
    dm3.getDropWizardMetricRegistry().addListener(mirror);
  }

  private void removed(RatisMetricRegistry registry) {
    Mirror mirror = mirrors.remove(registry.getMetricRegistryInfo());
    if (mirror != null && registry instanceof Dm3RatisMetricRegistryImpl dm3) {
      dm3.getDropWizardMetricRegistry().removeListener(mirror);
      target.removeMatching(mirror::owns);
    }
  }

  @Override
  public void close() {
    MetricRegistries.global().removeReporterRegistration(onAdd, onRemove);
    mirrors.values().forEach(m -> target.removeMatching(m::owns));
    mirrors.clear();
  }

  /** Copies one Ratis registry's metrics, as they come and go, into the node's registry. */
  private final class Mirror implements MetricRegistryListener {
    private final String prefix;
    private final String member;
    private final String labels;

    Mirror(String prefix, String member) {
      this.prefix = prefix;
      this.member = member;
      this.labels = MetricNames.tagged("", "member", member);
    }

    /**
     * Ratis names its metrics {@code ratis.<component>.<member>.<metric>}; the member (node and group) becomes a
     * label, so that one metric has one name across groups.
     */
    private String full(String name) {
      int at = name.indexOf(member + ".");
      String metric = at < 0 ? name : name.substring(at + member.length() + 1);
      return prefix + "." + metric + labels;
    }

    boolean owns(String name, com.codahale.metrics.Metric metric) {
      return name.startsWith(prefix + ".") && name.endsWith(labels);
    }

    private void add(String name, com.codahale.metrics.Metric metric) {
      target.remove(full(name));
      target.register(full(name), metric);
    }

    private void remove(String name) {
      target.remove(full(name));
    }

    @Override
    public void onGaugeAdded(String name, Gauge<?> gauge) {
      add(name, gauge);
    }

    @Override
    public void onGaugeRemoved(String name) {
      remove(name);
    }

    @Override
    public void onCounterAdded(String name, Counter counter) {
      add(name, counter);
    }

    @Override
    public void onCounterRemoved(String name) {
      remove(name);
    }

    @Override
    public void onHistogramAdded(String name, Histogram histogram) {
      add(name, histogram);
    }

    @Override
    public void onHistogramRemoved(String name) {
      remove(name);
    }

    @Override
    public void onMeterAdded(String name, Meter meter) {
      add(name, meter);
    }

    @Override
    public void onMeterRemoved(String name) {
      remove(name);
    }

    @Override
    public void onTimerAdded(String name, Timer timer) {
      add(name, timer);
    }

    @Override
    public void onTimerRemoved(String name) {
      remove(name);
    }
  }
}
