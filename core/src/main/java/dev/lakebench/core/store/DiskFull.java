package dev.lakebench.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a full disk behind a failure, wherever it surfaced: a Java I/O exception, the engine's "Could not
 * write file" message, a vector log write, or a follow-up failure (a rollback) that hid the first one. Gives the
 * place that could not be written, so the message can name it.
 */
public final class DiskFull {

    /** Below this many free bytes on the workspace's disk a storage failure is taken for a full disk. */
    static final long NEARLY_FULL = 4L << 20;

    private static final Pattern QUOTED_PATH = Pattern.compile("\"((?:/|[A-Za-z]:\\\\)[^\"]+)\"");
    private static final Pattern VECTOR_LOG = Pattern.compile("cannot write vector log (\\S+)");

    private DiskFull() {}

    /**
     * Where the disk is full, when {@code failure} (its causes or suppressed failures) says so, or when it is a
     * storage failure and {@code dir}'s disk has (almost) no free space left.
     */
    public static Optional<Path> at(Throwable failure, Path dir) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.add(failure);
        Path wrapperPath = null;
        boolean storage = false;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || seen.put(t, true) != null) {
                continue;
            }
            String msg = t.getMessage() == null ? "" : t.getMessage();
            Matcher vlog = VECTOR_LOG.matcher(msg);
            if (vlog.find()) {
                wrapperPath = Path.of(vlog.group(1));
            }
            storage |= t instanceof IOException
                    || t instanceof UncheckedIOException
                    || msg.startsWith("IO Error")
                    || msg.contains("Storage error")
                    || msg.contains("rollback");
            if (saysFull(msg)) {
                if (t instanceof FileSystemException fs && fs.getFile() != null) {
                    return Optional.of(Path.of(fs.getFile()));
                }
                Matcher m = QUOTED_PATH.matcher(msg);
                if (m.find()) {
                    return Optional.of(Path.of(m.group(1)));
                }
                return Optional.of(wrapperPath != null ? wrapperPath : dir);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
        }
        if (storage && dir != null && freeBytes(dir) < NEARLY_FULL) {
            return Optional.of(wrapperPath != null ? wrapperPath : dir);
        }
        return Optional.empty();
    }

    /** True when an error message says the disk is full. */
    public static boolean saysFull(String msg) {
        String m = msg.toLowerCase(Locale.ROOT);
        return m.contains("no space left on device")
                || m.contains("not enough space on the disk")
                || m.contains("disk quota exceeded")
                || m.contains("disk is full");
    }

    private static long freeBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
