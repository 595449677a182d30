package org.doseledger.core.integrity.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.doseledger.core.integrity.tlog.NoteSigner;
import org.doseledger.core.integrity.tlog.SignatureType;

/**
 * The file that holds a witness's private key: one line, {@code PRIVATE+KEY+<name>+<key id>+<base64>}
 * (the C2SP / golang.org/x/mod/sumdb/note private key text) with signature type 0x04, cosignature/v1. Made
 * on first use, readable by its owner only (0600, in a directory made 0700 if it is new): whoever reads it
 * can cosign in the witness's name.
 */
public final class WitnessKeyFile {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private WitnessKeyFile() {}

    /** Whether the file was made by {@link #loadOrCreate} on this call. */
    public record Loaded(NoteSigner key, boolean created) {}

    /**
     * Reads the key from the file, or, if there is no file, makes a new key named {@code name} and writes
     * it there.
     *
     * @param name the witness's name: needed to make a key; if given for an existing file, it must be the
     *     name of the key in it
     * @throws WitnessKeyException if the file is not a cosigning key, has another name, or no name was
     *     given for a new key
     */
    public static Loaded loadOrCreate(Path file, String name) throws IOException {
        if (Files.exists(file)) {
            return new Loaded(load(file, name), false);
        }
        if (name == null) {
            throw new WitnessKeyException("The key file " + file + " does not exist; give the witness's name"
                    + " (--name, e.g. witness.example.org/regulator) to make a new key there");
        }
        NoteSigner key;
        try {
            key = NoteSigner.generate(name, SignatureType.COSIGNATURE_V1);
        } catch (IllegalArgumentException e) {
            throw new WitnessKeyException("Cannot make a witness key named " + name, e);
        }
        try {
            write(file, key);
        } catch (FileAlreadyExistsException raced) {
            return new Loaded(load(file, name), false);
        }
        return new Loaded(key, true);
    }

    /** Whether others than the owner may read or write the file (where the file system has POSIX permissions). */
    public static boolean readableByOthers(Path file) throws IOException {
        if (!isPosix()) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        permissions.removeAll(EnumSet.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        return !permissions.isEmpty();
    }

    private static NoteSigner load(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        NoteSigner key;
        try {
            key = NoteSigner.parse(text);
        } catch (IllegalArgumentException e) {
            // the message of the parser never shows the key's bytes
            throw new WitnessKeyException("The key file " + file + " is not a PRIVATE+KEY+... signer key", e);
        }
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new WitnessKeyException("The key in " + file + " (" + key.name() + ") is a " + key.type()
                    + " key; a witness cosigns with a cosignature/v1 key (type 0x04)");
        }
        if (name != null && !name.equals(key.name())) {
            throw new WitnessKeyException("The key in " + file + " is named " + key.name() + ", not " + name
                    + "; a witness's name is part of its key, so a new name needs a new key file");
        }
        return key;
    }

    private static void write(Path file, NoteSigner key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        WitnessState.createOwnerOnlyDirectory(parent);
        FileAttribute<?>[] attributes = isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        try (FileChannel channel =
                FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer content = ByteBuffer.wrap((key.encoded() + "\n").getBytes(StandardCharsets.UTF_8));
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        }
        try (FileChannel directory = FileChannel.open(parent, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
