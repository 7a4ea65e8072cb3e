package dev.lakebench.bench.search;

import dev.lakebench.bench.data.TextCorpus;
import dev.lakebench.bench.data.VectorSet;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads the shared data sets into Lakebench tables (not timed) and measures what they occupy. */
final class SearchTables {

    private SearchTables() {}

    /** A list view computed on demand (no 150 MB copy of the vectors on the heap). */
    static <T> List<T> lazy(int size, java.util.function.IntFunction<T> f) {
        return new AbstractList<>() {
            @Override
            public T get(int i) {
                return f.apply(i);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** {@code items(id BIGINT = row number, embedding EMBEDDING[dim])} with the first {@code n} vectors. */
    static void vectors(Client client, String table, VectorSet set, int n) {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", lazy(n, i -> (long) i));
        data.put("embedding", lazy(n, set::vector));
        client.ingest(table, data, IngestOptions.defaults().commitRows(20_000));
    }

    /** {@code docs(id BIGINT, body TEXT)} with the first {@code n} documents. */
    static void text(Client client, String table, TextCorpus corpus, int n) {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", lazy(n, i -> (long) i));
        data.put("body", lazy(n, corpus::doc));
        client.ingest(table, data, IngestOptions.defaults().commitRows(20_000));
    }

    /** Vectors and text side by side (row i: vector i, document i). */
    static void hybrid(Client client, String table, VectorSet set, TextCorpus corpus, int n) {
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", lazy(n, i -> (long) i));
        data.put("embedding", lazy(n, set::vector));
        data.put("body", lazy(n, corpus::doc));
        client.ingest(table, data, IngestOptions.defaults().commitRows(20_000));
    }

    /** Bytes under a folder. */
    static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Heap in use after a collection, in MB. */
    static String heap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return mb(r.totalMemory() - r.freeMemory()) + " heap";
    }
}
