package io.rafka.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The node's HTTP endpoint for operators and their tools: {@code /metrics} (Prometheus text format, from the
 * Prometheus client's own handler), {@code /health} (200 while the process can serve: Kubernetes' liveness
 * probe), {@code /ready} (200 once {@link Readiness} says so, else 503 with the reasons: the readiness probe).
 * Only GET and HEAD are answered. Thread-safe.
 */
public final class HttpEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param fatal why the node can no longer serve, once it cannot (then /health answers 503)
   */
  public HttpEndpoint(InetSocketAddress address, PrometheusRegistry metrics, Readiness readiness,
      Supplier<Optional<String>> fatal, ThreadFactory threads) throws IOException {
    this.server = HttpServer.create(address, 16);
    this.executor = Executors.newFixedThreadPool(2, threads);
    server.setExecutor(executor);
    MetricsHandler scrape = new MetricsHandler(metrics);
    server.createContext("/metrics", exchange -> {
      if (allowed(exchange)) {
        scrape.handle(exchange);
      }
    });
    server.createContext("/health", exchange -> {
      if (allowed(exchange)) {
        Optional<String> why = fatal.get();
        respond(exchange, why.isEmpty() ? 200 : 503, why.map(w -> "fatal: " + w).orElse("ok"));
      }
    });
    server.createContext("/ready", exchange -> {
      if (allowed(exchange)) {
        List<String> problems = readiness.problems();
        respond(exchange, problems.isEmpty() ? 200 : 503,
            problems.isEmpty() ? "ready" : "not ready:\n" + String.join("\n", problems));
      }
    });
    server.createContext("/", exchange -> respond(exchange, 404, "not found: " + exchange.getRequestURI().getPath()
        + " (this endpoint serves /metrics, /health and /ready)"));
    server.start();
  }

  /** The bound address (a configured port 0 is resolved). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static boolean allowed(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    respond(exchange, 405, "method " + method + " not allowed: use GET");
    return false;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    } finally {
      exchange.close();
    }
  }
}
