package org.originbridge.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files in the data directory that hold secrets: owner-only, replaced atomically. */
public final class DataFiles {

    private DataFiles() {
    }

    /** Creates the directory (mode 700 where the file system has POSIX permissions). */
    public static Path ensureDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (posix(directory)) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
            return directory;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(directory + " exists and is not a directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Writes the file with mode 600 through a temporary file and an atomic move. */
    public static void writePrivate(Path file, String content) {
        Path directory = ensureDirectory(file.toAbsolutePath().getParent());
        try {
            Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                if (posix(temp)) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
