package io.rafka.server.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.dropwizard5.labels.CustomLabelMapper;
import io.prometheus.metrics.instrumentation.dropwizard5.labels.MapperConfig;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's metrics in Prometheus form: its Dropwizard registry through the Prometheus client's Dropwizard
 * bridge, names and labels from {@link MetricNames}, plus the client's JVM and process metrics (heap and
 * direct memory, threads, GC, open files). Thread-safe.
 */
public final class PrometheusExport {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  public PrometheusExport(MetricRegistry metrics) {
    registry.register(new LabelledDropwizard(metrics));
    JvmMetrics.builder().register(registry);
  }

  /** The registry to scrape: {@code /metrics} serves it. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * The Dropwizard bridge (1.4.3) gives each Dropwizard metric its own Prometheus metric, and fails a scrape
   * when two share a name, as every labelled series of one base name does. So the registry is cut into layers
   * that each hold at most one series per name, each layer goes through the bridge, and the series of one name
   * are joined again into one metric.
   */
  private static final class LabelledDropwizard implements MultiCollector {
    private final MetricRegistry metrics;
    private final CustomLabelMapper mapper = new TaggedNameMapper();

    LabelledDropwizard(MetricRegistry metrics) {
      this.metrics = metrics;
    }

    @Override
    public MetricSnapshots collect() {
      List<MetricRegistry> layers = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      Map<String, String> help = new HashMap<>();
      for (Map.Entry<String, Metric> e : metrics.getMetrics().entrySet()) {
        String name = MetricNames.prometheusName(e.getKey());
        help.putIfAbsent(name, MetricNames.help(e.getKey()));
        int layer = seen.merge(name, 1, Integer::sum) - 1;
        while (layers.size() <= layer) {
          layers.add(new MetricRegistry());
        }
        layers.get(layer).register(e.getKey(), e.getValue());
      }
      Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
      for (MetricRegistry layer : layers) {
        for (MetricSnapshot s : new DropwizardExports(layer, MetricFilter.ALL, mapper).collect()) {
          byName.computeIfAbsent(s.getMetadata().getPrometheusName(), k -> new ArrayList<>()).add(s);
        }
      }
      MetricSnapshots.Builder out = MetricSnapshots.builder();
      byName.forEach((name, same) -> out.metricSnapshot(join(same, helpFor(help, name))));
      return out.build();
    }

    /** The declared help of a Prometheus name (the bridge's own names a counter {@code <name>_total}). */
    private static String helpFor(Map<String, String> help, String name) {
      String h = help.get(name);
      if (h == null && name.endsWith("_total")) {
        h = help.get(name.substring(0, name.length() - "_total".length()));
      }
      return h;
    }

    /** One metric of every series of one name, with the declared help instead of the bridge's. */
    private static MetricSnapshot join(List<MetricSnapshot> same, String help) {
      MetricSnapshot first = same.get(0);
      MetricMetadata metadata = help == null ? first.getMetadata()
          : new MetricMetadata(first.getMetadata().getName(), help, first.getMetadata().getUnit());
      if (first instanceof GaugeSnapshot) {
        return new GaugeSnapshot(metadata, points(same, GaugeSnapshot.GaugeDataPointSnapshot.class));
      }
      if (first instanceof CounterSnapshot) {
        return new CounterSnapshot(metadata, points(same, CounterSnapshot.CounterDataPointSnapshot.class));
      }
      if (first instanceof SummarySnapshot) {
        return new SummarySnapshot(metadata, points(same, SummarySnapshot.SummaryDataPointSnapshot.class));
      }
      if (same.size() == 1) {
        return first;
      }
      throw new IllegalStateException("cannot join metrics of type " + first.getClass().getSimpleName());
    }

    private static <T extends DataPointSnapshot> List<T> points(List<MetricSnapshot> same, Class<T> type) {
      List<T> all = new ArrayList<>();
      for (MetricSnapshot s : same) {
        for (DataPointSnapshot p : s.getDataPoints()) {
          all.add(type.cast(p));
        }
      }
      return all;
    }
  }

  /** Prometheus names and labels from {@link MetricNames}' tagged registry names. */
  private static final class TaggedNameMapper extends CustomLabelMapper {
    TaggedNameMapper() {
      // The base class insists on one glob rule; this one is never consulted, both methods are overridden.
      super(List.of(new MapperConfig("rafka.*", "rafka", Map.of())));
    }

    @Override
    public String getName(String name) {
      return MetricNames.prometheusName(name);
    }

    @Override
    public Labels getLabels(String name, List<String> extraNames, List<String> extraValues) {
      Labels.Builder labels = Labels.builder();
      MetricNames.labels(name).forEach(labels::label);
      for (int i = 0; i < extraNames.size(); i++) {
        labels.label(extraNames.get(i), extraValues.get(i));
      }
      return labels.build();
    }
  }
}
