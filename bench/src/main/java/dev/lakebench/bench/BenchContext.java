package dev.lakebench.bench;

import dev.lakebench.bench.data.Datasets;
import dev.lakebench.bench.reference.ReferenceResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark gets: scratch folders, the generated datasets shared with the reference engines, the reference
 * engines' numbers from the same run, whether to run the quick variant, and the report it writes rows into
 * ({@code | benchmark | metric | lakebench | reference | note |}).
 */
public final class BenchContext {

    private final Path scratch;
    private final Datasets datasets;
    private final ReferenceResults reference;
    private final Path report;
    private final boolean quick;
    private final List<String> notes = new ArrayList<>();

    public BenchContext(Path scratch, Path dataDir, Path referenceDir, Path report, boolean quick) {
        this.scratch = scratch;
        this.datasets = new Datasets(dataDir);
        this.reference = new ReferenceResults(referenceDir);
        this.report = report;
        this.quick = quick;
    }

    /** A folder for this benchmark's workspaces and files, under the output folder (deleted after the run). */
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
        return datasets.dir();
    }

    /** The generated datasets: {@code datasets().vectors("100k")}, {@code datasets().text()}. */
    public Datasets datasets() {
        return datasets;
    }

    /** The reference engines' results from this run (empty if they did not run). */
    public ReferenceResults reference() {
        return reference;
    }

    /** True for a smoke run ({@code --quick}): fewer repetitions, smaller sizes where a benchmark allows. */
    public boolean quick() {
        return quick;
    }

    /** How many timed repetitions to make: {@code full}, or 1 in a quick run. */
    public int repetitions(int full) {
        return quick ? 1 : full;
    }

    /** Appends a result row to the report and prints it. Keep cells free of '|' and line breaks. */
    public synchronized void record(String benchmark, String metric, String lakebench, String reference, String note) {
        String line = String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                benchmark,
                metric,
                lakebench,
                reference == null ? "" : reference,
                note == null ? "" : note);
        System.out.print(line);
        try {
            Files.writeString(report, line, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sentence printed under the results table (method, caveats, whether a goal was met). */
    public synchronized void note(String benchmark, String text) {
        System.out.println("note: " + benchmark + ": " + text);
        notes.add("- **" + benchmark + "**: " + text);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
