package org.doseledger.core.integrity.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.doseledger.core.integrity.tlog.Checkpoint;
import org.doseledger.core.integrity.tlog.SignedNote;
import org.doseledger.core.shared.OwnerOnlyFiles;

/**
 * The latest checkpoint the witness cosigned for each log, kept in a directory: one file per origin,
 * {@code <hex SHA-256 of the origin>.checkpoint}, holding the log-signed note as it was submitted. A new
 * checkpoint is written to a temporary file, forced to disk and renamed over the old one, and the
 * directory is forced too, so after a crash the file holds either the old checkpoint or the new one,
 * never a mix and never nothing.
 *
 * <p>The directory is locked ({@code witness.lock}) for as long as this is open: a second witness process
 * on the same state could otherwise cosign against a size the first one has already moved past. Every
 * stored checkpoint is read when opening and a file that does not parse stops the start: starting from
 * size 0 instead would let a log rewrite its history past this witness.
 *
 * <p>Not thread-safe per origin: the caller serializes the requests of one origin ({@link Witness}).
 */
public final class WitnessState implements AutoCloseable {

    static final String LOCK_FILE = "witness.lock";
    static final String SUFFIX = ".checkpoint";
    public static final String EVIDENCE_DIRECTORY = "evidence";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Checkpoint> latest;

    private WitnessState(Path directory, FileChannel lockChannel, FileLock lock, Map<String, Checkpoint> latest) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.latest = latest;
    }

    /**
     * Opens the state directory, creating it (owner-only) if it does not exist, takes its lock and reads
     * every stored checkpoint.
     *
     * @throws WitnessStateException if another process holds the directory or a stored file is not a
     *     checkpoint of the origin its name says
     */
    public static WitnessState open(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        createOwnerOnlyDirectory(dir);
        FileChannel channel = OwnerOnlyFiles.openChannel(
                dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new WitnessStateException("The witness state directory " + dir
                    + " is in use by another witness; stop it first, or give this one another --state");
        }
        try {
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new WitnessState(dir, channel, lock, load(dir));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** The latest checkpoint cosigned for the origin, if any. */
    public Optional<Checkpoint> latest(String origin) {
        return Optional.ofNullable(latest.get(Objects.requireNonNull(origin, "origin")));
    }

    /**
     * Makes the signed checkpoint the latest for its origin, durably: when this returns, the checkpoint is
     * on disk. The caller has checked that it is consistent with the one before.
     */
    public void store(SignedNote signedCheckpoint) throws IOException {
        Checkpoint checkpoint = Checkpoint.fromNote(signedCheckpoint);
        writeDurably(directory, fileName(checkpoint.origin()), signedCheckpoint.toBytes());
        latest.put(checkpoint.origin(), checkpoint);
    }

    /**
     * Keeps a log-signed checkpoint that contradicts the stored one (same size, another root): with the
     * stored checkpoint, it proves that the log showed two different histories. Kept once per checkpoint
     * text, so that replaying it does not fill the disk.
     *
     * @return the file it is kept in
     */
    Path keepEvidence(SignedNote conflicting) throws IOException {
        Checkpoint checkpoint = Checkpoint.fromNote(conflicting);
        Path evidence = directory.resolve(EVIDENCE_DIRECTORY);
        createOwnerOnlyDirectory(evidence);
        String name = hexSha256(checkpoint.origin()) + "-" + checkpoint.size() + "-"
                + hexSha256(conflicting.text()).substring(0, 16) + SUFFIX;
        if (!Files.exists(evidence.resolve(name))) {
            writeDurably(evidence, name, conflicting.toBytes());
        }
        return evidence.resolve(name);
    }

    /** The directory, absolute. */
    public Path directory() {
        return directory;
    }

    /** Releases the directory's lock. */
    @Override
    public void close() throws IOException {
        if (lock.isValid()) {
            lock.release();
        }
        lockChannel.close();
    }

    public static String fileName(String origin) {
        return hexSha256(origin) + SUFFIX;
    }

    private static Map<String, Checkpoint> load(Path dir) throws IOException {
        Map<String, Checkpoint> loaded = new ConcurrentHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + ".tmp")) {
                    // a write that a crash interrupted before its rename: the previous file is intact
                    Files.delete(file);
                } else if (name.endsWith(SUFFIX)) {
                    Checkpoint checkpoint = read(file);
                    if (!name.equals(fileName(checkpoint.origin()))) {
                        throw new WitnessStateException("The witness state file " + file + " holds a checkpoint of "
                                + checkpoint.origin() + ", whose file would be " + fileName(checkpoint.origin()));
                    }
                    loaded.put(checkpoint.origin(), checkpoint);
                }
            }
        }
        return loaded;
    }

    private static Checkpoint read(Path file) throws IOException {
        try {
            return Checkpoint.fromNote(SignedNote.parse(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new WitnessStateException(
                    "The witness state file " + file + " is not a signed checkpoint; the witness will not start"
                            + " without knowing what it cosigned for that log",
                    e);
        }
    }

    private static void writeDurably(Path dir, String name, byte[] content) throws IOException {
        // written beside, forced, renamed over and the directory forced: the old checkpoint or the new, never a part
        OwnerOnlyFiles.writeAtomically(dir.resolve(name), content);
    }

    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static String hexSha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
