package dev.lakebench.natives.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a workspace's database file whole before it is first opened. The engine writes a new file's headers in
 * several steps, and a process killed between them left a file the engine could not open again ("Could not read
 * enough bytes from file"). The file is made under a temporary name, closed, and then linked to its name, which
 * happens whole or not at all. Temporary files a killed creation left behind are removed.
 */
final class NewDatabaseFile {

    private static final String TEMPORARY = ".new";

    private NewDatabaseFile() {}

    static void ensure(Path file) {
        if (Files.exists(file)) {
            return;
        }
        Path tmp = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + TEMPORARY);
        try {
            removeLeftovers(file);
            EngineSession.scratch(tmp).close();
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process made it meanwhile: its file is the workspace's
            } catch (UnsupportedOperationException e) {
                moveUnlessThere(tmp, file); // a file system without hard links
            }
            deleteWithLog(tmp);
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.IO, "cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveUnlessThere(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file); // refuses an existing target
        } catch (FileAlreadyExistsException e) {
            // another process made it meanwhile
        }
    }

    /** Temporary files of creations whose process is gone. */
    private static void removeLeftovers(Path file) throws IOException {
        String prefix = file.getFileName() + ".";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), prefix + "*" + TEMPORARY)) {
            for (Path p : siblings) {
                String pid = p.getFileName().toString();
                pid = pid.substring(prefix.length(), pid.length() - TEMPORARY.length());
                if (pid.chars().allMatch(Character::isDigit)
                        && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    deleteWithLog(p);
                }
            }
        }
    }

    private static void deleteWithLog(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    }
}
