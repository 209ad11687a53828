package dev.waasj.spring;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.OrgTokenManager;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the API secret in the {@code env} and {@code configprops} actuator endpoints even where they are set to show
 * values: under any key that names it ({@code cobo.api-secret}, {@code COBO_API_SECRET}, {@code apiSecret}), and any
 * value that holds it or a run of it ({@link SecretRuns}: the command line in {@code sun.java.command}, the JSON of
 * {@code SPRING_APPLICATION_JSON}, a PEM secret's body however its lines break). A value holding the access or
 * refresh token the client's {@link OrgTokenManager} holds now is masked too.
 */
final class SecretSanitizer implements SanitizingFunction {
  /** Shorter tokens are no tokens Cobo issues; matching them would mask unrelated values. */
  private static final int MIN_TOKEN_LENGTH = 16;

  private final CoboProperties properties;
  private final Supplier<@Nullable OrgTokenManager> tokens;
  private volatile @Nullable SecretRuns runs;

  SecretSanitizer(CoboProperties properties, Supplier<@Nullable OrgTokenManager> tokens) {
    this.properties = properties;
    this.tokens = tokens;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    Object value = data.getValue();
    if (value == null) {
      return data;
    }
    String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (key.endsWith("apisecret")) {
      return data.withSanitizedValue();
    }
    String text = String.valueOf(value);
    SecretRuns secret = secretRuns();
    if (secret != null && secret.foundIn(text) || holdsToken(text)) {
      return data.withSanitizedValue();
    }
    return data;
  }

  private @Nullable SecretRuns secretRuns() {
    String configured = properties.getApiSecret();
    if (configured == null || configured.isBlank()) {
      return null;
    }
    String secret = configured.trim();
    SecretRuns known = runs;
    if (known == null || !known.isOf(secret)) {
      known = SecretRuns.of(secret);
      runs = known;
    }
    return known;
  }

  /** Whether {@code text} holds the org token in memory now; no I/O, so the endpoint never waits on Cobo. */
  private boolean holdsToken(String text) {
    OrgTokenManager manager = tokens.get();
    OrgToken token = manager == null ? null : manager.peek();
    return token != null && (contains(text, token.accessToken()) || contains(text, token.refreshToken()));
  }

  private static boolean contains(String text, @Nullable String token) {
    return token != null && token.length() >= MIN_TOKEN_LENGTH && text.contains(token);
  }

  @Override
  public String toString() {
    return "SecretSanitizer";
  }
}
