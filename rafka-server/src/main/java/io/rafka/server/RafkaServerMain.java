package io.rafka.server;

import io.rafka.common.config.ConfigException;
import io.rafka.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Entry point: {@code RafkaServerMain [path/to/server.properties]}; runs until SIGTERM or SIGINT. */
public final class RafkaServerMain {
  private RafkaServerMain() {}

  public static void main(String[] args) throws Exception {
    Path configFile = Path.of(args.length > 0 ? args[0] : "conf/server.properties");
    ServerConfig config;
    try {
      config = ServerConfig.load(configFile);
    } catch (ConfigException e) {
      System.err.println("rafka: bad configuration in " + configFile + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    RafkaServer server;
    try {
      server = RafkaServer.start(config);
    } catch (Exception e) {
      System.err.println("rafka: node " + config.nodeId() + " failed to start: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "rafka-shutdown"));
    stopped.await();
  }
}
