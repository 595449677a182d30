package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.doseledger.api.support.EndToEndTest;
import org.doseledger.api.support.NodeJs;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client that openapi-generator ({@code typescript-fetch}) builds from /v3/api-docs compiles
 * with the TypeScript compiler in strict mode, together with a short program written against it
 * (src/test/resources/generated-client/typescript/usage.ts). The compiler is the version pinned there,
 * installed with npm into target; without Node.js the test is skipped, except under CI, where it fails.
 */
class GeneratedTypeScriptClientTest extends EndToEndTest {

    private static final Path GENERATOR = Path.of("target", "openapi-generator", "openapi-generator-cli.jar");
    private static final Path PINNED = Path.of("src", "test", "resources", "generated-client", "typescript")
            .toAbsolutePath();
    private static final Path WORK =
            Path.of("target", "generated-client-typescript").toAbsolutePath();

    @Test
    void aTypeScriptClientGeneratedFromTheDocumentCompilesInStrictMode() throws Exception {
        NodeJs.requireOrSkip("compile the generated TypeScript client");
        assertThat(GENERATOR)
                .as("copied by the build's generate-test-resources phase")
                .exists();
        Path tools = WORK.resolve("tools");
        NodeJs.install(PINNED, tools, "tsc");
        Path client = WORK.resolve("client");
        deleteRecursively(client);
        Files.createDirectories(client);
        Path document = WORK.resolve("api-docs.json");
        Files.writeString(
                document, http.get("/v3/api-docs").key(adminKey).send().text());

        NodeJs.Run generated = NodeJs.run(
                WORK,
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        GENERATOR.toAbsolutePath().toString(),
                        "generate",
                        "-g",
                        "typescript-fetch",
                        "-i",
                        document.toString(),
                        "-o",
                        client.toString(),
                        "--additional-properties=supportsES6=true"),
                3);
        assertThat(generated.exit()).as(generated.output()).isZero();
        for (String file : List.of("tsconfig.json", "usage.ts")) {
            try (InputStream source = Files.newInputStream(PINNED.resolve(file))) {
                Files.copy(source, client.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        NodeJs.Run compiled = NodeJs.run(
                client, List.of(tools.resolve("node_modules/.bin/tsc").toString(), "-p", "tsconfig.json"), 5);
        assertThat(compiled.exit()).as("tsc:%n%s", compiled.output()).isZero();
        assertThat(client.resolve("apis/PracticesApi.ts")).exists();
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
