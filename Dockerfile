# Image of one Herald service; the same file builds all three. The build context is the repository root:
#   docker compose build                       # every service, with the arguments set in docker-compose.yml
#   docker build --build-arg MODULE=notify-service --build-arg PORT=8083 -t herald/notify-service .
# MODULE is the Maven module of the service (ingest-service, catalog-service, notify-service);
# PORT the port it listens on (8081, 8082, 8083); MANAGEMENT_PORT that of actuator (9081, 9082, 9083).
ARG MODULE=ingest-service
ARG PORT=8081
ARG MANAGEMENT_PORT=9081

# --- Stage 1: the Maven reactor's build files only, so that dependency downloads stay cached
# until a pom.xml changes (any module added later is picked up without editing this file).
FROM eclipse-temurin:17.0.18_8-jdk-noble AS poms
WORKDIR /src
COPY . .
RUN mkdir /poms \
    && cp -r mvnw .mvn /poms/ \
    && find . -name pom.xml -not -path '*/target/*' -exec cp --parents {} /poms/ \;

# --- Stage 2: build the service and the modules it depends on.
FROM eclipse-temurin:17.0.18_8-jdk-noble AS build
ARG MODULE
WORKDIR /workspace
COPY --from=poms /poms/ ./
# Warm-up only: whatever it cannot fetch ahead, the package step below resolves.
RUN sh mvnw -B -q -pl "${MODULE}" -am dependency:go-offline \
    || echo "dependency warm-up incomplete; the package step resolves the rest"
COPY . .
# Tests and the source-format check belong to the regular build (./mvnw verify), not to the image.
# Tests are compiled though not run: the services' test scope names platform's test jar, which
# -Dmaven.test.skip=true would not build.
RUN sh mvnw -B -q -pl "${MODULE}" -am -DskipTests -Dspring-javaformat.validate.skip=true package \
    && cp "${MODULE}"/target/"${MODULE}"-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# --- Stage 3: the runtime image, a JRE and the application in Spring Boot's layers
# (libraries first, the application's own classes last, so a code change ships one small layer).
FROM eclipse-temurin:17.0.18_8-jre-noble
ARG MODULE
ARG PORT
ARG MANAGEMENT_PORT
LABEL org.opencontainers.image.title="herald-${MODULE}"
RUN groupadd --system --gid 10001 herald \
    && useradd --system --uid 10001 --gid herald --home-dir /app --shell /usr/sbin/nologin herald
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
ENV SERVER_PORT=${PORT} MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}
EXPOSE ${PORT} ${MANAGEMENT_PORT}
# curl ships with the eclipse-temurin Ubuntu images.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=6 \
    CMD curl -fsS -o /dev/null "http://localhost:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1
# Extra JVM flags: set JAVA_TOOL_OPTIONS. The heap follows the container's memory limit. The parallel
# collector, as in the local run and the bench: on a small heap and few cores it costs the services
# 10-30% less CPU per record than G1 (bench/README.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]
