package dev.lakebench.app.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM options the launcher reads for the second JVM, from the command line where it can be read as a file. */
class BootOptionsTest {

    @Test
    void aCommandLineFileIsSplitOnNul(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cmdline");
        Files.write(file, "java\0-Dx=a b\0-jar\0lakebench.jar\0--data-dir\0d é\0".getBytes(StandardCharsets.UTF_8));
        assertThat(Boot.commandLine(file))
                .containsExactly("java", "-Dx=a b", "-jar", "lakebench.jar", "--data-dir", "d é");
        assertThat(Boot.commandLine(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void theOptionsBeforeDashJarAreTheJvmsOwnAsTheManagementClassesGiveThem() {
        List<String> line = Boot.commandLine(Path.of("/proc/self/cmdline"));
        assumeTrue(line.contains("-jar"), "a command line readable as a file, started with -jar (as the tests are)");
        assumeTrue(
                System.getenv("JAVA_TOOL_OPTIONS") == null && System.getenv("JDK_JAVA_OPTIONS") == null,
                "no options from the environment, which the command line does not show");
        assertThat(Boot.jvmOptions())
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
