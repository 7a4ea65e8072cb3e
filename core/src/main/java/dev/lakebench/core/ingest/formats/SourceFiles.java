package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files a format reads: the folders and metadata the user points at (missing → {@link IngestError}), and the
 * files named inside annotations, which must stay inside their folder (a name such as {@code ../../etc/passwd}
 * or an absolute path is refused for that row, naming the path).
 */
final class SourceFiles {

    private SourceFiles() {}

    /** The folder, absolute and normalized; IngestError when it is not a folder. */
    static Path folder(Path dir, String what) {
        if (dir == null) {
            throw new IngestError(ErrorCode.INGEST_BAD_DATA, "No " + what + " was given", "Pass the " + what);
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    (Files.exists(abs) ? "Not a folder: " : "Folder not found: ") + abs + " (the " + what + ")",
                    "Check the path of the " + what);
        }
        return abs;
    }

    /** The file, absolute and normalized; IngestError "File not found" when it is missing. */
    static Path file(Path file, String what) {
        if (file == null) {
            throw new IngestError(ErrorCode.INGEST_BAD_DATA, "No " + what + " was given", "Pass the " + what);
        }
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "File not found: " + abs + " (the " + what + ")",
                    "Check the path of the " + what);
        }
        return abs;
    }

    /**
     * Resolves a file name found inside annotations against its folder. The name must be relative and stay inside
     * the folder after normalization; the check is on the name, so a folder that is itself a link still works.
     */
    static Path inside(Path folder, String name) throws SourceException {
        if (name == null || name.isBlank()) {
            throw new SourceException(String.valueOf(name), "the annotations give no file name");
        }
        Path rel;
        try {
            rel = Path.of(name);
        } catch (InvalidPathException e) {
            throw new SourceException(name, "not a valid file name: " + e.getReason());
        }
        Path resolved = folder.resolve(rel).normalize();
        if (rel.isAbsolute() || rel.getRoot() != null || !resolved.startsWith(folder)) {
            throw new SourceException(name, "the file name escapes its folder " + folder + "; refused");
        }
        return resolved;
    }

    /** All bytes of a file, or a SourceException saying why not. */
    static byte[] read(Path file) throws SourceException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceException(file.toString(), "file not found");
        } catch (AccessDeniedException e) {
            throw new SourceException(file.toString(), "permission denied");
        } catch (IOException e) {
            throw new SourceException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
