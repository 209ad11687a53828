package dev.waasj.internal.call;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110): a number of seconds or an HTTP date. Shared by the retry
 * policy and {@link dev.waasj.errors.CoboApiException#retryAfter()}, so both read the header alike.
 */
public final class RetryAfter {
  /** Longer than any server would ask for, and small enough that no arithmetic on it overflows. */
  private static final long MAX_SECONDS = 365L * 24 * 3600;

  private RetryAfter() {}

  /**
   * The wait {@code value} asks for, counted from {@code clock}'s now: never negative (a date in the past means no
   * wait), at most a year. Empty when the value is neither form.
   *
   * @param value the header value
   * @param clock now, for dates
   * @return the wait, or empty
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    String text = value.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Digits only: compare lengths first so a 40-digit value cannot overflow.
      long seconds = text.length() > 12 ? MAX_SECONDS : Math.min(Long.parseLong(text), MAX_SECONDS);
      return Optional.of(Duration.ofSeconds(seconds));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      if (wait.isNegative()) {
        return Optional.of(Duration.ZERO);
      }
      return Optional.of(wait.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0 ? Duration.ofSeconds(MAX_SECONDS) : wait);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
