package org.doseledger.api.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code deploy/} tree, found from wherever the tests run (the module or the root). */
public final class DeployFiles {

    private DeployFiles() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root with deploy/ above " + Path.of("").toAbsolutePath());
    }

    public static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }
}
