package dev.lakebench.bench.embed;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestProgress;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Memory while the built-in model embeds many chunks through the ingest pipeline: {@code client.ingest} of
 * 100,000 generated text chunks (about 300 characters each; 10,000 with {@code --quick}) with
 * {@code embed("text")}. Every tenth of the run the progress listener forces a collection and samples the heap in
 * use and the process's resident set; memory is flat when the last sample is within 10% of the first one taken
 * after a tenth of the chunks (by then the model, the native arenas and the page buffers are all warm).
 */
public final class EmbeddingMemoryBenchmark implements Benchmark {

    private static final String[] WORDS = ("data table vector image search model embedding query index column row text"
                    + " file page video frame caption object garden tulip river mountain city street market harbour"
                    + " protein cell gene study patient dose trial result effect signal pathway receptor tissue"
                    + " measure sample analysis method system network layer training error value score rank")
            .split(" ");

    /** One memory sample taken after {@code chunks} texts were embedded. */
    private record Sample(long chunks, long heapBytes, long rssBytes, double seconds) {}

    @Override
    public String name() {
        return "embeddings-memory";
    }

    @Override
    public String description() {
        return "client.ingest of 100,000 generated text chunks with the built-in model: heap after GC and resident"
                + " memory every 10,000 chunks (goal: flat, last within 10% of the sample at 10,000)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int total = ctx.quick() ? 10_000 : 100_000;
        int step = total / 10;
        List<String> ids = new ArrayList<>(total);
        List<String> texts = new ArrayList<>(total);
        Random r = new Random(7);
        for (int i = 0; i < total; i++) {
            ids.add("c" + i);
            texts.add(chunk(r, i));
        }
        Path dir = ctx.scratch("embeddings-memory");
        List<Sample> samples = new ArrayList<>();
        long before;
        long t0 = System.nanoTime();
        IngestResult result;
        try (Client client = Client.local(dir)) {
            before = heapAfterGc();
            long[] next = {step};
            IngestOptions options =
                    IngestOptions.defaults().embed("text").listener(p -> sample(p, next, step, t0, samples));
            result = client.ingest("chunks", Map.of("chunk_id", ids, "text", texts), options);
            List<Row> check = client.query("SELECT count(text_embedding) AS n FROM chunks");
            long vectors = ((Number) check.get(0).get("n")).longValue();
            if (vectors != total) {
                throw new IllegalStateException(vectors + " vectors for " + total + " chunks");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder series = new StringBuilder();
        for (Sample s : samples) {
            series.append(String.format(
                    Locale.ROOT,
                    "%s%,d: heap %s, RSS %s (%.0f s)",
                    series.isEmpty() ? "" : "; ",
                    s.chunks(),
                    mb(s.heapBytes()),
                    mb(s.rssBytes()),
                    s.seconds()));
        }
        if (samples.size() < 2) {
            throw new IllegalStateException("only " + samples.size() + " memory samples were taken");
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double heapGrowth = (last.heapBytes() - first.heapBytes()) / (double) first.heapBytes();
        double rssGrowth = (last.rssBytes() - first.rssBytes()) / (double) first.rssBytes();
        boolean flat = heapGrowth <= 0.10 && rssGrowth <= 0.10;
        ctx.record(
                name(),
                String.format(Locale.ROOT, "heap after GC at %,d / %,d chunks", first.chunks(), last.chunks()),
                mb(first.heapBytes()) + " / " + mb(last.heapBytes()),
                null,
                String.format(
                        Locale.ROOT,
                        "%+.1f%%; heap before the ingest %s; %,d chunks of about 300 characters embedded by minilm in"
                                + " %.0f s (%.0f chunks/s, rows and vectors); warnings: %s",
                        heapGrowth * 100,
                        mb(before),
                        total,
                        seconds,
                        total / seconds,
                        result.warnings().isEmpty() ? "none" : String.join(" / ", result.warnings())));
        ctx.record(
                name(),
                String.format(Locale.ROOT, "resident memory at %,d / %,d chunks", first.chunks(), last.chunks()),
                mb(first.rssBytes()) + " / " + mb(last.rssBytes()),
                null,
                String.format(Locale.ROOT, "%+.1f%%; series: %s", rssGrowth * 100, series));
        ctx.note(
                name(),
                String.format(
                        Locale.ROOT,
                        "memory goal (flat over %,d chunks: last sample within 10%% of the one at %,d): %s (heap %+.1f%%,"
                                + " resident %+.1f%%)",
                        total,
                        first.chunks(),
                        flat ? "met" : "NOT met",
                        heapGrowth * 100,
                        rssGrowth * 100));
    }

    /** On the embedding pass's progress: a sample each time another {@code step} chunks have their vectors. */
    private static void sample(IngestProgress p, long[] next, int step, long t0, List<Sample> samples) {
        if (!"embedding".equals(p.currentFile())) {
            return; // the rows themselves are being written
        }
        while (p.rowsCommitted() >= next[0]) {
            Sample s = new Sample(next[0], heapAfterGc(), rss(), (System.nanoTime() - t0) / 1e9);
            samples.add(s);
            System.out.printf(
                    Locale.ROOT,
                    "  %,d chunks: heap %s, RSS %s (%.0f s)%n",
                    s.chunks(),
                    mb(s.heapBytes()),
                    mb(s.rssBytes()),
                    s.seconds());
            next[0] += step;
        }
    }

    /** A deterministic chunk of about 300 characters: a sentence of random words with its number. */
    private static String chunk(Random r, int i) {
        StringBuilder b = new StringBuilder("Chunk ").append(i).append(':');
        while (b.length() < 300) {
            b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.append('.').toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set size from {@code /proc/self/status} (-1 where there is no /proc). */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
