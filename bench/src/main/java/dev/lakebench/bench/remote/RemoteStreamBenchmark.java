package dev.lakebench.bench.remote;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A large read from a managed workspace: {@code client.stream(..)} of every row of a 1,000,000-row table from the
 * fake service on loopback, paged (LIMIT/OFFSET) and parsed with the streaming parser, next to the local client
 * streaming the same engine's rows in the same run. Meant to run in a small heap ({@code -Xmx256m}): the peak
 * heap after GC during the read shows that memory holds a page, not the result.
 */
public final class RemoteStreamBenchmark implements Benchmark {

    static final String NAME = "remote-stream";
    private static final int CHUNK = 50_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "stream() of a 1,000,000-row table from the managed client over loopback in a small heap, vs the local client";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int rows = ctx.quick() ? 200_000 : 1_000_000;
        try (Loopback lb = new Loopback(ctx.scratch(NAME + "/remote"))) {
            Client local = new Client(lb.service.workspace("default"));
            for (int from = 0; from < rows; from += CHUNK) {
                int n = Math.min(CHUNK, rows - from);
                List<Long> ids = new ArrayList<>(n);
                List<String> text = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add((long) (from + i));
                    text.add("row " + (from + i) + " of the streamed table, forty-odd characters");
                }
                local.ingest("items", Map.of("id", ids, "text", text));
            }
            String sql = "SELECT id, text FROM items ORDER BY id";
            Read remote = read(lb.client, sql, rows);
            Read near = read(local, sql, rows);
            long heap = Runtime.getRuntime().maxMemory();
            ctx.record(
                    NAME,
                    "stream " + Fmt.count(rows) + " rows {int64, ~45-char text}: rows/s (s)",
                    Fmt.count((long) (rows / remote.seconds)) + " (" + Fmt.decimal(remote.seconds, 1) + " s)",
                    Fmt.count((long) (rows / near.seconds)) + " (" + Fmt.decimal(near.seconds, 1) + " s) local",
                    "page " + Fmt.count(10_000) + " rows; " + Fmt.decimal(remote.answerMb, 0) + " MB of JSON in all");
            ctx.record(
                    NAME,
                    "largest heap in use after a GC during the read, MB (max heap)",
                    Fmt.decimal(remote.peakAfterGcMb, 0) + " (" + heap / (1 << 20) + ")",
                    Fmt.decimal(near.peakAfterGcMb, 0) + " local",
                    "the whole answer as one body would be " + Fmt.decimal(remote.answerMb, 0) + " MB of JSON");
        }
        ctx.note(
                NAME,
                "Remote = Client over ManagedBackend to the fake managed service on 127.0.0.1 in the same JVM (its "
                        + "pages are built by the service from a local engine), read with stream(): pages of 10,000 rows as "
                        + "LIMIT/OFFSET, each parsed row by row. Local = the same engine's stream(). Run with -Xmx256m.");
    }

    private record Read(double seconds, double peakAfterGcMb, double answerMb) {}

    private static Read read(Client c, String sql, int expected) {
        System.gc();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(afterGc(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        long n = 0;
        long sum = 0;
        long chars = 0;
        try (RowCursor cursor = c.stream(sql)) {
            while (cursor.hasNext()) {
                Row r = cursor.next();
                sum += (Long) r.get("id");
                chars += ((String) r.get("text")).length() + 20;
                n++;
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (n != expected || sum != (long) expected * (expected - 1) / 2) {
            throw new IllegalStateException("streamed " + n + " rows (id sum " + sum + "), expected " + expected);
        }
        return new Read(s, peak.get() / 1048576.0, chars / 1048576.0);
    }

    /** Heap in use right after the latest collection, summed over the heap pools: what the read keeps alive. */
    private static long afterGc() {
        long max = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                max += p.getCollectionUsage().getUsed();
            }
        }
        return max;
    }
}
