package dev.lakebench.app.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's JVM is told there is no D-Bus session bus only where none could be reached or started: no bus
 * named, none in the runtime folder, no dbus-launch on the path; never on macOS or Windows.
 */
class SessionBusTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void noBusNamedNoneInTheRuntimeFolderAndNoDbusLaunchMeansNone() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Map<String, String> env = env("PATH", bin.toString(), "XDG_RUNTIME_DIR", dir.toString());
        SessionBus.sayNoneWhereUnreachable(env, "Linux");
        assertThat(env).containsEntry(SessionBus.VARIABLE, "disabled:");
    }

    @Test
    void aNamedBusARuntimeBusOrDbusLaunchIsLeftToTheToolkit() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Map<String, String> named = env("PATH", bin.toString(), SessionBus.VARIABLE, "unix:path=/run/user/1/bus");
        SessionBus.sayNoneWhereUnreachable(named, "Linux");
        assertThat(named).containsEntry(SessionBus.VARIABLE, "unix:path=/run/user/1/bus");

        Files.createFile(dir.resolve("bus")); // the socket a user session's bus listens on
        assertThat(SessionBus.unreachable(env("PATH", bin.toString(), "XDG_RUNTIME_DIR", dir.toString()), "Linux"))
                .isFalse();

        Path launch = Files.createFile(bin.resolve("dbus-launch"));
        Files.setPosixFilePermissions(launch, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(SessionBus.unreachable(env("PATH", "/nonexistent:" + bin), "Linux"))
                .as("it can start one")
                .isFalse();
    }

    @Test
    void neverOnMacOsOrWindows() {
        for (String os : List.of("Mac OS X", "Windows 11")) {
            Map<String, String> env = env("PATH", "/nonexistent");
            SessionBus.sayNoneWhereUnreachable(env, os);
            assertThat(env).as(os).doesNotContainKey(SessionBus.VARIABLE);
        }
    }

    @Test
    void onlyAWorkbenchChildIsToldSo() {
        assertThat(Relaunch.opensWorkbench(List.of("java", "-XX:AOTCache=x", "-jar", "/a/lakebench.jar")))
                .isTrue();
        assertThat(Relaunch.opensWorkbench(List.of("java", "-jar", "/a/lakebench.jar", "--data-dir", "d")))
                .isTrue();
        assertThat(Relaunch.opensWorkbench(List.of("java", "-jar", "/a/lakebench.jar", "tables")))
                .isFalse();
        assertThat(Relaunch.opensWorkbench(List.of("java", "-cp", "a:b", Boot.class.getName(), "query", "SELECT 1")))
                .isFalse();
        assertThat(Relaunch.opensWorkbench(List.of("java", "-cp", "a:b", Boot.class.getName())))
                .isTrue();
    }
}
