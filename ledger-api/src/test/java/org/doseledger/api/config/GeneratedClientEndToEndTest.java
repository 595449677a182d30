package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.doseledger.api.support.Bodies;
import org.doseledger.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * The API document is one clients generate from: openapi-generator (its command-line jar, copied into
 * target by the build) builds the Java client (library "native": java.net.http and Jackson) from
 * /v3/api-docs as the service serves it, the client compiles, and a walkthrough written against it
 * (src/test/resources/generated-client) registers a practice, issues a key, records a location with that
 * key and reads a problem document, against this service.
 */
class GeneratedClientEndToEndTest extends EndToEndTest {

    private static final Path GENERATOR = Path.of("target", "openapi-generator", "openapi-generator-cli.jar");

    @Test
    void aJavaClientGeneratedFromTheDocumentCompilesAndWalksThroughTheStartOfTheReadme() throws Exception {
        assertThat(GENERATOR)
                .as("copied by the build's generate-test-resources phase")
                .exists();
        Path work = Files.createTempDirectory("generated-client");
        Path document = work.resolve("api.json");
        Files.writeString(
                document, http.get("/v3/api-docs").key(adminKey).send().text());
        Path sources = work.resolve("client");

        Process generator = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        GENERATOR.toString(),
                        "generate",
                        "-g",
                        "java",
                        "--library",
                        "native",
                        "-i",
                        document.toString(),
                        "-o",
                        sources.toString(),
                        "--additional-properties=invokerPackage=org.example.ledger.client,"
                                + "apiPackage=org.example.ledger.client.api,"
                                + "modelPackage=org.example.ledger.client.model,openApiNullable=false,useJakartaEe=true")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("generator.log").toFile())
                .start();
        assertThat(generator.waitFor(3, TimeUnit.MINUTES))
                .as("the generator finished")
                .isTrue();
        assertThat(generator.exitValue())
                .as(Files.readString(work.resolve("generator.log")))
                .isZero();

        Path walkthrough = sources.resolve("src/main/java/org/example/ledger/walkthrough/Walkthrough.java");
        Files.createDirectories(walkthrough.getParent());
        try (InputStream source = getClass().getResourceAsStream("/generated-client/Walkthrough.java")) {
            Files.copy(source, walkthrough);
        }
        Path classes = compile(sources.resolve("src/main/java"), work.resolve("classes"));

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object result = loader.loadClass("org.example.ledger.walkthrough.Walkthrough")
                    .getMethod("run", String.class, String.class, String.class)
                    .invoke(
                            null,
                            "http://localhost:" + port,
                            adminKey,
                            Bodies.deaNumber("BG", ThreadLocalRandom.current().nextInt(1_000_000)));

            assertThat(result)
                    .isEqualTo("Client-built Ketamine Clinic; PRACTICE_WRITER; 1 location safe-1; unknown practice"
                            + " 404 PRACTICE_NOT_FOUND");
        }
    }

    /** Compiles every source under {@code root} against this test's class path; fails with javac's messages. */
    private static Path compile(Path root, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<java.io.File> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".java"))
                    .map(Path::toFile)
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(
                            null,
                            fileManager,
                            diagnostics,
                            List.of(
                                    "-d",
                                    classes.toString(),
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-proc:none",
                                    "-nowarn"),
                            null,
                            fileManager.getJavaFileObjectsFromFiles(files))
                    .call();
            assertThat(compiled)
                    .as(files.size() + " sources: " + diagnostics.getDiagnostics())
                    .isTrue();
        }
        return classes;
    }
}
