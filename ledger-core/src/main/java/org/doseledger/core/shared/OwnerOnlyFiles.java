package org.doseledger.core.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only their owner may read, write or enter (0600 and 0700), for everything the service
 * writes: keys, the initial admin key, export bundles that hold client names, the database lock. The permissions are
 * given when a file or directory is created, so there is no moment at which group or others could open it (the
 * process's umask can only take more away). Where the file system has no POSIX permissions (Windows), they get its
 * defaults. Directories that already exist keep the permissions they have: an operator may have chosen them.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {}

    /** Creates the directory and every missing parent owner-only (0700); returns the directory. */
    public static Path createDirectories(Path directory) throws IOException {
        return Files.createDirectories(directory, attributes(directory, DIRECTORY));
    }

    /**
     * Writes the file owner-only (0600) in a missing parent directory created owner-only: into a temporary file
     * beside it, forced to disk, then renamed over the file, so that a reader sees the old content or the new, never
     * a part, and a crash leaves no half-written key behind.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        createDirectories(parent);
        Path temporary = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attributes(temporary, FILE))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory(parent);
    }

    /** A new owner-only (0600) file to write, in place of any file of that name. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Channels.newOutputStream(FileChannel.open(
                file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(file, FILE)));
    }

    /** Opens a channel as {@link FileChannel#open(Path, OpenOption...)} does; a file it creates is owner-only (0600). */
    public static FileChannel openChannel(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), attributes(file, FILE));
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Makes a rename in the directory durable; where directories cannot be opened (Windows) the rename stands alone. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // the file itself was forced; only the rename's durability depends on the directory
        }
    }
}
