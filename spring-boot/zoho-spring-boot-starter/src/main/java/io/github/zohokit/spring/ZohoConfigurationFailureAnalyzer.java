package io.github.zohokit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ZohoPropertyException} into Spring Boot's "APPLICATION FAILED TO START" report. */
final class ZohoConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ZohoPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ZohoPropertyException cause) {
    return new FailureAnalysis("The Zoho configuration is invalid: " + cause.getMessage(), cause.action(), cause);
  }
}
