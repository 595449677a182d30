package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.doseledger.api.support.FileModes;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path root;

    @Test
    void everyDirectoryItCreatesIsTheOwnersAlone() throws IOException {
        Path created = OwnerOnlyFiles.createDirectories(root.resolve("data/keys/old"));

        assertThat(created).isDirectory();
        assertThat(FileModes.mode(root.resolve("data"))).isEqualTo("rwx------");
        assertThat(FileModes.mode(root.resolve("data/keys"))).isEqualTo("rwx------");
        assertThat(FileModes.mode(root.resolve("data/keys/old"))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryThatExistsKeepsItsPermissions() throws IOException {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-x---"));

        OwnerOnlyFiles.createDirectories(shared);

        assertThat(FileModes.mode(shared)).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileWrittenAtomicallyIsTheOwnersAloneAndReplacesWhatWasThere() throws IOException {
        Path file = root.resolve("data/keys/master.key");
        OwnerOnlyFiles.createDirectories(file.getParent());
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyFiles.writeAtomically(file, "new".getBytes(StandardCharsets.US_ASCII));

        assertThat(file).hasContent("new");
        assertThat(FileModes.mode(file)).isEqualTo("rw-------");
        assertThat(FileModes.openToOthers(root.resolve("data"), directory -> false))
                .isEmpty();
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
    }

    @Test
    void aStreamedFileIsTheOwnersAloneAndReplacesWhatWasThere() throws IOException {
        Path file = root.resolve("bundle.zip.partial");
        Files.writeString(file, "left by a crash");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        try (OutputStream out = OwnerOnlyFiles.newOutputStream(file)) {
            out.write("new".getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(file).hasContent("new");
        assertThat(FileModes.mode(file)).isEqualTo("rw-------");
    }

    @Test
    void aChannelThatCreatesItsFileCreatesItForTheOwnerAlone() throws IOException {
        Path file = root.resolve("postgres.lock");

        try (FileChannel channel = OwnerOnlyFiles.openChannel(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("42\n".getBytes(StandardCharsets.US_ASCII)));
        }

        assertThat(file).hasContent("42\n");
        assertThat(FileModes.mode(file)).isEqualTo("rw-------");
    }
}
