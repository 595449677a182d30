package org.doseledger.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js and npm for the tests that run JavaScript tools (the API document's linters, the TypeScript
 * compiler). Without them such a test is skipped, except under CI ({@code CI=true}), where it fails.
 */
public final class NodeJs {

    private NodeJs() {}

    public record Run(int exit, String output) {}

    /** Skips the calling test (or fails it under CI) when node or npm is missing. */
    public static void requireOrSkip(String purpose) {
        if (installed()) {
            return;
        }
        String missing = "Node.js and npm are needed to " + purpose;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + "; under CI this test may not be skipped");
        }
        Assumptions.abort(missing + "; skipped");
    }

    /**
     * Installs the packages pinned by a package.json and its package-lock.json into {@code directory} (npm ci),
     * unless the given executables are there already.
     */
    public static void install(Path pinned, Path directory, String... executables) throws IOException {
        Files.createDirectories(directory);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(
                    pinned.resolve(file), directory.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path bin = directory.resolve("node_modules/.bin");
        if (java.util.Arrays.stream(executables).allMatch(name -> Files.isExecutable(bin.resolve(name)))) {
            return;
        }
        Run install = run(directory, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 10);
        if (install.exit() != 0) {
            throw new IllegalStateException("npm ci in " + directory + " failed:\n" + install.output());
        }
    }

    public static Run run(Path directory, List<String> command, int minutes) throws IOException {
        Path log = Files.createTempFile("node", ".log");
        Process process = new ProcessBuilder(command)
                .directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + minutes + " min");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    private static boolean installed() {
        try {
            return run(null, List.of("node", "--version"), 1).exit() == 0
                    && run(null, List.of("npm", "--version"), 1).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
