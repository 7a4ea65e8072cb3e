package dev.lakebench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * What a benchmark gets: a scratch directory, the folder of shared generated datasets, whether to run the quick
 * variant, and the report it writes rows into ({@code | benchmark | metric | lakebench | reference | note |}).
 */
public final class BenchContext {

    private final Path scratch;
    private final Path dataDir;
    private final Path report;
    private final boolean quick;

    public BenchContext(Path scratch, Path dataDir, Path report, boolean quick) {
        this.scratch = scratch;
        this.dataDir = dataDir;
        this.report = report;
        this.quick = quick;
    }

    /** A fresh folder for this benchmark's workspaces and files. */
    public Path scratch(String name) {
        Path p = scratch.resolve(name);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Folder of generated datasets shared with the reference engines (see bench/reference). */
    public Path dataDir() {
        return dataDir;
    }

    public boolean quick() {
        return quick;
    }

    /** Appends a result row to the report and prints it. */
    public synchronized void record(String benchmark, String metric, String lakebench, String reference, String note) {
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", benchmark, metric, lakebench,
                reference == null ? "" : reference, note == null ? "" : note);
        System.out.print(line);
        try {
            Files.writeString(report, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
