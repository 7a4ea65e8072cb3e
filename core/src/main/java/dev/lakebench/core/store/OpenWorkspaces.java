package dev.lakebench.core.store;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.WorkspaceError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workspaces this process has open. The engine's file lock keeps other processes out, but inside one process
 * the engine hands a second open of the same file the first one's database, whose settings are locked and whose
 * vector logs have an owner already; a second client of an open workspace is therefore refused up front, saying so.
 */
final class OpenWorkspaces {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private OpenWorkspaces() {}

    /** Claims the workspace folder for this process; release it with {@link #release}. */
    static Path claim(String id, Path dir) {
        Path key = key(dir);
        if (!OPEN.add(key)) {
            throw new WorkspaceError(
                    ErrorCode.WORKSPACE_LOCKED,
                    "Workspace \"" + id + "\" at " + dir + " is already open in this process (by another client)",
                    "Close that client first, or share it: one client may be used from several threads");
        }
        return key;
    }

    static void release(Path key) {
        OPEN.remove(key);
    }

    /** The same folder however it is named (relative, through a symbolic link). */
    private static Path key(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }
}
