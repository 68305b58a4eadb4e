package io.argo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The request classification the API-cost benchmark reports by (the benchmark itself is not run).
 */
class ControllerApiCostTest {
  private static String of(String method, String url) {
    return ControllerApiCost.RequestCounter.classify(method, URI.create(url));
  }

  @Test
  void requestsAreCountedByVerbAndResource() {
    String wf = "https://h/apis/argoproj.io/v1alpha1/namespaces/argo/workflows";
    assertThat(of("PUT", wf + "/hello")).isEqualTo("UPDATE workflows");
    assertThat(of("GET", wf + "/hello")).isEqualTo("GET workflows");
    assertThat(of("GET", wf + "?labelSelector=a")).isEqualTo("LIST workflows");
    assertThat(of("GET", wf + "?watch=true&resourceVersion=1")).isEqualTo("WATCH workflows");
    assertThat(of("POST", "https://h/api/v1/namespaces/argo/pods")).isEqualTo("CREATE pods");
    assertThat(of("PATCH", "https://h/api/v1/namespaces/argo/pods/p")).isEqualTo("PATCH pods");
    assertThat(of("DELETE", "https://h/api/v1/namespaces/argo/pods/p")).isEqualTo("DELETE pods");
    assertThat(
            of(
                "DELETE",
                "https://h/apis/argoproj.io/v1alpha1/namespaces/argo/workflowtaskresults"
                    + "?labelSelector=workflows.argoproj.io%2Fworkflow%3Dw"))
        .isEqualTo("DELETECOLLECTION workflowtaskresults");
    assertThat(of("GET", "https://h/api/v1/pods?watch=true")).isEqualTo("WATCH pods");
  }
}
