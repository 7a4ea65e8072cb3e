package dev.lakebench.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The folder of generated data sets shared with the reference engines: {@code vec-100k}, {@code vec-1m} and
 * {@code text-200k}, written by bench/reference/gen-data.sh (bench/run.sh does it once for everything).
 */
public final class Datasets {

    private final Path dir;

    public Datasets(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** True if the vector set ({@code "100k"} or {@code "1m"}) has been generated. */
    public boolean hasVectors(String label) {
        return VectorSet.complete(dir.resolve("vec-" + label));
    }

    /** Opens a vector set ({@code "100k"} or {@code "1m"}); close it when done. */
    public VectorSet vectors(String label) {
        Path p = dir.resolve("vec-" + label);
        if (!VectorSet.complete(p)) {
            throw new MissingDataException("vec-" + label, p, label);
        }
        try {
            return VectorSet.open(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if the vector set in the folder {@code name} (e.g. {@code uni-100k}) has been generated. */
    public boolean hasVectorSet(String name) {
        return VectorSet.complete(dir.resolve(name));
    }

    /** Opens the vector set in the folder {@code name} (e.g. {@code vec-100k}, {@code uni-100k}); close it when done. */
    public VectorSet vectorSet(String name) {
        Path p = dir.resolve(name);
        if (!VectorSet.complete(p)) {
            throw new MissingDataException(name, p, name.startsWith("vec-") ? name.substring(4) : name);
        }
        try {
            return VectorSet.open(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean hasText() {
        return TextCorpus.complete(dir.resolve("text-200k"));
    }

    /** Reads the 200,000-document corpus with its queries. */
    public TextCorpus text() {
        Path p = dir.resolve("text-200k");
        if (!TextCorpus.complete(p)) {
            throw new MissingDataException("text-200k", p, "text");
        }
        try {
            return TextCorpus.open(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data set the benchmark needs has not been generated. */
    public static final class MissingDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingDataException(String set, Path where, String genArg) {
            super("Data set " + set + " is missing in " + where.getParent() + ": run bench/run.sh, or generate it with "
                    + "BENCH_DATA=" + where.getParent() + " bench/reference/gen-data.sh " + genArg);
        }
    }
}
