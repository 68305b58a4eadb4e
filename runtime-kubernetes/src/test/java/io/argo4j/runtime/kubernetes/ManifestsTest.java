package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The install manifests under manifests/ parse and apply to an API server. */
class ManifestsTest {
  private static final Path MANIFESTS = KubeTestBed.REPO.resolve("manifests");

  private static List<HasMetadata> load(KubeTestBed bed, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return bed.client.load(in).items();
    }
  }

  private static List<Path> yamlUnder(String dir) throws IOException {
    try (Stream<Path> files = Files.walk(MANIFESTS.resolve(dir))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void clusterInstallAppliesAndDefinesEveryArgoKind() throws IOException {
    KubeTestBed bed = KubeTestBed.shared();
    {
      List<HasMetadata> applied = new ArrayList<>();
      for (Path f :
          Stream.concat(
                  yamlUnder("base/controller").stream(), yamlUnder("cluster-install").stream())
              .toList()) {
        for (HasMetadata item : load(bed, f)) {
          applied.add(bed.client.resource(item).inNamespace(KubeTestBed.NS).create());
        }
      }

      assertThat(applied)
          .extracting(HasMetadata::getKind)
          .contains(
              "Deployment",
              "ConfigMap",
              "ServiceAccount",
              "Service",
              "ClusterRole",
              "ClusterRoleBinding");
      assertThat(bed.client.apiextensions().v1().customResourceDefinitions().list().getItems())
          .extracting(CustomResourceDefinition::getMetadata)
          .extracting(m -> m.getName())
          .contains(
              "workflows.argoproj.io",
              "workflowtemplates.argoproj.io",
              "clusterworkflowtemplates.argoproj.io",
              "cronworkflows.argoproj.io",
              "workflowtaskresults.argoproj.io",
              "workflowtasksets.argoproj.io",
              "workflowartifactgctasks.argoproj.io",
              "workfloweventbindings.argoproj.io");
      Deployment d =
          bed.client
              .apps()
              .deployments()
              .inNamespace(KubeTestBed.NS)
              .withName("argo4j-controller")
              .get();
      assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName())
          .isEqualTo("argo4j-controller");
      assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
          .extracting(e -> e.getName())
          .contains("POD_NAMESPACE", "LEADER_ELECTION_IDENTITY", "ARGO4J_EXECUTOR_IMAGE");
    }
  }

  @Test
  void namespaceInstallRbacApplies() throws IOException {
    KubeTestBed bed = KubeTestBed.shared();
    {
      List<HasMetadata> items = load(bed, MANIFESTS.resolve("namespace-install/rbac.yaml"));
      for (HasMetadata item : items) {
        bed.client.resource(item).inNamespace(KubeTestBed.NS).create();
      }
      assertThat(items)
          .extracting(HasMetadata::getKind)
          .containsExactly("Role", "RoleBinding", "Role");
    }
  }
}
