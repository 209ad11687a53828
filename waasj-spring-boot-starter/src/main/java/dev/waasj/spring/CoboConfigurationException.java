package dev.waasj.spring;

/**
 * The {@code cobo.*} configuration cannot work: a property is missing, malformed or contradicts another. The message
 * names the property and never quotes a secret; application start-up fails with it.
 */
public class CoboConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /** A failure of {@code property}, e.g. {@code cobo.api-secret}; {@code reason} must not quote a secret. */
  public CoboConfigurationException(String property, String reason) {
    super(property + ": " + reason);
    this.property = property;
  }

  /** The property to set or correct, e.g. {@code cobo.api-secret}. */
  public String property() {
    return property;
  }
}
