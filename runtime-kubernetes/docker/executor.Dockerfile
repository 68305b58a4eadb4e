# The Argo4j executor image, used for the init and wait containers of every workflow pod. The init
# container copies the POSIX shell wrapper into the shared /var/run/argo4j volume; the main
# container (the user's image) is started through it, so any image with /bin/sh works.
#
# NOT BUILDABLE YET: the executor module does not yet provide the in-pod entry point this image
# needs ("argo4j-exec init | wait | resource | data"; see docs/kubernetes.md). The machine Argo4j
# is developed on has no Docker engine either, so this file has never been built.
FROM eclipse-temurin:25-jre
RUN useradd --uid 8737 --no-create-home argo4j
COPY executor/target/argo4j-exec.jar /opt/argo4j/argo4j-exec.jar
COPY runtime-kubernetes/docker/argo4j-exec /usr/local/bin/argo4j-exec
USER 8737
ENTRYPOINT ["argo4j-exec"]
