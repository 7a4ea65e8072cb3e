package dev.lakebench.app.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Watches the FX thread: a heartbeat posted every 10 ms measures how long the FX thread takes to run it
 * (a stall shows as latency), and a sampler records the FX thread's stack every 5 ms, so each stall over the
 * limit can be attributed: time the FX thread spent in the SDK, the engine or file I/O is the workbench doing
 * I/O on the FX thread; other stalls are the FX thread's own work (layout, rendering) or the machine (another
 * process, or the ingest's workers, had the CPU), reported with their frame.
 */
public final class FxWatchdog implements AutoCloseable {

    /** A stall over the limit and what the FX thread was doing meanwhile (null: idle / not ours). */
    public record Stall(long millis, String ourFrame) {}

    /**
     * Where I/O happens: the engine and JDBC drivers, files, network, index files, native media and the OS
     * keychain. Only the code that really reads or writes: Lakebench's own backend and native wrappers also hold
     * plain values (a decoded picture, a token, a parsed URL) that the FX thread rightly uses, and their I/O goes
     * through the frames listed here.
     */
    private static final String[] IO = {
        "org.duckdb.",
        "org.postgresql.",
        "java.sql.DriverManager",
        "java.nio.file.Files",
        "java.nio.file.spi.",
        "java.nio.channels.",
        "sun.nio.fs.",
        "sun.nio.ch.",
        "java.io.File",
        "java.io.RandomAccessFile",
        "java.net.Socket",
        "java.net.InetAddress",
        "java.net.http.",
        "okhttp3.",
        "org.apache.lucene.store.",
        "org.bytedeco.",
        "com.sun.jna."
    };

    /**
     * Frames under the I/O prefixes that work on strings only: a path's own methods ({@code getFileName},
     * {@code resolve}, {@code Path.of}), its file system's {@code getPath}, a {@link java.io.File}'s name methods.
     * Real file I/O is deeper ({@code UnixNativeDispatcher}, channels, streams) or in the methods not listed.
     */
    static boolean stringOnly(StackTraceElement e) {
        String c = e.getClassName();
        String m = e.getMethodName();
        return switch (c) {
            case "sun.nio.fs.UnixPath", "sun.nio.fs.WindowsPath", "sun.nio.fs.Util", "sun.nio.fs.UnixUriUtils" -> true;
            case "sun.nio.fs.UnixFileSystem",
                    "sun.nio.fs.LinuxFileSystem",
                    "sun.nio.fs.UnixFileSystemProvider",
                    "sun.nio.fs.LinuxFileSystemProvider" -> FILE_SYSTEM_STRING_METHODS.contains(m);
            case "java.io.File" -> FILE_STRING_METHODS.contains(m);
            default -> false;
        };
    }

    private static final java.util.Set<String> FILE_SYSTEM_STRING_METHODS =
            java.util.Set.of("getPath", "getSeparator", "getPathMatcher", "provider", "getScheme");

    private static final java.util.Set<String> FILE_STRING_METHODS = java.util.Set.of(
            "<init>",
            "getName",
            "getPath",
            "getParent",
            "getParentFile",
            "getAbsolutePath",
            "getAbsoluteFile",
            "isAbsolute",
            "toPath",
            "toURI",
            "toString",
            "hashCode",
            "equals",
            "compareTo");

    /**
     * I/O that JavaFX or the class loader does on the workbench's behalf and that belongs on the FX thread: fonts
     * opened to measure text, style sheets and icons read from the application's own jars.
     */
    private static final String[] TOOLKIT_IO = {
        "com.sun.javafx.font.",
        "com.sun.javafx.text.",
        "javafx.scene.text.Font",
        "com.sun.javafx.css.",
        "javafx.css.",
        "java.util.zip.",
        "java.util.jar.",
        "sun.net.www.protocol.jar.",
        "jdk.internal.loader.",
        "java.lang.ClassLoader",
        "java.lang.Class"
    };

    private final long limitMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Thread> fx = new AtomicReference<>();
    private final Deque<long[]> sampleTimes = new ArrayDeque<>();
    private final Deque<String> sampleFrames = new ArrayDeque<>();
    private final Deque<String> sampleTops = new ArrayDeque<>();
    /** Each I/O frame the sampler caught: how often, and the FX thread's whole stack the first time. */
    private final Map<String, Integer> ioCounts = new java.util.LinkedHashMap<>();

    private final Map<String, String> ioStacks = new HashMap<>();
    private final Map<String, Integer> stallTops = new HashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Stall> stalls = new ArrayList<>();
    private final Thread heartbeat;
    private final Thread sampler;

    public FxWatchdog(long limitMillis) {
        this.limitMillis = limitMillis;
        Platform.runLater(() -> fx.set(Thread.currentThread()));
        heartbeat = new Thread(this::beat, "test-fx-watchdog-heartbeat");
        sampler = new Thread(this::sample, "test-fx-watchdog-sampler");
        heartbeat.setDaemon(true);
        sampler.setDaemon(true);
        heartbeat.start();
        sampler.start();
    }

    private void beat() {
        while (running.get()) {
            long posted = System.nanoTime();
            Platform.runLater(() -> record((System.nanoTime() - posted) / 1_000_000));
            sleep(10);
        }
    }

    private void sample() {
        while (running.get()) {
            Thread t = fx.get();
            if (t != null) {
                StackTraceElement[] st = t.getStackTrace();
                String frame = ours(st);
                String top = describe(st);
                synchronized (this) {
                    sampleTimes.addLast(new long[] {System.nanoTime()});
                    sampleFrames.addLast(frame == null ? "" : frame);
                    if (frame != null) {
                        ioCounts.merge(frame, 1, Integer::sum);
                        ioStacks.computeIfAbsent(frame, f -> stack(st));
                    }
                    sampleTops.addLast(top);
                    if (sampleTops.size() > 2000) {
                        sampleTops.removeFirst();
                    }
                    while (sampleTimes.size() > 2000) {
                        sampleTimes.removeFirst();
                        sampleFrames.removeFirst();
                    }
                }
            }
            sleep(5);
        }
    }

    /** The topmost workbench frame, for reporting stalls in UI code. */
    static String uiFrame(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("dev.lakebench.app.")) {
                return e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber()
                        + ")";
            }
        }
        return null;
    }

    /** The FX thread's state in a few frames: what it was doing. */
    static String describe(StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder();
        String ui = uiFrame(stack);
        int depth = stack.length > 0
                        && (stack[0].getMethodName().equals("park")
                                || stack[0].getClassName().contains("UnixFileSystem"))
                ? 16
                : 3;
        for (int i = 0; i < Math.min(depth, stack.length); i++) {
            sb.append(i > 0 ? " < " : "")
                    .append(stack[i].getClassName().replaceAll(".*\\.", ""))
                    .append('.')
                    .append(stack[i].getMethodName());
        }
        return sb + (ui == null ? "" : "  [" + ui + "]");
    }

    /**
     * The I/O frame when Lakebench code on the FX thread called into I/O (engine, JDBC, files, network), else
     * null. I/O that JavaFX does for itself (fonts, stylesheets) has no Lakebench caller and does not count, nor
     * does the toolkit's or class loader's own reading on the workbench's behalf (see {@link #TOOLKIT_IO}).
     */
    static String ours(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.contains("FxWatchdog")
                    || c.endsWith("Test")
                    || c.contains("Test$")
                    || c.startsWith("org.testfx.")
                    || c.startsWith("dev.lakebench.app.ui.FxFixture")
                    || c.startsWith("dev.lakebench.app.ui.FxThreadQuery")
                    || c.startsWith("dev.lakebench.app.ui.FxRobotExtension")) {
                return null; // the test itself acting on the FX thread, not the workbench
            }
        }
        String io = null;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (io == null) {
                if (stringOnly(e)) {
                    continue;
                }
                if (startsWithAny(c, TOOLKIT_IO)) {
                    return null; // a font, a style sheet, a class or an icon being read: not the workbench's I/O
                }
                if (startsWithAny(c, IO)) {
                    io = c + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber() + ")";
                }
            } else if (startsWithAny(c, TOOLKIT_IO)) {
                return null; // read by the toolkit or the class loader on the workbench's behalf
            } else if (c.startsWith("dev.lakebench.app.") || c.startsWith("dev.lakebench.core.")) {
                return io + " called from " + c + "." + e.getMethodName() + "(" + e.getFileName() + ":"
                        + e.getLineNumber() + ")";
            }
        }
        return null;
    }

    private static boolean startsWithAny(String className, String[] prefixes) {
        for (String p : prefixes) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every I/O frame a sample caught Lakebench code in on the FX thread (whether or not it stalled), with how
     * many samples saw it and the whole stack of the first: enough to tell a real call from a misclassified one
     * without rerunning. One sample is enough to fail: a workbench that never does I/O on the FX thread is never
     * caught in it, however the samples fall; a short call is caught only sometimes, which is still a bug.
     */
    public synchronized List<String> ioSamples() {
        return ioCounts.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " sample" + (e.getValue() == 1 ? "" : "s") + ")\n"
                        + ioStacks.get(e.getKey()))
                .toList();
    }

    private static String stack(StackTraceElement[] st) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : st) {
            sb.append("\tat ").append(e).append('\n');
        }
        return sb.toString();
    }

    private synchronized void record(long millis) {
        latencies.add(millis);
        if (millis <= limitMillis) {
            return;
        }
        long from = System.nanoTime() - millis * 1_000_000;
        Map<String, Integer> counts = new HashMap<>();
        int samples = 0;
        var times = sampleTimes.iterator();
        var frames = sampleFrames.iterator();
        var tops = sampleTops.iterator();
        while (times.hasNext()) {
            long t = times.next()[0];
            String f = frames.next();
            String top = tops.hasNext() ? tops.next() : "";
            if (t >= from) {
                stallTops.merge(top, 1, Integer::sum);
                samples++;
                if (!f.isEmpty()) {
                    counts.merge(f, 1, Integer::sum);
                }
            }
        }
        String blamed = null;
        for (var e : counts.entrySet()) {
            if (e.getValue() * 2 >= Math.max(1, samples) && (blamed == null || e.getValue() > counts.get(blamed))) {
                blamed = e.getKey();
            }
        }
        stalls.add(new Stall(millis, blamed));
    }

    public synchronized List<Stall> stalls() {
        return List.copyOf(stalls);
    }

    /** Stalls over the limit while Lakebench code did I/O on the FX thread. */
    public synchronized List<Stall> ourStalls() {
        return stalls.stream().filter(s -> s.ourFrame() != null).toList();
    }

    /** What the FX thread was doing during stalls, most frequent first. */
    public synchronized List<String> stallActivity(int n) {
        return stallTops.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(n)
                .map(e -> e.getValue() + " samples: " + e.getKey())
                .toList();
    }

    public synchronized String report() {
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return "no heartbeats";
        }
        return String.format(
                Locale.ROOT,
                "%d heartbeats; FX latency p50 %d ms, p99 %d ms, max %d ms; %d over %d ms (%d in our code)",
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.99)),
                sorted.get(sorted.size() - 1),
                stalls.size(),
                limitMillis,
                ourStalls().size());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
