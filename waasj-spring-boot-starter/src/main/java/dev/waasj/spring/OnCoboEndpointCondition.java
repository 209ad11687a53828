package dev.waasj.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the properties say whose signatures to accept: {@code cobo.environment}, {@code cobo.base-url} or
 * {@code cobo.server-public-key}. An application that builds its own client and sets none of them gets no receiver
 * rather than a failed start.
 */
final class OnCoboEndpointCondition extends SpringBootCondition {
  private static final String[] KEYS = {"cobo.environment", "cobo.base-url", "cobo.server-public-key"};

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment env = context.getEnvironment();
    for (String key : KEYS) {
      String value = env.getProperty(key);
      if (value != null && !value.isBlank()) {
        return ConditionOutcome.match(key + " is set");
      }
    }
    return ConditionOutcome.noMatch("none of cobo.environment, cobo.base-url, cobo.server-public-key is set");
  }
}
