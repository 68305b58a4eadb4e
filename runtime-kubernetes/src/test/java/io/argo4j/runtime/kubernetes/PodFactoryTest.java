package io.argo4j.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.argo4j.engine.Action.StartPod;
import io.argo4j.executor.pod.PodLayout;
import io.argo4j.model.Template;
import io.argo4j.model.Workflow;
import io.argo4j.model.io.ModelJson;
import io.argo4j.runtime.kubernetes.internal.ModelCodec;
import io.argo4j.runtime.kubernetes.internal.PodFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pod contract with argo4j-exec ({@link PodLayout}) as the controller applies it. */
class PodFactoryTest {

  private final ObjectMapper json = ModelJson.newObjectMapper();
  private final KubernetesSerialization kube = new KubernetesSerialization();
  private final PodFactory factory =
      new PodFactory(
          "argo4j/argo4j-exec:test",
          "workflows.argoproj.io/status",
          Duration.ofSeconds(30),
          new ModelCodec(kube),
          kube);

  private Pod build(String templateJson) throws Exception {
    Workflow wf =
        json.readValue(
            "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Workflow\",\"metadata\":"
                + "{\"name\":\"wf\",\"namespace\":\"argo\",\"uid\":\"u1\"},\"spec\":{}}",
            Workflow.class);
    Template t = json.readValue(templateJson, Template.class);
    return factory.build(wf, new StartPod("wf-1", "wf-1", "wf", t, false, true, null));
  }

  private static Container main(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("main"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aScriptRunsThroughTheWrapperWithTheSourcePathAppended() throws Exception {
    Pod pod =
        build(
            "{\"name\":\"s\",\"script\":{\"image\":\"python:3\",\"command\":[\"python\"],"
                + "\"workingDir\":\"/work\",\"source\":\"print(1)\"}}");
    Container main = main(pod);
    assertThat(main.getCommand())
        .isEqualTo(PodLayout.mainCommand(PodLayout.VAR_RUN, "/work", List.of("python")));
    assertThat(main.getArgs()).containsExactly("/var/run/argo4j/staging/script");
    assertThat(main.getCommand())
        .startsWith("/bin/sh", "/var/run/argo4j/wrapper.sh", "/var/run/argo4j/step", "pod");
    List<String> env = new ArrayList<>();
    for (EnvVar e : main.getEnv()) {
      env.add(e.getName());
    }
    assertThat(env).contains("ARGO_TEMPLATE", "ARGO_NODE_ID", "ARGO_POD_UID", "ARGO_POD_NAMESPACE");
    EnvVar uid =
        main.getEnv().stream().filter(e -> e.getName().equals("ARGO_POD_UID")).findFirst().get();
    assertThat(uid.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.uid");
  }

  @Test
  void rawInputArtifactsAreMountedFromTheSharedVolume() throws Exception {
    Pod pod =
        build(
            "{\"name\":\"c\",\"inputs\":{\"artifacts\":[{\"name\":\"cfg\",\"path\":\"/etc/cfg.txt\","
                + "\"raw\":{\"data\":\"x\"}}]},"
                + "\"container\":{\"image\":\"busybox\",\"command\":[\"cat\"],"
                + "\"args\":[\"/etc/cfg.txt\"]}}");
    Container main = main(pod);
    assertThat(main.getArgs()).containsExactly("/etc/cfg.txt");
    assertThat(main.getVolumeMounts())
        .anySatisfy(m -> {
          assertThat(m.getName()).isEqualTo("var-run-argo4j");
          assertThat(m.getMountPath()).isEqualTo("/etc/cfg.txt");
          assertThat(m.getSubPath()).isEqualTo("inputs/artifacts/etc/cfg.txt");
        });
  }
}
