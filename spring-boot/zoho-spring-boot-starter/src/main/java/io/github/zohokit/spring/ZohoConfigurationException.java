package io.github.zohokit.spring;

/**
 * A {@code zoho.*} property is missing or malformed: the application does not start, and the failure analysis names
 * the property and what to set.
 */
final class ZohoConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String action;

  ZohoConfigurationException(String property, String problem, String action) {
    super(property + " " + problem + ". " + action);
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
