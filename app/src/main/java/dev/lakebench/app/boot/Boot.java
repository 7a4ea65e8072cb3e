package dev.lakebench.app.boot;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 17 so that any installed java can start it. Lakebench needs Java 25
 * with the Vector API module: when the running JVM lacks either, this finds a suitable JDK
 * ({@code LAKEBENCH_JAVA_HOME}, {@code JAVA_HOME}, the usual install folders) and re-launches the jar with it;
 * otherwise it calls the real main directly.
 */
public final class Boot {

    static final int REQUIRED_FEATURE = 25;
    static final String MAIN = "dev.lakebench.app.Main";

    private Boot() {
    }

    public static void main(String[] args) throws Exception {
        boolean newEnough = Runtime.version().feature() >= REQUIRED_FEATURE;
        boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (newEnough && (vectorApi || "1".equals(System.getenv("LAKEBENCH_NO_RELAUNCH")))) {
            Class<?> main = Class.forName(MAIN);
            Method m = main.getMethod("main", String[].class);
            m.invoke(null, (Object) args);
            return;
        }
        Optional<Path> java = newEnough ? Optional.of(currentJava()) : findJava();
        if (java.isEmpty()) {
            System.err.println("Lakebench needs Java " + REQUIRED_FEATURE + " or newer, but this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ").");
            System.err.println("Install a JDK " + REQUIRED_FEATURE + " (e.g. Temurin), or point LAKEBENCH_JAVA_HOME at one.");
            System.exit(1);
        }
        System.exit(relaunch(java.get(), args));
    }

    static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", exe("java"));
    }

    private static String exe(String name) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? name + ".exe" : name;
    }

    static Optional<Path> findJava() {
        List<Path> homes = new ArrayList<>();
        for (String env : new String[] {"LAKEBENCH_JAVA_HOME", "JAVA_HOME"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                homes.add(Paths.get(v));
            }
        }
        for (String dir : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines",
            System.getProperty("user.home") + "/.sdkman/candidates/java", "C:\\Program Files\\Java",
            "C:\\Program Files\\Eclipse Adoptium"}) {
            Path d = Paths.get(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).forEach(p -> {
                        homes.add(p);
                        homes.add(p.resolve("Contents").resolve("Home"));
                    });
                } catch (IOException e) {
                    // unreadable folder: skip it
                }
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve(exe("java"));
            if (Files.isExecutable(java) && feature(home) >= REQUIRED_FEATURE) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    /** The feature version from a JDK's {@code release} file, 0 when unreadable. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static int relaunch(Path java, String[] args) throws IOException, InterruptedException, URISyntaxException {
        Path jar = Paths.get(Boot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        String extra = System.getenv("LAKEBENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(jar + File.pathSeparator + jar.getParent().resolve("lib").resolve("*"));
        cmd.add(MAIN);
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (p.isAlive()) {
                p.destroy();
            }
        }, "lakebench-boot-forward-exit"));
        return p.waitFor();
    }
}
