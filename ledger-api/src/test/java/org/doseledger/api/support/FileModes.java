package org.doseledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Permissions of what the service wrote, for tests that check it is its owner's alone. */
public final class FileModes {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private FileModes() {}

    /**
     * Every file and directory under {@code root} (itself included) that group or others may read, write or enter,
     * as {@code relative/path rwxr-xr-x}; directories that {@code skip} names are listed themselves but not entered.
     */
    public static List<String> openToOthers(Path root, Predicate<Path> skip) {
        List<String> open = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                        throws IOException {
                    check(root, directory, open);
                    return skip.test(directory) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    check(root, file, open);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }

    /** The permissions of a file or directory, as {@code ls} shows them ({@code rwx------}). */
    public static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Path root, Path path, List<String> open) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            String name = root.relativize(path).toString();
            open.add((name.isEmpty() ? "." : name)
                    + (Files.isDirectory(path) ? "/ " : " ")
                    + PosixFilePermissions.toString(permissions));
        }
    }
}
