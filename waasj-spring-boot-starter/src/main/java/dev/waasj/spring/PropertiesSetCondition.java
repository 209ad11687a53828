package dev.waasj.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when properties are set to something other than blank: {@code cobo.org-id=${COBO_ORG_ID:}} with the
 * variable unset means "not set", which {@code @ConditionalOnProperty} would take as set.
 */
abstract class PropertiesSetCondition extends SpringBootCondition {
  private final boolean all;
  private final List<String> keys;

  PropertiesSetCondition(boolean all, String... keys) {
    this.all = all;
    this.keys = List.of(keys);
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment env = context.getEnvironment();
    long set = keys.stream().filter(key -> {
      String value = env.getProperty(key);
      return value != null && !value.isBlank();
    }).count();
    boolean match = all ? set == keys.size() : set > 0;
    String which = (all ? "all of " : "one of ") + keys;
    return match ? ConditionOutcome.match(which + " set") : ConditionOutcome.noMatch("not " + which + " set");
  }

  /** {@code cobo.environment}, {@code cobo.base-url} or {@code cobo.server-public-key}: whose signatures to accept. */
  static final class Endpoint extends PropertiesSetCondition {
    Endpoint() {
      super(false, "cobo.environment", "cobo.base-url", "cobo.server-public-key");
    }
  }

  /** {@code cobo.client-id} and {@code cobo.org-id}: org token management. */
  static final class Organization extends PropertiesSetCondition {
    Organization() {
      super(true, "cobo.client-id", "cobo.org-id");
    }
  }

  /** {@code cobo.webhooks.path}: the webhook endpoint. */
  static final class WebhooksPath extends PropertiesSetCondition {
    WebhooksPath() {
      super(true, "cobo.webhooks.path");
    }
  }

  /** {@code cobo.callbacks.path}: the callback endpoint. */
  static final class CallbacksPath extends PropertiesSetCondition {
    CallbacksPath() {
      super(true, "cobo.callbacks.path");
    }
  }
}
