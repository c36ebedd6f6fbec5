package io.rafka.server;

import io.rafka.common.config.ConfigException;
import io.rafka.server.config.ServerConfig;
import java.nio.file.Path;

/** Entry point: {@code RafkaServerMain [path/to/server.properties]}; runs until SIGTERM or SIGINT. */
public final class RafkaServerMain {
  /** Exit code of a node that stopped because it could not go on serving (EX_SOFTWARE). */
  static final int EXIT_CANNOT_SERVE = 70;

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
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "rafka-shutdown"));
    // Until SIGTERM/SIGINT (the hook closes the node and the JVM exits) or a failure the node cannot serve past.
    String failure = server.fatalFailure().join();
    System.err.println("rafka: node " + config.nodeId() + " cannot go on: " + failure + "; exiting (code "
        + EXIT_CANNOT_SERVE + ") so that it can be restarted");
    System.exit(EXIT_CANNOT_SERVE); // runs the shutdown hook, which closes what is left
  }
}
