package io.rafka.common.config;

/** Creates configured plug-ins (serializers and the like) from class names. Stateless. */
public final class Instances {
  private Instances() {}

  /**
   * A new instance of the class named by {@code key}'s value, which must implement {@code type} and have a
   * public no-argument constructor.
   *
   * @throws ConfigException naming the key when the class is missing, of the wrong type or cannot be made
   */
  public static <T> T create(ConfigKey<String> key, String className, Class<T> type) {
    if (className == null || className.isBlank()) {
      throw new ConfigException("Missing required configuration '" + key.name() + "': " + key.doc());
    }
    Class<?> c;
    try {
      c = Class.forName(className.trim(), true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : Instances.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(key.name(), className, "no such class");
    }
    if (!type.isAssignableFrom(c)) {
      throw new ConfigException(key.name(), className, "does not implement " + type.getName());
    }
    try {
      return type.cast(c.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new ConfigException(key.name(), className, "cannot be created with a public no-argument constructor: "
          + e);
    }
  }
}
