package dev.lakebench.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second JVM started from an older Java gets the AOT cache beside the jar that the launcher would give it (the
 * commands' or the workbench's), and the jar by its absolute path: the app jar beside the boot jar when started on
 * the boot jar. A child with the Vector API module, which no cache of the build fits, gets none.
 */
class RelaunchCacheTest {

    @Test
    void theChildOfAnOlderJavaUsesTheCacheBesideTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        Path cache = Files.createFile(dir.resolve(Relaunch.CACHE));
        Path workbenchCache = Files.createFile(dir.resolve(Relaunch.WORKBENCH_CACHE));
        assertThat(new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[] {"tables"}))
                .as("a command: the commands' cache")
                .contains("-XX:AOTCache=" + cache)
                .doesNotContain(
                        "-XX:-AOTReplayTraining",
                        "-XX:CompileThresholdScaling=3",
                        "-XX:NewSize=64m",
                        Relaunch.HUGE_PAGES);
        List<String> cmd = new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[0]);
        assertThat(cmd).as("the workbench: its own cache").contains("-XX:AOTCache=" + workbenchCache, "-Xlog:disable");
        assertThat(cmd)
                .as("the workbench, as the launcher starts it: no replayed profiles")
                .containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining", "-jar")
                .contains("-XX:CompileThresholdScaling=3")
                .containsAll(Relaunch.LAUNCH_TUNING)
                .contains("-XX:Tier4InvocationThreshold=50000", "-XX:NewSize=64m");
        if (Relaunch.isLinux()) {
            assertThat(cmd)
                    .as("the workbench's heap on huge pages, as the launcher asks")
                    .contains(Relaunch.HUGE_PAGES);
        }
        // as the launcher starts it: the manifest allows native access; the option would make the JVM refuse the cache
        assertThat(cmd).noneMatch(a -> a.startsWith("--enable-native-access") || a.equals("jdk.incubator.vector"));
        assertThat(cmd.get(cmd.indexOf("-jar") + 1))
                .isEqualTo(jar.toAbsolutePath().normalize().toString());
    }

    @Test
    void classesOnASeveralEntryClassPathRunWithNativeAccessAndNoCache(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        Files.createFile(dir.resolve(Relaunch.CACHE));
        String cp = jar + java.io.File.pathSeparator + dir.resolve("other.jar");
        List<String> cmd = new Relaunch(Path.of("java"), false).command(List.of(), cp, new String[] {"tables"});
        assertThat(cmd).contains("--enable-native-access=ALL-UNNAMED").noneMatch(a -> a.startsWith("-XX:AOTCache"));
        assertThat(cmd.subList(cmd.indexOf("-cp") + 2, cmd.size())).containsExactly(Boot.class.getName(), "tables");
    }

    @Test
    void withoutACacheOrWithTheVectorModuleNoCacheIsNamed(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        assertThat(new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[0]))
                .noneMatch(a -> a.startsWith("-XX:AOTCache"));
        Files.createFile(dir.resolve(Relaunch.WORKBENCH_CACHE));
        List<String> simd = new Relaunch(Path.of("java"), true).command(List.of(), jar.toString(), new String[0]);
        assertThat(simd).noneMatch(a -> a.startsWith("-XX:AOTCache"));
        assertThat(simd).containsSequence("--add-modules", "jdk.incubator.vector");
    }

    @Test
    void classesInAFolderGetNoCache(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createFile(dir.resolve(Relaunch.CACHE));
        assertThat(new Relaunch(Path.of("java"), false).command(List.of(), classes.toString(), new String[0]))
                .noneMatch(a -> a.startsWith("-XX:AOTCache"));
    }

    @Test
    void withTheCacheTheEngineLibraryIsLookedForBesideTheJarFirst(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        Files.createFile(dir.resolve(Relaunch.CACHE));
        List<String> cmd =
                new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[] {"tables"});
        assertThat(cmd).anyMatch(a -> a.startsWith("-Djava.library.path=" + dir.resolve("lib") + File.pathSeparator));
        Path lib = Path.of("/app/lib");
        String sep = File.pathSeparator;
        assertThat(Relaunch.libraryPath(lib, "/usr/lib")).isEqualTo("/app/lib" + sep + "/usr/lib");
        assertThat(Relaunch.libraryPath(lib, "/app/lib" + sep + "/usr/lib")).isEqualTo("/app/lib" + sep + "/usr/lib");
        assertThat(Relaunch.libraryPath(lib, "")).isEqualTo("/app/lib");
    }

    @Test
    void theBootJarsChildRunsTheAppJarBesideItWithTheCacheBesideBoth(@TempDir Path dir) throws Exception {
        Path boot = Files.createFile(dir.resolve("lakebench.jar"));
        Path app = Files.createFile(dir.resolve(Relaunch.APP_JAR));
        Path cache = Files.createFile(dir.resolve(Relaunch.CACHE));
        Path workbenchCache = Files.createFile(dir.resolve(Relaunch.WORKBENCH_CACHE));
        assertThat(Relaunch.appJarOf(boot.toString())).isEqualTo(app.toAbsolutePath());
        assertThat(Relaunch.appJarOf(app.toString()))
                .as("the app jar holds Lakebench")
                .isNull();
        assertThat(Relaunch.appJarOf(boot + File.pathSeparator + app)).isNull();
        for (String[] args : List.of(new String[] {"tables"}, new String[0])) {
            List<String> cmd = new Relaunch(Path.of("java"), false).command(List.of(), boot.toString(), args);
            assertThat(cmd.get(cmd.indexOf("-jar") + 1))
                    .isEqualTo(app.toAbsolutePath().toString());
            assertThat(cmd).contains("-XX:AOTCache=" + (args.length == 0 ? workbenchCache : cache));
            assertThat(Relaunch.opensWorkbench(cmd)).isEqualTo(args.length == 0);
        }
    }

    @Test
    void withoutAnAppJarBesideItTheJarRunsItself(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        assertThat(Relaunch.appJarOf(jar.toString())).isNull();
        assertThat(Relaunch.appJarOf(dir.toString())).isNull();
        Files.createDirectories(dir.resolve("sub"));
        Path other = Files.createFile(dir.resolve("sub").resolve(Relaunch.APP_JAR));
        assertThat(Relaunch.appJarOf(other.toString())).isNull();
    }

    @Test
    void aRelativeClassPathIsMadeAbsolute() {
        String cp = Relaunch.absolute("app/target/lakebench.jar");
        assertThat(Path.of(cp).isAbsolute()).isTrue();
        assertThat(cp).endsWith("lakebench.jar");
    }

    @Test
    void theChildIsToldThisProcesssId(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("lakebench.jar"));
        assertThat(Relaunch.ownPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(new Relaunch(Path.of("java"), false).command(List.of(), jar.toString(), new String[0]))
                .contains("-D" + Relaunch.PARENT_PID + "="
                        + ProcessHandle.current().pid());
    }
}
