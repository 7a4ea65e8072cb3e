package dev.lakebench.bench.startup;

import dev.lakebench.bench.BenchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The packaged app the start-up benchmarks start: the launcher with its AOT cache and the jar, under
 * {@code app/target} (run from the repository root). Without them a benchmark is reported as not run.
 */
record BuiltApp(Path launcher, Path jar) {

    /** Where {@code mvn -pl app -am -DskipTests package} puts the app. */
    static final Path DIR = Path.of("app", "target");

    /** The app image's launcher, as {@code mvn -Pdist -DskipTests package} leaves it (installed, it is the same). */
    static final Path IMAGE = Path.of("installers", "target", "jpackage", "image", "lakebench", "bin", "lakebench");

    /** Noted when the app image was not built: how to build it. */
    static final String IMAGE_HOW =
            "app image not measured: build it with mvn -Pdist -DskipTests package -Dinstaller.imageOnly=true";

    /** The built app, or empty after noting under {@code benchmark} how to build it. */
    static Optional<BuiltApp> find(BenchContext ctx, String benchmark) {
        Optional<BuiltApp> app = in(DIR);
        if (app.isEmpty()) {
            ctx.note(benchmark, "not run: build the app first (mvn -pl app -am -DskipTests package)");
        }
        return app;
    }

    /** The app built into {@code dir} (an {@code app/target} folder), if it is there. */
    static Optional<BuiltApp> in(Path dir) {
        Path launcher = dir.resolve("lakebench").toAbsolutePath();
        Path jar = dir.resolve("lakebench.jar").toAbsolutePath();
        if (!Files.isExecutable(launcher) || !Files.exists(jar)) {
            return Optional.empty();
        }
        return Optional.of(new BuiltApp(launcher, jar));
    }
}
