import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives a jpackage app image its AOT caches: the image's own launcher runs the training (recording which classes
 * it uses), then assembles the cache from that record, so that the cache matches the image's runtime, class path
 * and launcher options exactly. The Linux image's launcher (a script) chooses per command as the jar's launcher
 * does, so it gets two caches, as the jar has: {@code lakebench.aot} trained on the commands, {@code
 * lakebench-workbench.aot} on the workbench's launch. Elsewhere jpackage's launcher has one set of options, and
 * one cache holds both. Then the launchers' configuration files get {@code -XX:AOTCache=$APPDIR/lakebench.aot},
 * and the image's launcher is run with {@code -XX:AOTMode=on} (which fails when a cache does not fit), once as a
 * user would (stderr must stay empty), and a copy of the image opens the engine with the cache while the image
 * itself is out of reach.
 *
 * <p>Run by the installers build with the JDK 25 (single-file source launch): {@code java ImageAotCache.java
 * IMAGE_DIR WORK_DIR}. The JVM reads the training options from {@code JAVA_TOOL_OPTIONS}, since the jlinked
 * runtime has no {@code java} command of its own.
 */
public final class ImageAotCache {

    static final String CACHE = "lakebench.aot";
    static final String WORKBENCH_CACHE = "lakebench-workbench.aot";
    static final String OPTION = "java-options=-XX:AOTCache=$APPDIR/" + CACHE;
    /**
     * Keeps a cache the JVM cannot use (another JVM build, a changed jar) from printing on stdout, and the Linux
     * workbench's huge pages where the system does not allow them (the JVM then uses small pages).
     */
    static final String QUIET = "java-options=-Xlog:aot*=off,cds*=off,pagesize*=off";

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(work);
        Path launcher = launcher(image);
        List<Path> cfgs = configs(image);
        if (cfgs.isEmpty()) {
            throw new IllegalStateException("no launcher configuration (*.cfg) in " + image);
        }
        Path appDir = cfgs.get(0).getParent();
        Path cache = appDir.resolve(CACHE);
        Path workbenchCache = appDir.resolve(WORKBENCH_CACHE);
        Path data = work.resolve("aot-training");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(workbenchCache);
        for (Path cfg : cfgs) {
            removeOptions(cfg);
        }
        boolean perCommand = isScript(launcher);
        if (perCommand) {
            make(launcher, List.of(data.toString()), cache, work);
            if (hasDisplay()) { // the workbench opened until usable (e.g. under xvfb-run)
                make(launcher, List.of("--workbench", data.toString()), workbenchCache, work);
            } else { // a cache of the JVM's start alone would be worse than the commands': the launcher takes theirs
                System.out.println("AOT training: no display, the workbench starts with the commands' cache");
            }
        } else {
            make(launcher, List.of("--all", data.toString()), cache, work); // one JVM serves both
        }
        for (Path cfg : cfgs) {
            addOptions(cfg);
        }
        // the cache must be accepted: with -XX:AOTMode=on the JVM refuses to start otherwise
        Result on = run(launcher, List.of("--version"), "-XX:AOTMode=on", work);
        if (on.status != 0) {
            throw new IllegalStateException("the image's launcher does not accept its AOT cache:\n" + on.err);
        }
        Result plain = run(launcher, List.of("--version"), null, work);
        if (plain.status != 0 || !plain.err.isEmpty()) {
            throw new IllegalStateException(
                    "the image's launcher with its AOT cache printed on stderr or failed:\n" + plain.err);
        }
        if (Files.isRegularFile(workbenchCache)) {
            checkWorkbench(launcher, work);
        }
        checkCopy(image, launcher, work);
        System.out.println("AOT cache " + describe(cache)
                + (Files.isRegularFile(workbenchCache) ? " and " + describe(workbenchCache) : "")
                + ", accepted by " + launcher.getFileName());
    }

    /** The workbench starts with its own cache required; the startup probe closes the window once usable. */
    static void checkWorkbench(Path launcher, Path work) throws IOException, InterruptedException {
        Result window = run(
                launcher,
                List.of("--data-dir", work.resolve("check-workbench").toString()),
                "-XX:AOTMode=on -Dlakebench.startupProbe=true",
                work);
        if (window.status != 0 || !window.err.isEmpty()) {
            throw new IllegalStateException(
                    "the image's workbench does not accept its AOT cache, or printed on stderr:\n" + window.err);
        }
    }

    static String describe(Path cache) throws IOException {
        return cache.getFileName() + " (" + Files.size(cache) / (1024 * 1024) + " MB)";
    }

    /** Records what {@code args} use, through the image's launcher, and assembles {@code cache} from it. */
    static void make(Path launcher, List<String> args, Path cache, Path work) throws IOException, InterruptedException {
        Path config = work.resolve(cache.getFileName() + "conf");
        Files.deleteIfExists(config);
        String training = "-Dlakebench.aot.training=true"; // the image's main class runs the training then
        Result record = run(launcher, args, "-XX:AOTMode=record -XX:AOTConfiguration=" + config + " " + training, work);
        if (record.status != 0) {
            throw new IllegalStateException("the training run " + args + " failed (" + record.status + "):\n"
                    + record.err);
        }
        run(launcher, args, "-XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache, work);
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run " + args + " made no AOT cache at " + cache);
        }
    }

    /** Whether the launcher is a script (the Linux image's own), which chooses a cache per command. */
    static boolean isScript(Path launcher) throws IOException {
        try (var in = Files.newInputStream(launcher)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        }
    }

    static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /**
     * A copy of the image opens the engine with the cache while the image itself is out of reach: with the AOT
     * cache, a library that finds its files through its jar's code source is given the folder of the image that
     * made the cache, which an installed copy does not have. {@code tables} on a new data folder loads the engine's
     * native library; it must succeed with the cache required and print nothing on stderr.
     */
    static void checkCopy(Path image, Path launcher, Path work) throws IOException, InterruptedException {
        Path copy = work.resolve("image-copy");
        deleteTree(copy);
        copyTree(image, copy);
        Path away = image.resolveSibling(image.getFileName() + ".hidden-during-check");
        Files.move(image, away);
        try {
            Path copied = copy.resolve(image.relativize(launcher).toString());
            Path data = work.resolve("check-data");
            deleteTree(data);
            Result tables = run(copied, List.of("--data-dir", data.toString(), "tables"), "-XX:AOTMode=on", work);
            if (tables.status != 0 || !tables.err.isEmpty()) {
                throw new IllegalStateException("a copy of the image (the image itself out of reach) failed tables "
                        + "with its AOT cache, or printed on stderr:\n" + tables.err);
            }
        } finally {
            Files.move(away, image);
        }
        deleteTree(copy);
    }

    /** Copies a tree with its files' times and permissions (the cache checks the jars' times); links stay links. */
    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = s.toList();
        }
        for (Path p : all) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dest);
            } else {
                Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = new ArrayList<>(s.toList());
        }
        all.sort(java.util.Comparator.reverseOrder());
        for (Path p : all) {
            Files.delete(p);
        }
    }

    /** The image's console launcher. */
    static Path launcher(Path image) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try (Stream<Path> s = Files.walk(image, 4)) {
            List<Path> all = s.filter(Files::isRegularFile).toList();
            for (Path p : all) {
                String name = p.getFileName().toString();
                boolean hit = os.contains("win")
                        ? name.equalsIgnoreCase("lakebench-cli.exe")
                        : os.contains("mac")
                                ? p.getParent().getFileName().toString().equals("MacOS")
                                : p.getParent().getFileName().toString().equals("bin") && name.equals("lakebench");
                if (hit) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no launcher found in " + image);
    }

    static List<Path> configs(Path image) throws IOException {
        try (Stream<Path> s = Files.walk(image, 5)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cfg")
                            && p.getParent().getFileName().toString().equals("app"))
                    .sorted()
                    .toList();
        }
    }

    static void removeOptions(Path cfg) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        lines.removeIf(l -> l.equals(OPTION) || l.equals(QUIET));
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    /** The options go at the end of the [JavaOptions] section. */
    static void addOptions(Path cfg) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            throw new IllegalStateException("no [JavaOptions] section in " + cfg);
        }
        int at = section + 1;
        while (at < lines.size() && !lines.get(at).startsWith("[")) {
            at++;
        }
        while (at > section + 1 && lines.get(at - 1).isBlank()) {
            at--;
        }
        lines.add(at, QUIET);
        lines.add(at, OPTION);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    record Result(int status, String err) {}

    static Result run(Path launcher, List<String> args, String toolOptions, Path work)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(args);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        if (toolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        }
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
        }
        String e = Files.readString(err, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> toolOptions == null || !l.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .reduce("", (a, b) -> a + b + "\n");
        if (toolOptions != null && p.exitValue() != 0) {
            System.out.println(Files.readString(out, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return new Result(p.exitValue(), e);
    }
}
