package io.argo4j.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code argo4j server}: the API server and web UI, as {@code argo server}. */
@Command(name = "server", description = "Start the API server and web UI.")
public final class ServerCommand extends NotImplementedCommand {
  @Option(
      names = "--auth-mode",
      paramLabel = "MODE",
      description = "Authentication mode: client, server or sso; repeatable.")
  private List<String> authModes;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "2746",
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = {"-e", "--secure"},
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Serve HTTPS (default: ${DEFAULT-VALUE}).")
  private boolean secure;

  @Option(
      names = "--tls-certificate-secret-name",
      paramLabel = "NAME",
      description = "Secret holding the TLS certificate and key.")
  private String tlsCertificateSecretName;

  @Option(
      names = "--base-href",
      paramLabel = "PATH",
      description = "Base path of the UI, such as /argo/.")
  private String baseHref;

  @Option(names = "--namespaced", description = "Watch only the server's own namespace.")
  private boolean namespaced;

  @Option(
      names = "--managed-namespace",
      paramLabel = "NAMESPACE",
      description = "With --namespaced, the namespace to watch.")
  private String managedNamespace;

  @Option(
      names = "--configmap",
      paramLabel = "NAME",
      defaultValue = "workflow-controller-configmap",
      description = "Controller ConfigMap name (default: ${DEFAULT-VALUE}).")
  private String configMap;

  @Option(
      names = "--api-rate-limit",
      paramLabel = "N",
      defaultValue = "1000",
      description = "API requests per second (default: ${DEFAULT-VALUE}).")
  private int apiRateLimit;

  @Option(
      names = "--hsts",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Send the Strict-Transport-Security header (default: ${DEFAULT-VALUE}).")
  private boolean hsts;

  @Option(
      names = "--x-frame-options",
      paramLabel = "VALUE",
      defaultValue = "DENY",
      description = "X-Frame-Options header (default: ${DEFAULT-VALUE}).")
  private String xFrameOptions;

  @Option(
      names = "--access-control-allow-origin",
      paramLabel = "ORIGIN",
      description = "Access-Control-Allow-Origin header.")
  private String accessControlAllowOrigin;

  @Option(
      names = "--allowed-link-protocol",
      paramLabel = "PROTOCOL",
      split = ",",
      defaultValue = "http,https",
      description = "Protocols UI links may use (default: ${DEFAULT-VALUE}).")
  private List<String> allowedLinkProtocols;

  @Option(
      names = "--event-worker-count",
      paramLabel = "N",
      defaultValue = "4",
      description = "Workers handling events (default: ${DEFAULT-VALUE}).")
  private int eventWorkerCount;

  @Option(
      names = "--event-operation-queue-size",
      paramLabel = "N",
      defaultValue = "16",
      description = "Queued event operations (default: ${DEFAULT-VALUE}).")
  private int eventOperationQueueSize;

  @Option(names = "--event-async-dispatch", description = "Dispatch events asynchronously.")
  private boolean eventAsyncDispatch;

  @Option(
      names = "--kube-api-qps",
      paramLabel = "N",
      defaultValue = "20",
      description = "Kubernetes API queries per second (default: ${DEFAULT-VALUE}).")
  private float kubeApiQps;

  @Option(
      names = "--kube-api-burst",
      paramLabel = "N",
      defaultValue = "30",
      description = "Kubernetes API burst (default: ${DEFAULT-VALUE}).")
  private int kubeApiBurst;

  @Option(
      names = {"-b", "--browser"},
      description = "Open the UI in a browser.")
  private boolean browser;
}
