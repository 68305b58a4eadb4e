# The Argo4j workflow controller image.
#
# Build (on a machine with a Docker engine; the machine Argo4j is developed on has none, so this
# file has never been built):
#   ./build -pl runtime-kubernetes -am -Pimage package -DskipTests
#   docker build -f runtime-kubernetes/docker/controller.Dockerfile -t argo4j/argo4j-controller .
FROM eclipse-temurin:25-jre
RUN useradd --uid 8737 --no-create-home argo4j
COPY runtime-kubernetes/target/argo4j-controller.jar /opt/argo4j/argo4j-controller.jar
USER 8737
EXPOSE 9090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/argo4j/argo4j-controller.jar"]
