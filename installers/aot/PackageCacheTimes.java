import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps the package's AOT cache valid where it is installed. The cache names the jars it was made from by size and
 * modification time, and the JVM refuses it when a time differs ("timestamp has changed"). jpackage copies the
 * app image into its own folder before packaging it, and the copy gets new times, so the packaged jars no longer
 * match the cache made in the image.
 *
 * <ul>
 *   <li>deb: this step unpacks the deb, gives every file of the app the time it has in the image and packs it
 *       again (dpkg keeps the times when it installs).</li>
 *   <li>rpm: the spec ({@code linux/resources/lakebench.spec}) gives the files the image's times as it packs
 *       them (rpm keeps them when it installs); this step only checks.</li>
 * </ul>
 *
 * Then the result is checked as installed: the package is extracted into a scratch folder and its launcher must
 * start with {@code -XX:AOTMode=on} (which fails when the cache is refused), open the engine ({@code tables} on a
 * new data folder) with the build's image out of reach, and print nothing on stderr.
 *
 * <p>Run by the installers build after the package is made: {@code java PackageCacheTimes.java TYPE DIST_DIR
 * IMAGE_DIR WORK_DIR} (it does nothing for other types; {@code DIST_DIR} holds the package, {@code IMAGE_DIR} is
 * the app image's top folder, e.g. {@code image/lakebench}). Needs {@code dpkg-deb}, or {@code rpm2cpio} and
 * {@code cpio}.
 */
public final class PackageCacheTimes {

    public static void main(String[] args) throws Exception {
        String type = args[0];
        if (!type.equals("deb") && !type.equals("rpm")) {
            return; // msi, dmg: see installers/README.md
        }
        Path image = Path.of(args[2]).toAbsolutePath();
        Path work = Path.of(args[3]).toAbsolutePath();
        Path pkg = newest(Path.of(args[1]).toAbsolutePath(), "." + type);
        deleteTree(work);
        Files.createDirectories(work);
        String fixed = "";
        if (type.equals("deb")) {
            Path tree = work.resolve("tree");
            run(List.of("dpkg-deb", "-R", pkg.toString(), tree.toString()), null);
            int n = copyTimes(image, appRoot(tree, image));
            Path rebuilt = work.resolve(pkg.getFileName());
            String compressor = System.getenv().getOrDefault("DPKG_DEB_COMPRESSOR_TYPE", "gzip");
            run(List.of("dpkg-deb", "--root-owner-group", "-Z" + compressor, "--build", tree.toString(),
                    rebuilt.toString()), null);
            Files.move(rebuilt, pkg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            deleteTree(tree);
            fixed = n + " files keep the image's times; ";
        }
        Path into = work.resolve("installed");
        extract(type, pkg, into);
        check(appRoot(into, image), image);
        deleteTree(into);
        System.out.println(type + " " + pkg.getFileName() + ": " + fixed + "the AOT cache is accepted as installed");
    }

    /** The package jpackage just wrote into {@code dist}. */
    static Path newest(Path dist, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dist)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparing(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }))
                    .orElseThrow(() -> new IllegalStateException("no " + suffix + " in " + dist));
        }
    }

    /** Unpacks the package's files as its package manager installs them, times included. */
    static void extract(String type, Path pkg, Path into) throws Exception {
        Files.createDirectories(into);
        List<String> command = type.equals("deb")
                ? List.of("dpkg-deb", "-x", pkg.toString(), into.toString())
                : List.of("sh", "-c", "cd \"$1\" && rpm2cpio \"$2\" | cpio -idm --quiet", "extract",
                        into.toString(), pkg.toString());
        Result r = run(command, null);
        if (r.status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + r.err);
        }
    }

    /** Where the package installs the image: the folder under the package's tree whose name is the image's. */
    static Path appRoot(Path tree, Path image) throws IOException {
        String name = image.getFileName().toString();
        try (Stream<Path> s = Files.walk(tree, 3)) {
            return s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name)
                            && Files.isDirectory(p.resolve("lib").resolve("app")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + "/lib/app in the package"));
        }
    }

    /** Gives every regular file under {@code to} the modification time of its counterpart under {@code from}. */
    static int copyTimes(Path from, Path to) throws IOException {
        int n = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(to)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path original = from.resolve(to.relativize(f).toString());
            if (Files.isRegularFile(original)) {
                Files.setLastModifiedTime(f, Files.getLastModifiedTime(original));
                n++;
            }
        }
        return n;
    }

    /**
     * Runs the extracted package's launcher with the cache required, while the build's image is out of reach: with
     * the AOT cache, a library that finds its files through its jar's code source is given the folder of the image
     * that made the cache, which a user's machine does not have. {@code tables} on a new data folder opens the
     * engine (its native library) and must print nothing on stderr.
     */
    static void check(Path root, Path image) throws Exception {
        Path launcher = root.resolve("bin").resolve(image.getFileName().toString());
        Path away = image.resolveSibling(image.getFileName() + ".hidden-during-check");
        Files.move(image, away);
        try {
            Result on = run(List.of(launcher.toString(), "--version"), "-XX:AOTMode=on");
            if (on.status != 0) {
                throw new IllegalStateException("the installed launcher refuses its AOT cache:\n" + on.err);
            }
            Path data = root.resolveSibling(root.getFileName() + "-data");
            Result tables = run(List.of(launcher.toString(), "--data-dir", data.toString(), "tables"),
                    "-XX:AOTMode=on");
            if (tables.status != 0 || !tables.err.isEmpty()) {
                throw new IllegalStateException("the installed launcher's tables (with its AOT cache, the build's "
                        + "image out of reach) failed or printed on stderr:\n" + tables.err);
            }
            Result plain = run(List.of(launcher.toString(), "--version"), null);
            if (plain.status != 0 || !plain.err.isEmpty()) {
                throw new IllegalStateException("the installed launcher printed on stderr or failed:\n" + plain.err);
            }
        } finally {
            Files.move(away, image);
        }
    }

    record Result(int status, String err) {}

    static Result run(List<String> command, String javaToolOptions) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (javaToolOptions != null) { // the JVM announces the variable on stderr
            err = err.replaceFirst("Picked up JAVA_TOOL_OPTIONS: [^\\n]*\\n?", "");
        }
        if (javaToolOptions == null && command.get(0).equals("dpkg-deb") && p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + err);
        }
        return new Result(p.exitValue(), err);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            Files.delete(p);
        }
    }
}
