package dev.heapbound.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidCacheSpecException} at startup into Spring Boot's failure report, whose
 * action names the property keys to set.
 */
class InvalidCacheSpecFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCacheSpecException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCacheSpecException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
  }
}
