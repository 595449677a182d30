package org.doseledger.api.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.doseledger.core.shared.OwnerOnlyFiles;

/**
 * An operating-system lock on the embedded database's data directory, held by the process that uses it
 * for as long as it lives ({@code <data directory>.lock}, beside the directory, whose content is the
 * holder's pid). Taking it is the first thing any process does with the directory: a second process (a
 * {@code verify} or {@code generate} command, another service) that cannot take it stops at once and
 * touches nothing. The operating system releases it when its holder dies, however it dies, so a process
 * that can take it knows that a postmaster still running on the directory has lost its owner.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link DataDirectoryInUseException} naming the process that holds it. */
    public static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        OwnerOnlyFiles.createDirectories(directory.getParent());
        Path file = directory.resolveSibling(directory.getFileName() + ".lock");
        FileChannel channel = OwnerOnlyFiles.openChannel(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
            channel.close();
            throw new DataDirectoryInUseException(directory, holder);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        channel.close();
    }

    /** The data directory is used by another process, which is left untouched. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path directory, String holder) {
            super("The data directory " + directory + " is in use by another Dose Ledger process"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + "; nothing was changed. Stop that process first, or point this one elsewhere"
                    + " (--ledger.data-dir, or LEDGER_DB_URL for a database server)");
        }
    }
}
