package dev.lakebench.core.ingest.files;

import dev.lakebench.core.client.IngestFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Turns the paths given to an ingest into the regular files to read: folders expand recursively in name order,
 * hidden files and folders (names starting with '.') are skipped, symbolic links are followed but a link that
 * leads back into a folder already on the way (or to itself) is reported, not followed. Missing paths, special
 * files and unreadable folders become failures with their reason; nothing here reads file contents except the
 * first bytes of files whose extension does not say their kind.
 */
public final class FolderExpander {

    /** Bytes looked at to decide whether a file of unknown extension is text. */
    static final int SNIFF_BYTES = 64 * 1024;

    /** What the paths expanded to. {@code notFound} lists given paths that do not exist (also in failures). */
    public record Expansion(List<FileEntry> files, List<IngestFailure> failures, List<String> notFound) {}

    private final List<FileEntry> files = new ArrayList<>();
    private final List<IngestFailure> failures = new ArrayList<>();
    private final List<String> notFound = new ArrayList<>();
    private final Set<Path> seenFiles = new HashSet<>();
    private final BooleanSupplier stop;
    private final IntConsumer found;

    private FolderExpander(BooleanSupplier stop, IntConsumer found) {
        this.stop = stop;
        this.found = found;
    }

    public static Expansion expand(List<?> inputs) {
        return expand(inputs, () -> false, n -> {});
    }

    /**
     * The same, stoppable: once {@code stop} answers true the walk ends and what was found so far is returned (a
     * window listing a huge folder dropped by mistake can give up on it); {@code found} hears the number of files
     * found so far, now and then.
     */
    public static Expansion expand(List<?> inputs, BooleanSupplier stop, IntConsumer found) {
        FolderExpander x = new FolderExpander(stop, found);
        for (Object in : inputs) {
            if (stop.getAsBoolean()) {
                break;
            }
            x.input(in);
        }
        found.accept(x.files.size());
        return new Expansion(List.copyOf(x.files), List.copyOf(x.failures), List.copyOf(x.notFound));
    }

    private void input(Object in) {
        if (in == null || in.toString().isBlank()) {
            failures.add(new IngestFailure(String.valueOf(in), "Empty path; give the path of a file or folder"));
            return;
        }
        Path p = in instanceof Path path ? path : Path.of(in.toString());
        if (!Files.exists(p)) {
            if (Files.isSymbolicLink(p)) {
                failures.add(new IngestFailure(p.toString(), brokenLink(p)));
                return;
            }
            notFound.add(p.toString());
            failures.add(new IngestFailure(p.toString(), "File not found: " + p));
            return;
        }
        visit(p, new HashSet<>());
    }

    /** Why a link whose target does not resolve fails: a loop, or a missing target. */
    private static String brokenLink(Path p) {
        try {
            Path unused = p.toRealPath(); // called for the exception that says why the link does not resolve
            return "Cannot resolve symbolic link " + p;
        } catch (FileSystemException e) {
            String reason = e.getReason();
            if (reason != null && reason.toLowerCase(Locale.ROOT).contains("levels of symbolic links")) {
                return "Symbolic link loop: " + p + " points back at itself; fix or remove the link";
            }
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException | UnsupportedOperationException ex) {
                target = "?";
            }
            return "File not found: " + p + " is a symbolic link to " + target + ", which does not exist";
        } catch (IOException e) {
            return "Cannot resolve symbolic link " + p + ": " + e.getMessage();
        }
    }

    private void visit(Path p, Set<Path> ancestors) {
        if (stop.getAsBoolean()) {
            return;
        }
        BasicFileAttributes attrs;
        Path real;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class);
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            failures.add(
                    new IngestFailure(p.toString(), Files.isSymbolicLink(p) ? brokenLink(p) : "File not found: " + p));
            return;
        } catch (FileSystemException e) {
            failures.add(new IngestFailure(
                    p.toString(),
                    Files.isSymbolicLink(p) || isLoop(e) ? brokenLink(p) : "Cannot read " + p + ": " + reason(e)));
            return;
        } catch (IOException e) {
            failures.add(new IngestFailure(p.toString(), "Cannot read " + p + ": " + e.getMessage()));
            return;
        }
        if (attrs.isDirectory()) {
            if (!ancestors.add(real)) {
                failures.add(new IngestFailure(
                        p.toString(),
                        "Symbolic link loop: folder " + p + " leads back to " + real
                                + ", which is already being ingested; skipped"));
                return;
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    Path name = c.getFileName();
                    if (name != null && !name.toString().startsWith(".")) {
                        children.add(c);
                    }
                }
            } catch (AccessDeniedException e) {
                failures.add(new IngestFailure(
                        p.toString(),
                        "Permission denied: cannot list folder " + p
                                + "; give the user read and execute permission on it"));
                ancestors.remove(real);
                return;
            } catch (IOException e) {
                failures.add(new IngestFailure(p.toString(), "Cannot list folder " + p + ": " + e.getMessage()));
                ancestors.remove(real);
                return;
            }
            children.sort(null);
            for (Path c : children) {
                visit(c, ancestors);
            }
            ancestors.remove(real);
        } else if (attrs.isRegularFile()) {
            if (!seenFiles.add(real)) {
                return; // the same file reached twice (given twice, or through a link): ingest it once
            }
            files.add(new FileEntry(p, attrs.size(), kindOf(p, attrs.size())));
            if (files.size() % 256 == 0) {
                found.accept(files.size());
            }
        } else {
            failures.add(new IngestFailure(
                    p.toString(),
                    "Not a regular file (" + special(attrs) + "); only regular files"
                            + " and folders can be ingested"));
        }
    }

    private static boolean isLoop(FileSystemException e) {
        String r = e.getReason();
        return r != null && r.toLowerCase(Locale.ROOT).contains("levels of symbolic links");
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private static String special(BasicFileAttributes attrs) {
        return attrs.isSymbolicLink() ? "a symbolic link" : attrs.isOther() ? "a device, pipe or socket" : "not a file";
    }

    /**
     * The kind by extension; a file without an extension is OTHER (docs/spec/file-ingest.md: anything that is not
     * one of the listed extensions), whatever its bytes; for other unknown extensions, text when the first bytes are
     * UTF-8 text, else OTHER.
     */
    static FileKind kindOf(Path p, long size) {
        FileKind k = FileKind.byExtension(p);
        if (k != null) {
            return k;
        }
        if (size == 0 || FileKind.extension(p).isEmpty()) {
            return FileKind.OTHER;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return TextSniffer.looksLikeText(head, head.length < SNIFF_BYTES) ? FileKind.TEXT : FileKind.OTHER;
        } catch (IOException e) {
            return FileKind.OTHER; // the worker reports why it cannot be read
        }
    }
}
