# One build, three images: `--target app` (all-in-one), `--target command-side`, `--target query-side`.
# Used by docker-compose.yml. Not built on the development machines (no Docker engine there).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY shared-events/ shared-events/
COPY platform/ platform/
COPY command-side/ command-side/
COPY query-side/ query-side/
COPY app/ app/
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre AS runtime-base
RUN useradd --system --uid 10001 qms && mkdir -p /data && chown qms /data
USER qms
WORKDIR /home/qms
ENV QMS_DATA_DIR=/data
EXPOSE 8080

FROM runtime-base AS command-side
COPY --from=build /src/command-side/target/command-side-*-exec.jar /home/qms/qms.jar
ENTRYPOINT ["java", "-jar", "/home/qms/qms.jar"]

FROM runtime-base AS query-side
COPY --from=build /src/query-side/target/query-side-*-exec.jar /home/qms/qms.jar
ENTRYPOINT ["java", "-jar", "/home/qms/qms.jar"]

FROM runtime-base AS app
COPY --from=build /src/app/target/qms-app.jar /home/qms/qms.jar
ENTRYPOINT ["java", "-jar", "/home/qms/qms.jar"]
