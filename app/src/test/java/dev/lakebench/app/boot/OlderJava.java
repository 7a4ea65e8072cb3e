package dev.lakebench.app.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A JDK installed beside the test's own that is older than 25 but can run the boot launcher (17 or newer). */
public final class OlderJava {

    private OlderJava() {}

    public static Optional<Path> home() {
        for (String dir : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java"}) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                Optional<Path> found = s.sorted()
                        .filter(h -> Files.isExecutable(h.resolve("bin").resolve("java")))
                        .filter(h -> {
                            int f = Boot.feature(h);
                            return f >= 17 && f < Boot.REQUIRED_FEATURE;
                        })
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                // unreadable folder: look in the next one
            }
        }
        return Optional.empty();
    }
}
