package dev.lakebench.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build recorded. It is shown as the installers number their packages: without the
 * {@code -SNAPSHOT} suffix (a build from a snapshot says so in words), followed by the engine, search
 * library and Java versions.
 */
public final class Version implements IVersionProvider {

    private static final Properties BUILD = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version file: a build from the IDE
        }
        return p;
    }

    /** The version as the installer's package has it, e.g. {@code 0.1.0}. */
    public static String current() {
        String v = BUILD.getProperty("version", "development");
        return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
    }

    static boolean snapshot() {
        return BUILD.getProperty("version", "").endsWith("-SNAPSHOT");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "lakebench " + current() + (snapshot() ? " (development build)" : ""),
            "engine: " + BUILD.getProperty("engine", "unknown") + ", search: " + BUILD.getProperty("search", "unknown"),
            "java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")"
        };
    }
}
