# The Argo4j executor image: argo4j-exec, run by the init and wait containers of every workflow
# pod (and by the main container of resource and data templates). The init container places the
# POSIX shell wrapper, the script source and raw input artifacts in the shared /var/run/argo4j
# volume; the main container (the user's image) runs its command through the wrapper, so any image
# with /bin/sh works; the wait container reports the outputs as a WorkflowTaskResult. See
# docs/kubernetes.md, "The in-pod executor".
#
# Build (on a machine with a Docker engine; the machine Argo4j is developed on has none, so this
# file has never been built):
#   ./build -pl executor-pod -am -Pimage package -DskipTests
#   docker build -f runtime-kubernetes/docker/executor.Dockerfile -t argo4j/argo4j-exec .
FROM eclipse-temurin:25-jre
RUN useradd --uid 8737 --no-create-home argo4j
COPY executor-pod/target/argo4j-exec.jar /opt/argo4j/argo4j-exec.jar
COPY runtime-kubernetes/docker/argo4j-exec /usr/local/bin/argo4j-exec
USER 8737
ENTRYPOINT ["argo4j-exec"]
