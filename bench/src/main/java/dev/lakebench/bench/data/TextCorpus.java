package dev.lakebench.bench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generated Zipf text corpus ({@code text-200k}; see bench/reference/gen/TextGen.java): documents with ids
 * 0..n-1 and 200 keyword queries, each made from words of a known source document.
 */
public final class TextCorpus {

    /** A keyword query: 2 or 3 words, their frequency classes (common, mid, rare) and the document they came from. */
    public record Query(int id, String words, List<String> classes, int sourceDoc) {}

    private final Path dir;
    private final Map<String, String> manifest;
    private final String[] docs;
    private final List<Query> queries;

    private TextCorpus(Path dir) throws IOException {
        this.dir = dir;
        this.manifest = Manifest.read(dir.resolve("manifest.txt"));
        this.docs = new String[Integer.parseInt(manifest.get("docs"))];
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("docs.tsv"), StandardCharsets.US_ASCII)) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                docs[Integer.parseInt(line, 0, tab, 10)] = line.substring(tab + 1);
            }
        }
        List<Query> qs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("queries.tsv"), StandardCharsets.US_ASCII)) {
            String[] f = line.split("\t");
            qs.add(new Query(Integer.parseInt(f[0]), f[1], List.of(f[2].split(",")), Integer.parseInt(f[3])));
        }
        this.queries = List.copyOf(qs);
    }

    /** Reads the corpus in {@code dir} (a folder written by TextGen) into memory (about 30 MB for 200k documents). */
    public static TextCorpus open(Path dir) throws IOException {
        return new TextCorpus(dir);
    }

    static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.txt"))
                && Files.isRegularFile(dir.resolve("docs.tsv"))
                && Files.isRegularFile(dir.resolve("queries.tsv"));
    }

    public Path dir() {
        return dir;
    }

    /** Generator parameters (docs, zipf_s, vocab_size, seed, ...). */
    public Map<String, String> manifest() {
        return manifest;
    }

    public int size() {
        return docs.length;
    }

    public String doc(int id) {
        return docs[id];
    }

    public List<Query> queries() {
        return queries;
    }
}
