package dev.waasj.internal.auth;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks every builder of the SDK uses, so null, blank and negative values are refused alike
 * everywhere: null with {@link NullPointerException}, anything else with {@link IllegalArgumentException}, each
 * naming the setting and never echoing the value.
 *
 * <p>Not API: {@code dev.waasj.internal} packages may change in any release.
 */
public final class Checks {
  private Checks() {}

  /** {@code value}, or NPE naming {@code name}. */
  public static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /** {@code value} trimmed, or NPE / IAE naming {@code name} for null / blank. */
  public static String notBlank(@Nullable String value, String name) {
    if (notNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.trim();
  }

  /** {@code value}, or IAE naming {@code name} if it is null: for a method argument, where null is the caller's bug. */
  public static <T> T notNullArgument(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /**
   * {@code value} unchanged (not trimmed: it names something stored as given), or IAE naming {@code name} for null
   * and blank alike: for a method argument that is a key, where null is as much a caller's mistake as blank.
   */
  public static String notBlankArgument(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /** {@code value}, or IAE naming {@code name} if it is zero or negative. */
  public static Duration positive(@Nullable Duration value, String name) {
    if (notNull(value, name).isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /** {@code value}, or IAE naming {@code name} if it is negative. */
  public static Duration notNegative(@Nullable Duration value, String name) {
    if (notNull(value, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }

  /** The longest organization ID accepted; Cobo's are UUIDs. */
  public static final int MAX_ORGANIZATION_ID_LENGTH = 128;

  /**
   * An organization ID: not null, not blank, at most {@value #MAX_ORGANIZATION_ID_LENGTH} characters, no control
   * characters. The message quotes nothing of it but its length.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String organizationId(@Nullable String orgId) {
    if (orgId == null) {
      throw new IllegalArgumentException("orgId must not be null");
    }
    if (orgId.isBlank()) {
      throw new IllegalArgumentException("orgId must not be blank");
    }
    if (orgId.length() > MAX_ORGANIZATION_ID_LENGTH) {
      throw new IllegalArgumentException(
          "orgId must be at most " + MAX_ORGANIZATION_ID_LENGTH + " characters; it has " + orgId.length());
    }
    for (int i = 0; i < orgId.length(); i++) {
      char c = orgId.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("orgId must not contain control characters (one at index " + i + ")");
      }
    }
    return orgId;
  }
}
