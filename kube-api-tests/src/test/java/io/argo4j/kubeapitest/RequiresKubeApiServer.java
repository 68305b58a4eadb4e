package io.argo4j.kubeapitest;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, saying why, when no kube-apiserver binaries are installed, unless {@code
 * -Pkube-api-test} requires them (then the class runs and fails on their absence).
 */
final class RequiresKubeApiServer implements ExecutionCondition {
  static final String REQUIRED = "argo4j.kubeApiTest.required";

  static Path testDir() {
    return KubeApiServerBinaries.testDir(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Boolean.getBoolean(REQUIRED) || KubeApiServerBinaries.locate(testDir()).isPresent()) {
      return ConditionEvaluationResult.enabled("kube-apiserver binaries present or required");
    }
    return ConditionEvaluationResult.disabled(KubeApiServerBinaries.missing(testDir()));
  }
}
