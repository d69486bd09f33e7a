package io.github.zohokit.spring;

/**
 * A {@code zoho.*} property is missing or malformed: the application does not start, and the failure analysis names
 * the property, the problem and what to set. The runtime's {@link io.github.zohokit.ZohoConfigurationException}, when
 * it found the problem, is the cause.
 */
final class ZohoPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  ZohoPropertyException(String property, String problem, String action) {
    this(property, problem, action, null);
  }

  ZohoPropertyException(String property, String problem, String action, Throwable cause) {
    super(property + " " + problem + ". " + action, cause);
    this.property = property;
    this.action = action;
  }

  String property() {
    return property;
  }

  String action() {
    return action;
  }
}
