package io.github.zohokit.spring;

/**
 * A {@code zoho.*} property is missing or malformed: the application does not start, and the failure analysis names
 * the property, the problem and what to set. The runtime's {@link io.github.zohokit.ZohoConfigurationException}, when
 * it found the problem, is attached as suppressed, not as the cause: the root cause of the start-up failure is this
 * exception, whose message names the property.
 */
final class ZohoPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  ZohoPropertyException(String property, String problem, String action) {
    super(property + " " + problem + ". " + action);
    this.property = property;
    this.action = action;
  }

  ZohoPropertyException(String property, String problem, String action, Throwable found) {
    this(property, problem, action);
    addSuppressed(found);
  }

  String property() {
    return property;
  }

  String action() {
    return action;
  }
}
