package dev.lakebench.app.boot;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the workbench's toolkit could reach or start a D-Bus session bus. Without a bus named
 * ({@code DBUS_SESSION_BUS_ADDRESS}), none at {@code $XDG_RUNTIME_DIR/bus} and no {@code dbus-launch} on the path,
 * GTK's accessibility bridge and GIO still try to start one ({@code dbus-launch --autolaunch}, forking the JVM)
 * and fail, about 0.1 s before the first frame; naming no bus ({@code disabled:}) skips the attempts and loses
 * nothing. The launcher scripts make the same choice for the JVM they start.
 */
final class SessionBus {

    static final String VARIABLE = "DBUS_SESSION_BUS_ADDRESS";
    /** The address of no bus: a connection to it fails at once. */
    static final String NONE = "disabled:";

    private SessionBus() {}

    /** Names no bus in {@code env} (a child's environment) when none could be reached or started; on macOS never. */
    static void sayNoneWhereUnreachable(Map<String, String> env, String osName) {
        if (unreachable(env, osName)) {
            env.put(VARIABLE, NONE);
        }
    }

    static boolean unreachable(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("win")) {
            return false;
        }
        String address = env.get(VARIABLE);
        if (address != null && !address.isBlank()) {
            return false;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return false;
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dbus-launch"))) {
                return false;
            }
        }
        return true;
    }
}
