package io.rafka.common.config;

/** A configuration value that is missing, malformed or out of range; the message names the key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String key, Object value, String problem) {
    super("Invalid value '" + value + "' for configuration '" + key + "': " + problem);
  }
}
