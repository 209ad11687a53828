package dev.waasj.spring;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the API secret in the {@code env} and {@code configprops} actuator endpoints even where they are set to show
 * values: under any key that names it ({@code cobo.api-secret}, {@code COBO_API_SECRET}, {@code apiSecret}) and
 * under any other key that holds the configured secret's value.
 */
final class SecretSanitizer implements SanitizingFunction {
  private final CoboProperties properties;

  SecretSanitizer(CoboProperties properties) {
    this.properties = properties;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    if (data.getValue() == null) {
      return data;
    }
    String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (key.endsWith("apisecret")) {
      return data.withSanitizedValue();
    }
    String secret = properties.getApiSecret();
    if (secret != null && !secret.isBlank() && secret.trim().equals(String.valueOf(data.getValue()).trim())) {
      return data.withSanitizedValue();
    }
    return data;
  }
}
