package org.doseledger.api.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.SignedNote;

/**
 * The last tree checkpoint the sealer signed, kept in a file beside its key and never in the database:
 * whoever can rewrite the database cannot rewrite what the sealer remembers signing, so the sealer
 * refuses to sign a tree that does not extend it. Written after the checkpoint's transaction committed,
 * with a temporary file, fsync and an atomic rename, owner-only.
 */
final class SealerState {

    private final Path file;

    SealerState(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    Optional<SignedNote> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedNote.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sealer's last checkpoint in " + file, e);
        }
    }

    Optional<Checkpoint> checkpoint() {
        return read().map(Checkpoint::fromNote);
    }

    void write(SignedNote note) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(note.format().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sealer's last checkpoint to " + file, e);
        }
    }
}
