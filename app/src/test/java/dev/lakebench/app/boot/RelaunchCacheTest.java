package dev.lakebench.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's second JVM gets the workbench's AOT cache beside the jar, and the jar by its absolute path. */
class RelaunchCacheTest {

    @Test
    void theWorkbenchJvmUsesTheCacheBesideTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        Path cache = Files.createFile(dir.resolve(Relaunch.WORKBENCH_CACHE));
        List<String> cmd = new Relaunch(Path.of("java"), true).command(List.of(), jar.toString(), new String[0]);
        assertThat(cmd).contains("-XX:AOTCache=" + cache, "-Xlog:disable");
        assertThat(cmd.get(cmd.indexOf("-cp") + 1))
                .isEqualTo(jar.toAbsolutePath().normalize().toString());
    }

    @Test
    void withoutACacheOrWithoutTheVectorModuleNoCacheIsNamed(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        assertThat(new Relaunch(Path.of("java"), true).command(List.of(), jar.toString(), new String[0]))
                .noneMatch(a -> a.startsWith("-XX:AOTCache"));
        Files.createFile(dir.resolve(Relaunch.WORKBENCH_CACHE));
        assertThat(new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[0]))
                .noneMatch(a -> a.startsWith("-XX:AOTCache"));
    }

    @Test
    void aRelativeClassPathIsMadeAbsolute() {
        String cp = Relaunch.absolute("app/target/lakebench.jar");
        assertThat(Path.of(cp).isAbsolute()).isTrue();
        assertThat(cp).endsWith("lakebench.jar");
    }
}
