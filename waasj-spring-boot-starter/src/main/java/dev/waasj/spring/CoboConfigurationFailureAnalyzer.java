package dev.waasj.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link CoboConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" report. */
final class CoboConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CoboConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CoboConfigurationException cause) {
    return new FailureAnalysis(
        "The Cobo client is misconfigured: " + cause.getMessage(),
        "Set or correct " + cause.property() + ". The cobo.* properties are listed in the waasj README (section"
            + " \"Spring Boot\"); bind secrets from the environment, e.g. cobo.api-secret=${COBO_API_SECRET}.",
        cause);
  }
}
